// For a page that embeds refrain with an iframe and may run one script: sets each refrain frame's
// height from the messages it sends ({type: 'refrain-height', height}), so it never scrolls inside.
//   <iframe src="https://example.org/refrain/embed/embed.html?demo=..." title="..." width="100%" height="600"></iframe>
//   <script type="module" src="https://example.org/refrain/embed/resize.js"></script>
// Only messages from a frame of this page, coming from that frame's own origin, are obeyed.
const MIN = 120;
const MAX = 20000;

window.addEventListener('message', (event) => {
  const data = event.data;
  if (data?.type !== 'refrain-height') return;
  const height = Math.round(Number(data.height));
  if (!Number.isFinite(height)) return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow !== event.source) continue;
    let origin;
    try {
      origin = new URL(frame.src, document.baseURI).origin;
    } catch {
      return;
    }
    if (origin !== event.origin) return;
    frame.height = String(Math.max(MIN, Math.min(MAX, height)));
    frame.dataset.refrainHeight = frame.height;
    return;
  }
});

// Frames that loaded before this script ran: ask them for their height again.
for (const frame of document.querySelectorAll('iframe')) {
  try {
    frame.contentWindow.postMessage({ type: 'refrain-height-request' }, new URL(frame.src, document.baseURI).origin);
  } catch {
    /* not a refrain frame */
  }
}
