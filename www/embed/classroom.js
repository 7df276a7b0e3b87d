// The classroom page: compares the statements named by the URL (sources.js) in the shared
// Worker, then shows the presenter (keys anywhere on the page), the worksheet (#worksheet or
// ?mode=worksheet) or the comparison of two groups as slides (#groups or ?mode=groups; the groups
// from ?a= and ?b=, else those the main page compares, else its first choice). Printing always
// prints the worksheet (classroom.css).
import { sharedClient } from '../refrain-client.js';
import { labelsFor, loadLabels } from '../js/labels.js';
import { buildModel } from '../js/model.js';
import { coded } from '../js/util.js';
import { readSources } from './sources.js';
import { createPresenter, renderWorksheet, adoptPresenterSheet } from './presenter.js';
import { createGroupsMode } from './classroom-groups.js';

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
  $('mode-groups').textContent = L.groups;
  $('print').textContent = L.printWorksheet;
  return L;
}
let L = labelsFor('en');

const MODES = ['present', 'worksheet', 'groups'];
function mode() {
  const h = location.hash.slice(1);
  if (MODES.includes(h)) return h;
  const m = new URL(location.href).searchParams.get('mode');
  return MODES.includes(m) ? m : 'present';
}

let groups = null; // the group comparison, made when first shown (it runs the engine)
let shown = null; // {statements, settings, model}, once compared

function showMode() {
  const m = mode();
  $('stage').hidden = m !== 'present';
  $('worksheet').hidden = m !== 'worksheet';
  $('groups').hidden = m !== 'groups';
  document.body.classList.toggle('worksheet-mode', m === 'worksheet');
  for (const x of MODES) {
    if (x === m) $(`mode-${x}`).setAttribute('aria-current', 'page');
    else $(`mode-${x}`).removeAttribute('aria-current');
  }
  if (m === 'present' && presenter) presenter.element.focus({ preventScroll: true });
  if (m === 'groups' && shown) {
    groups ??= createGroupsMode(document, L, shown);
    groups.show();
  }
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
    throw coded('no_statements', 'no statements: give ?ws=, ?from=, ?demo=, ?list= or ?src= in the address');
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
  shown = { statements, settings, report };
  document.documentElement.dataset.state = 'ready';
} catch (e) {
  status.textContent = L.classroomFailed(e.message);
  document.documentElement.dataset.state = 'error';
}
showMode();
