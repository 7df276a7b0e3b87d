// Offline use: registers the service worker (../sw.js) once the page has loaded and shown its first
// results, and when a new version of refrain is waiting to take over, says so in a small notice
// with a Reload button.
// Loaded by index.html, embed/embed.html and embed/classroom.html with
// <script type="module" src="…/js/offline.js">. A page shown in a frame (the iframe embed inside
// an article) shows no notice: its new version takes over once no page uses the old one.
import { adoptSheet, h } from './util.js';

const SW = new URL('../sw.js', import.meta.url);

const CSS = `
:host { all: initial; }
.notice {
  position: fixed; inset-inline-end: 1rem; inset-block-end: 1rem; z-index: 2147483647; max-width: calc(100vw - 2rem);
  display: flex; flex-wrap: wrap; gap: .5em 1em; align-items: center; box-sizing: border-box;
  padding: .6em .8em; border-radius: 8px; border: 1px solid #0b5cad; background: #ffffff; color: #1b1b1b;
  font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  box-shadow: 0 2px 10px rgb(0 0 0 / .25);
}
button {
  font: inherit; min-height: 2.25em; padding: .2em .9em; border-radius: 6px; cursor: pointer;
  border: 1px solid #0b5cad; background: #0b5cad; color: #ffffff;
}
button.later { background: transparent; color: #0b5cad; }
button:focus-visible { outline: 3px solid #0b5cad; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .notice { background: #1e2024; color: #ececec; border-color: #8cc4ff; }
  button { background: #8cc4ff; border-color: #8cc4ff; color: #0d1117; }
  button.later { background: transparent; color: #8cc4ff; }
  button:focus-visible { outline-color: #8cc4ff; }
}`;

/** Shows the notice (once) for the `waiting` service worker. */
function offerReload(waiting) {
  if (window.parent !== window || document.getElementById('refrain-update')) return;
  const host = h(document, 'div', { id: 'refrain-update' });
  const shadow = host.attachShadow({ mode: 'open' });
  adoptSheet(shadow, CSS);
  const reload = () => {
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    waiting.postMessage({ type: 'skip-waiting' });
  };
  shadow.append(
    h(
      document,
      'div',
      { class: 'notice', role: 'status' },
      h(document, 'span', { text: 'A new version of refrain is ready.' }),
      h(document, 'button', { type: 'button', class: 'reload', text: 'Reload', on: { click: reload } }),
      h(document, 'button', { type: 'button', class: 'later', text: 'Later', on: { click: () => host.remove() } }),
    ),
  );
  document.body.append(host);
}

async function register() {
  const registration = await navigator.serviceWorker.register(SW, { updateViaCache: 'none' });
  // A new version waits only when this page is already controlled by an older one.
  const offer = (worker) => {
    if (worker && navigator.serviceWorker.controller) offerReload(worker);
  };
  const track = (worker) =>
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed') offer(worker);
    });
  offer(registration.waiting);
  track(registration.installing);
  registration.addEventListener('updatefound', () => track(registration.installing));
}

// Resolves once the page is not at work (html[data-state] neither 'loading' nor 'running': the page
// and the classroom say so while their first comparison runs; index.html starts at 'loading', since
// its modules may set the state only after the window's load event), or after `most` ms.
function settled(most) {
  const root = document.documentElement;
  const busy = () => ['loading', 'running'].includes(root.dataset.state);
  if (!busy()) return Promise.resolve();
  return new Promise((ok) => {
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      ok();
    };
    const observer = new MutationObserver(() => {
      if (!busy()) done();
    });
    observer.observe(root, { attributes: true, attributeFilter: ['data-state'] });
    const timer = setTimeout(done, most);
  });
}

// Installing the service worker downloads every file of refrain: it starts once the page has
// loaded and shown its first results, so that it does not slow them down.
if ('serviceWorker' in navigator && window.isSecureContext) {
  const start = () =>
    settled(10_000)
      .then(register)
      .catch(() => {
        /* no service worker (private mode, a host that does not serve sw.js): the page works online */
      });
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}
