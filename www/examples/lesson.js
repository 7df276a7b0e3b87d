// The lesson page's one script: "Present here" switches the comparison to its presenter view
// and puts it full screen. Everything else on the page works without JavaScript.
const compare = document.getElementById('lesson-set');
const present = document.getElementById('present');

present.hidden = false;
present.addEventListener('click', async () => {
  compare.view = 'presenter';
  compare.scrollIntoView({ block: 'start' });
  if (document.fullscreenEnabled && compare.requestFullscreen) {
    try {
      await compare.requestFullscreen();
    } catch {
      /* stays in the page */
    }
  }
});
document.addEventListener('fullscreenchange', () => {
  if (!document.fullscreenElement && compare.view === 'presenter') compare.view = 'refrains';
});
