// The classroom page: compares the statements named by the URL (sources.js) in the shared
// Worker, then shows the presenter (keys anywhere on the page) or the worksheet (#worksheet or
// ?mode=worksheet). Printing always prints the worksheet (classroom.css).
import { sharedClient } from '../refrain-client.js';
import { labelsFor, loadLabels } from '../js/labels.js';
import { buildModel } from '../js/model.js';
import { coded } from '../js/util.js';
import { readSources } from './sources.js';
import { createPresenter, renderWorksheet, adoptPresenterSheet } from './presenter.js';

const $ = (id) => document.getElementById(id);
const status = $('status');
adoptPresenterSheet(document);

let presenter = null;

// The page's own labels (the presenter and the worksheet take the same labels object).
async function chrome(lang) {
  const L = await loadLabels(lang);
  $('title').textContent = L.classroom;
  $('mode-present').textContent = L.presenter;
  $('mode-worksheet').textContent = L.worksheet;
  $('print').textContent = L.printWorksheet;
  return L;
}
let L = labelsFor('en');

function mode() {
  const m = new URL(location.href).searchParams.get('mode');
  return location.hash === '#worksheet' || (m === 'worksheet' && location.hash !== '#present')
    ? 'worksheet'
    : 'present';
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
  if (settings.lang) {
    document.documentElement.lang = settings.lang;
    L = await chrome(settings.lang);
  }
  if (settings.title) {
    $('title').textContent = settings.title;
    document.title = `${settings.title} (classroom)`;
  }
  $('attribution').textContent = attribution || '';
  if (!statements.length)
    throw coded('no_statements', 'no statements: give ?from=, ?demo=, ?list= or ?src= in the address');
  status.textContent = L.loading;
  const report = await sharedClient().compare(statements, settings.options || {});
  const model = buildModel(report, statements);
  status.textContent = '';
  presenter = createPresenter($('stage'), L, {
    model,
    statements,
    keyTarget: document,
    fullscreen: document.documentElement,
    focus: mode() === 'present',
    start: settings.family || null,
  });
  renderWorksheet($('worksheet'), L, {
    model,
    statements,
    source: attribution || null,
    title: settings.title ? L.wsTitleOf(settings.title) : undefined,
  });
  document.documentElement.dataset.state = 'ready';
} catch (e) {
  status.textContent = L.classroomFailed(e.message);
  document.documentElement.dataset.state = 'error';
}
showMode();
