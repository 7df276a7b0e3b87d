// The classroom page: compares the statements named by the URL (sources.js) in the shared
// Worker, then shows the presenter (keys anywhere on the page) or the worksheet (#worksheet or
// ?mode=worksheet). Printing always prints the worksheet (classroom.css).
import { sharedClient } from '../refrain-client.js';
import { buildModel } from '../js/model.js';
import { readSources } from './sources.js';
import { createPresenter, renderWorksheet, adoptPresenterSheet } from './presenter.js';

const $ = (id) => document.getElementById(id);
const status = $('status');
adoptPresenterSheet(document);

let presenter = null;

// The page's own labels (the presenter and the worksheet bring theirs).
const CHROME = {
  fr: { title: 'Classe', present: 'Présenter', worksheet: 'Fiche', print: 'Imprimer la fiche', comparing: 'Comparaison des déclarations…', failed: 'La vue de classe n’a pas pu démarrer : ' },
  zh: { title: '课堂', present: '演示', worksheet: '练习单', print: '打印练习单', comparing: '正在比较……', failed: '课堂视图无法启动：' },
  en: { title: 'Classroom', present: 'Present', worksheet: 'Worksheet', print: 'Print the worksheet', comparing: 'Comparing the statements…', failed: 'The classroom view could not start: ' },
};
function chrome(lang) {
  const L = CHROME[String(lang || 'en').toLowerCase().split(/[-_]/)[0]] || CHROME.en;
  $('title').textContent = L.title;
  $('mode-present').textContent = L.present;
  $('mode-worksheet').textContent = L.worksheet;
  $('print').textContent = L.print;
  return L;
}
let L = CHROME.en;

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
  if (settings.lang) { document.documentElement.lang = settings.lang; L = chrome(settings.lang); }
  if (settings.title) { $('title').textContent = settings.title; document.title = `${settings.title} (classroom)`; }
  $('attribution').textContent = attribution || '';
  if (!statements.length) throw Object.assign(new Error('no statements: give ?from=, ?demo=, ?list= or ?src= in the address'), { code: 'no_statements' });
  status.textContent = L.comparing;
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
  status.textContent = `${L.failed}${e.message}`;
  document.documentElement.dataset.state = 'error';
}
showMode();
