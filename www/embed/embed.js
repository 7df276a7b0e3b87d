// The iframe embed: reads statements and settings from the URL (sources.js), fills the element,
// and tells the parent page its height whenever it changes:
//   parent.postMessage({ type: 'refrain-height', height, id }, '*')
// `id` is the frame's ?id= parameter (or its name), so a parent with several frames can tell them
// apart; resize.js on the parent does this by matching the message's source window instead.
// The message carries a number and an id only, so any parent may read it.
import './define.js';
import { readSources } from './sources.js';

const el = document.getElementById('compare');
const params = new URL(location.href).searchParams;
const frameId = params.get('id') || window.name || null;

let last = 0;
function postHeight() {
  if (window.parent === window) return;
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last) return;
  last = height;
  window.parent.postMessage({ type: 'refrain-height', height, id: frameId }, '*');
}
window.addEventListener('message', (e) => {
  if (e.source === window.parent && e.data && e.data.type === 'refrain-height-request') {
    last = 0;
    postHeight();
  }
});

try {
  const { statements, settings, attribution } = await readSources(location.href);
  if (settings.lang) document.documentElement.lang = settings.lang;
  for (const k of ['view', 'family', 'query', 'theme', 'views']) if (settings[k]) el.setAttribute(k, settings[k]);
  document.documentElement.dataset.theme = ['light', 'dark'].includes(settings.theme) ? settings.theme : 'auto';
  if (settings.title) {
    document.getElementById('heading').textContent = settings.title;
    document.title = `${settings.title} (refrain)`;
  }
  if (settings.options) el.options = settings.options;
  if (attribution) document.getElementById('attribution').textContent = attribution;
  el.statements = statements;
} catch (e) {
  el.statements = [];
  const link = e?.name === 'LinkError';
  document.getElementById('attribution').textContent = link
    ? `This link could not be read: ${e.message}.`
    : `The statements could not be loaded: ${e.message}`;
  // A refused link leaves the address, so that a reload does not read it again.
  if (link) history.replaceState(null, '', location.pathname + location.search);
}
// Report heights once the statements are in (not the empty page before), then on every change.
new ResizeObserver(postHeight).observe(document.documentElement);
