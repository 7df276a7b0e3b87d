// The classroom page: compares the statements named by the URL (sources.js) in the shared
// Worker, then shows the presenter (keys anywhere on the page) or the worksheet (#worksheet or
// ?mode=worksheet). Printing always prints the worksheet (classroom.css).
import { sharedClient } from '../refrain-client.js';
import { buildModel } from '../js/model.js';
import { readSources } from './sources.js';
import { createPresenter, renderWorksheet, presenterSheet } from './presenter.js';

const $ = (id) => document.getElementById(id);
const status = $('status');
document.adoptedStyleSheets = [...document.adoptedStyleSheets, presenterSheet(document)];

let presenter = null;

function mode() {
  const m = new URL(location.href).searchParams.get('mode');
  return location.hash === '#worksheet' || (m === 'worksheet' && location.hash !== '#present') ? 'worksheet' : 'present';
}

function showMode() {
  const m = mode();
  const ws = m === 'worksheet';
  $('stage').hidden = ws;
  $('worksheet').hidden = !ws;
  document.body.classList.toggle('worksheet-mode', ws);
  $('mode-present').toggleAttribute('aria-current', !ws);
  $('mode-worksheet').toggleAttribute('aria-current', ws);
  if (ws) $('mode-worksheet').setAttribute('aria-current', 'page');
  else $('mode-present').setAttribute('aria-current', 'page');
  if (!ws && presenter) presenter.element.focus({ preventScroll: true });
}

window.addEventListener('hashchange', showMode);
$('print').addEventListener('click', () => window.print());

try {
  const { statements, settings, attribution } = await readSources(location.href);
  if (settings.lang) document.documentElement.lang = settings.lang;
  if (settings.title) { $('title').textContent = settings.title; document.title = `${settings.title} (classroom)`; }
  $('attribution').textContent = attribution || '';
  if (!statements.length) throw Object.assign(new Error('no statements: give ?from=, ?demo=, ?list= or ?src= in the address'), { code: 'no_statements' });
  status.textContent = 'Comparing the statements…';
  const report = await sharedClient().compare(statements, settings.options || {});
  const model = buildModel(report, statements);
  status.textContent = '';
  const lang = settings.lang || document.documentElement.lang || 'en';
  presenter = createPresenter($('stage'), {
    model, statements, lang, keyTarget: document, fullscreen: document.documentElement, focus: mode() === 'present',
    start: settings.family || null,
  });
  renderWorksheet($('worksheet'), { model, statements, lang, source: attribution || null, title: settings.title ? `${settings.title}: the words that change` : undefined });
  document.documentElement.dataset.state = 'ready';
} catch (e) {
  status.textContent = `The classroom view could not start: ${e.message}`;
  document.documentElement.dataset.state = 'error';
}
showMode();
