// The page: loads the demo (or the saved workspace, or a shared link), runs the comparison in the
// engine's Worker, and wires the views together. The views themselves (reader, refrains, search,
// heatmap, strip, statements) render into the element they are given and know nothing of this page.

import { RefrainClient } from '../refrain-client.js';
import { buildModel, familyNamed } from './model.js';
import { labelsFor } from './labels.js';
import { createReader, MAX_COLUMNS } from './reader.js';
import { createRefrains } from './refrains.js';
import { createSearch } from './search.js';
import { createHeatmap } from './heatmap.js';
import { createStrips } from './strip.js';
import { createStatements } from './statements.js';
import { createStorage } from './storage.js';
import { loadManifest, loadDemoText, demoEntries, demoColumns, demoFocus } from './demo.js';
import { makeLink, readLink } from './share.js';
import { reportJson, reportCsv, heatmapSvgBlob, heatmapPngBlob } from './export.js';
import { debounce, download, newId, onTabKeys, plural } from './util.js';
import { mountEmbedButton } from '../embed/snippet.js';

const doc = document;
const $ = (id) => doc.getElementById(id);
const base = new URL('.', doc.baseURI).href;
const storage = createStorage(window);
const TABS = ['read', 'refrains', 'search', 'overview', 'statements'];
const DEFAULT_SET = 'multilateralism';
const L = labelsFor('en');
// Phrases the search offers under its box for the demo statements.
const SUGGESTIONS = [
  'genuine multilateralism',
  'win-win cooperation',
  'sovereignty and territorial integrity',
  'reform of the Security Council',
];

const app = {
  client: null,
  manifest: null,
  ws: null, // the workspace: statements (demo ones with text at run time), columns, tab, ...
  mode: 'normal', // 'shared' while showing a link that is not saved
  sent: [], // the statements of the last comparison, as sent
  report: null,
  model: null,
  query: null, // the last QueryReport
  storedIn: null,
  firstResults: null,
  pendingAlign: null, // a refrain to line up once the reader is visible
};

// ---------- views ----------
const reader = createReader($('panel-read'), L, {
  pick: true,
  onColumnsChange: (cols) => {
    app.ws.columns = cols;
    persist();
  },
  onSelect: (id) => selectFamily(id, 'reader'),
});
const refrains = createRefrains($('panel-refrains'), L, {
  onSelect: (id) => selectFamily(id, 'refrains'),
  onRead: (id) => showFamilyInReader(id),
});
const search = createSearch($('panel-search'), L, {
  suggestions: SUGGESTIONS,
  onSearch: (q) => runQuery(q),
  onGo: (i) => {
    selectTab('read');
    reader.goToHit(i);
  },
  onRead: (id) => showFamilyInReader(id),
});
const heatmap = createHeatmap($('overview-heatmap'), L, {
  onOpenPair: (a, b) => {
    app.ws.columns = [a, b];
    persist();
    renderReader();
    selectTab('read');
  },
});
const strips = createStrips($('overview-strips'), L, {
  onOpen: (id, occ) => {
    selectTab('read');
    reader.goTo(id, occ ? occ.start : 0, occ ? occ.family : null);
  },
});
const statements = createStatements($('panel-statements'), {
  onAdd: (list) => {
    for (const st of list) app.ws.statements.push({ id: newId('u'), source: 'user', demoId: null, ...st });
    say(`${plural(list.length, 'statement')} added. Comparing…`);
    changed({ structure: true });
  },
  onUpdate: (id, patch) => {
    const st = app.ws.statements.find((x) => x.id === id);
    if (!st) return;
    Object.assign(st, patch);
    changed({ structure: false });
  },
  onMove: (id, delta) => {
    const list = app.ws.statements;
    const i = list.findIndex((x) => x.id === id);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= list.length) return;
    [list[i], list[j]] = [list[j], list[i]];
    changed({ structure: true });
  },
  onRemove: (id) => {
    const st = app.ws.statements.find((x) => x.id === id);
    app.ws.statements = app.ws.statements.filter((x) => x.id !== id);
    if (app.ws.columns) app.ws.columns = app.ws.columns.filter((c) => c !== id);
    say(`Removed ${st ? st.title || st.speaker || 'the statement' : 'the statement'}. Comparing…`);
    changed({ structure: true });
  },
  onLoadDemo: async (setId) => {
    const mine = app.ws.statements.filter((st) => st.source !== 'demo');
    app.ws.statements = [...demoEntries(app.manifest, setId), ...mine];
    app.ws.demoSet = setId;
    app.ws.columns = demoColumns(app.manifest, setId);
    setFamily(null);
    app.ws.focus = demoFocus(app.manifest, setId);
    await fillDemoTexts(app.ws);
    changed({ structure: true });
  },
  onOptions: (options) => {
    app.ws.options = options;
    changed({ structure: false, now: true });
  },
  onForget: async () => {
    await storage.forget();
    app.ws = defaultWorkspace();
    app.mode = 'normal';
    $('shared-banner').hidden = true;
    await fillDemoTexts(app.ws);
    renderStatements();
    say('Everything you had saved in this browser is forgotten. Showing the demo again.');
    await runCompare();
  },
  onDraft: (draft) => {
    app.ws.draft = draft;
    persist();
  },
  onRead: (id) => {
    selectTab('read');
    reader.goTo(id, 0, null);
  },
});

// ---------- workspace and storage ----------
function defaultWorkspace() {
  return {
    version: 1,
    statements: demoEntries(app.manifest, DEFAULT_SET),
    demoSet: DEFAULT_SET,
    columns: demoColumns(app.manifest, DEFAULT_SET),
    tab: 'read',
    family: null,
    familyKey: null,
    focus: demoFocus(app.manifest, DEFAULT_SET),
    query: '',
    options: {},
    draft: null,
  };
}

function normalizeWorkspace(ws) {
  if (ws?.version !== 1 || !Array.isArray(ws.statements)) return null;
  const statements = ws.statements.filter(
    (st) =>
      st &&
      typeof st.id === 'string' &&
      (st.source === 'demo' ? !!app.manifest.statements[st.demoId] : typeof st.text === 'string'),
  );
  return { ...defaultWorkspace(), ...ws, statements };
}

async function fillDemoTexts(ws) {
  await Promise.all(
    ws.statements
      .filter((st) => st.source === 'demo' && typeof st.text !== 'string')
      .map(async (st) => {
        st.text = await loadDemoText(base, app.manifest, st.demoId);
      }),
  );
}

function saved(ws) {
  return { ...ws, statements: ws.statements.map((st) => (st.source === 'demo' ? { ...st, text: undefined } : st)) };
}

const persist = debounce(() => {
  if (app.mode === 'shared') return;
  storage
    .save(saved(app.ws))
    .then((where) => {
      if (where !== app.storedIn) {
        app.storedIn = where;
        renderStatements();
      }
    })
    .catch((e) => say(`Could not save in this browser: ${e.message}`));
}, 250);
window.addEventListener('pagehide', () => persist.flush());
doc.addEventListener('visibilitychange', () => {
  if (doc.visibilityState === 'hidden') persist.flush();
});

const compareSoon = debounce(() => runCompare(), 500);

/** After a change by the user: adopt a shared view, save, re-render the list, compare again. */
function changed({ structure, now = false }) {
  if (app.mode === 'shared') adoptShared();
  persist();
  if (structure) {
    persist.flush();
    renderStatements();
  }
  if (structure || now) {
    compareSoon.cancel();
    runCompare();
  } else compareSoon();
}

function renderStatements() {
  statements.update({
    statements: app.ws.statements,
    demoSets: app.manifest.sets,
    demoSet: app.ws.demoSet,
    options: app.ws.options,
    draft: app.ws.draft,
    storedIn: app.storedIn,
  });
}

// ---------- status ----------
function say(text) {
  $('status').textContent = text;
}

let progressTimer = null;
function busy(on) {
  clearTimeout(progressTimer);
  doc.documentElement.dataset.state = on ? 'running' : 'ready';
  if (on) {
    progressTimer = setTimeout(() => {
      $('progress').hidden = false;
      $('cancel').hidden = false;
    }, 150);
  } else {
    $('progress').hidden = true;
    $('cancel').hidden = true;
  }
}

const STAGES = {
  tokenize: 'Reading the statements',
  repeats: 'Finding repeated phrases',
  families: 'Grouping the refrains',
  similarity: 'Measuring similarity',
  report: 'Writing the report',
};

// ---------- comparison ----------
let seq = 0;
let controller = null;

async function runCompare() {
  const my = ++seq;
  if (controller) controller.abort();
  controller = new AbortController();
  const signal = controller.signal;
  $('retry').hidden = true;
  const sent = app.ws.statements
    .filter((st) => typeof st.text === 'string' && st.text.length > 0)
    .map((st) => {
      const o = { id: st.id, text: st.text };
      for (const k of ['title', 'speaker', 'date', 'language']) if (st[k]) o[k] = st[k];
      return o;
    });
  if (!sent.length) {
    app.report = {
      schema_version: 1,
      statements: [],
      families: [],
      similarity: { measure: '', ids: [], matrix: [] },
      stats: {},
      notes: [],
    };
    app.model = buildModel(app.report, []);
    app.sent = [];
    app.query = null;
    renderViews();
    for (const id of ['export-json', 'export-csv', 'export-svg', 'export-png']) $(id).disabled = true;
    busy(false);
    say('No statements yet: add some in the Statements tab, or load a demo set.');
    return;
  }
  busy(true);
  const t0 = performance.now();
  try {
    const report = await app.client.compare(sent, app.ws.options || {}, {
      signal,
      onProgress: ({ stage, done, total }) => {
        if (my !== seq) return;
        // A stage that reports no steps shows an indeterminate bar rather than a frozen 0%.
        const p = $('progress');
        const known = total > 1 && done > 0;
        if (known) {
          p.max = total;
          p.value = Math.min(total, done);
        } else p.removeAttribute('value');
        say(`${STAGES[stage] || stage || 'Working'}…${known ? ` ${Math.round((100 * done) / total)}%` : ''}`);
      },
    });
    if (my !== seq) return;
    performance.mark('refrain:compared');
    app.sent = sent;
    app.report = report;
    app.model = buildModel(report, sent);
    if (
      !app.ws.columns ||
      app.ws.columns.filter((id) => sent.some((s) => s.id === id)).length < Math.min(2, sent.length)
    ) {
      app.ws.columns = bestPair(report, sent);
    }
    // Family ids are ranks within one report: find the selected family again by its root.
    const again = app.ws.familyKey ? app.model.families.find((f) => f.root_norm === app.ws.familyKey) : null;
    setFamily(again ? again.id : null);
    let align = null;
    if (app.ws.focus) {
      align = familyNamed(app.model, app.ws.focus);
      app.ws.focus = null;
      if (align) {
        setFamily(align);
        app.ws.columns = columnsShowing(align, app.ws.columns || []);
      }
      persist();
    }
    // The reader first (what the visitor sees), the other views once it has been painted.
    app.query = null;
    renderViews({ only: 'reader' });
    if (align && !$('panel-read').hidden) reader.select(align, { align: true, instant: true });
    else if (align) app.pendingAlign = align; // lined up when the reader is shown
    const ms = Math.round(performance.now() - t0);
    const n = report.families.length;
    say(
      `${plural(sent.length, 'statement')} compared in ${ms} ms: ${plural(n, 'refrain')} found${(report.notes || []).length ? `. Note: ${report.notes.join(' ')}` : '.'}`,
    );
    if (app.firstResults === null) {
      app.firstResults = Math.round(performance.now());
      doc.documentElement.dataset.firstResultsMs = String(app.firstResults);
      performance.mark('refrain:first-results');
    }
    await painted();
    if (my !== seq) return;
    renderViews({ except: 'reader' });
    if (app.ws.query) await runQuery(app.ws.query, { quiet: true });
    if (my !== seq) return;
    busy(false);
  } catch (e) {
    if (my !== seq) return;
    busy(false);
    if (e && (e.code === 'cancelled' || e.name === 'AbortError')) {
      say('Comparison cancelled. The results shown (if any) are from the previous run.');
    } else {
      say(`The comparison failed: ${e?.message ? e.message : e}. Your statements are saved; you can run it again.`);
      doc.documentElement.dataset.state = 'error';
    }
    $('retry').hidden = false;
  }
}

/** The two statements that share the most, in input order. */
function bestPair(report, sent) {
  const ids = report.similarity?.ids || [];
  const M = report.similarity?.matrix || [];
  let best = null;
  let bestV = -1;
  for (let a = 0; a < ids.length; a++) {
    for (let b = a + 1; b < ids.length; b++) {
      const v = (Number(M[a]?.[b]) || 0) + (Number(M[b]?.[a]) || 0);
      if (v > bestV) {
        bestV = v;
        best = [ids[a], ids[b]];
      }
    }
  }
  return best || sent.slice(0, 2).map((s) => s.id);
}

async function runQuery(q, { quiet = false, render = true } = {}) {
  app.ws.query = q || '';
  persist();
  if (!q) {
    app.query = null;
    if (render) {
      renderSearch();
      renderReader();
    }
    return;
  }
  if (!app.report) return;
  search.setBusy(true);
  try {
    app.query = await app.client.query(q, {});
    if (!quiet) say(`${plural(app.query.total ?? app.query.occurrences.length, 'place')} found for “${q}”.`);
  } catch (e) {
    if (!(e && e.code === 'cancelled')) say(`The search failed: ${e?.message ? e.message : e}`);
    app.query = null;
  } finally {
    search.setBusy(false);
  }
  if (render) {
    renderSearch();
    renderReader();
  }
}

// ---------- rendering ----------
function viewStatements() {
  const meta = new Map(app.ws.statements.map((st) => [st.id, st]));
  return app.sent.map((s) => {
    const m = meta.get(s.id);
    return {
      ...s,
      ...(m ? { title: m.title, speaker: m.speaker, date: m.date, country: m.country || null } : {}),
      text: s.text,
    };
  });
}

function renderReader() {
  if (!app.model) return;
  reader.update({
    model: app.model,
    statements: viewStatements(),
    columns: app.ws.columns,
    selected: app.ws.family,
    hits: app.query ? app.query.occurrences : null,
  });
}

function renderSearch() {
  search.update({ result: app.query, statements: viewStatements(), model: app.model, query: app.ws.query });
}

/** Renders the views (`only` one, or all `except` one). */
function renderViews({ only = null, except = null } = {}) {
  const has = !!app.model;
  for (const id of ['export-json', 'export-csv', 'export-svg', 'export-png', 'share-link']) $(id).disabled = !has;
  if (!has) return;
  const want = (v) => (only ? v === only : v !== except);
  const sts = viewStatements();
  if (want('reader')) renderReader();
  if (want('refrains')) refrains.update({ model: app.model, statements: sts, selected: app.ws.family });
  if (want('overview')) {
    heatmap.update({ report: app.report, statements: sts });
    strips.update({ model: app.model, statements: sts });
    strips.select(app.ws.family);
  }
  if (want('search')) renderSearch();
}

/** Resolves after the next paint (or soon, in a background tab). */
function painted() {
  return new Promise((ok) => {
    const t = setTimeout(ok, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(t);
        ok();
      }, 0),
    );
  });
}

/** Records the selected family by id and by root (ids change from one report to the next). */
function setFamily(id) {
  const fam = id && app.model ? app.model.family(id) : null;
  app.ws.family = fam ? id : null;
  app.ws.familyKey = fam ? fam.root_norm : null;
}

function selectFamily(id, from) {
  setFamily(id);
  persist();
  if (from !== 'reader') reader.select(id, { align: true });
  if (from !== 'refrains') refrains.select(id);
  strips.select(id);
}

/** `cols` if two of them show family `id`; otherwise the first statements that do. */
function columnsShowing(id, cols) {
  const fam = app.model?.family(id);
  if (!fam) return cols;
  const docs = [...new Set(fam.occurrences.map((o) => o.doc))];
  if (cols.filter((c) => docs.includes(c)).length >= Math.min(2, docs.length)) return cols;
  const keep = cols.filter((c) => docs.includes(c));
  const add = docs.filter((d) => !keep.includes(d));
  return [...keep, ...add].slice(0, Math.max(2, Math.min(cols.length, docs.length, MAX_COLUMNS)));
}

function showFamilyInReader(id) {
  const fam = app.model?.family(id);
  if (!fam) return;
  const cols = columnsShowing(id, reader.columns);
  app.ws.columns = cols;
  setFamily(id);
  persist();
  renderReader();
  refrains.select(id);
  strips.select(id);
  selectTab('read');
  reader.select(id, { align: true });
}

// ---------- tabs ----------
function selectTab(name, { focus = false } = {}) {
  if (!TABS.includes(name)) name = 'read';
  for (const t of TABS) {
    const tab = $(`tab-${t}`);
    const on = t === name;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    $(`panel-${t}`).hidden = !on;
  }
  if (focus) $(`tab-${name}`).focus();
  if (name === 'read' && app.pendingAlign) {
    const id = app.pendingAlign;
    app.pendingAlign = null;
    if (app.ws.family === id) reader.select(id, { align: true, instant: true });
  }
  if (app.ws && app.ws.tab !== name) {
    app.ws.tab = name;
    persist();
  }
}

$('tab-read').parentElement.addEventListener('click', (e) => {
  const t = e.target.closest('[role="tab"]');
  if (t) selectTab(t.id.replace(/^tab-/, ''));
});
onTabKeys($('tab-read').parentElement, (t) => selectTab(t.id.replace(/^tab-/, ''), { focus: true }));

// ---------- exports and sharing ----------
// The export and share buttons stand in the header on wide screens and fold into a menu on phones.
const wide = window.matchMedia('(min-width: 720px)');
const syncActions = () => {
  $('actions').open = wide.matches;
};
wide.addEventListener('change', syncActions);
syncActions();

$('export-json').addEventListener('click', () =>
  download(doc, new Blob([reportJson(app.report)], { type: 'application/json' }), 'refrain-report.json'),
);
$('export-csv').addEventListener('click', () =>
  download(doc, new Blob([reportCsv(app.report, viewStatements())], { type: 'text/csv' }), 'refrain-occurrences.csv'),
);
$('export-svg').addEventListener('click', () =>
  download(doc, heatmapSvgBlob(doc, app.report, viewStatements()), 'refrain-heatmap.svg'),
);
$('export-png').addEventListener('click', async () => {
  try {
    download(doc, await heatmapPngBlob(doc, app.report, viewStatements()), 'refrain-heatmap.png');
  } catch (e) {
    say(`PNG export failed: ${e.message}`);
  }
});
$('print').addEventListener('click', () => window.print());
$('share-link').addEventListener('click', async () => {
  const { url, withTexts, dropped } = await makeLink(location.href, app.ws);
  const input = $('share-url');
  input.value = url;
  $('share-box').hidden = false;
  $('share-note').textContent = withTexts
    ? 'The link carries the statements you added (compressed, in the part after #, which is never sent to a server).'
    : `The ${plural(dropped, 'statement')} you added ${dropped === 1 ? 'is' : 'are'} too long for a link: it restores the demo statements and the settings only.`;
  input.focus();
  input.select();
  try {
    await navigator.clipboard.writeText(url);
    say('Link copied to the clipboard.');
  } catch {
    say('The link is selected below: copy it with Ctrl+C or ⌘C.');
  }
});
$('cancel').addEventListener('click', () => {
  if (controller) controller.abort();
  try {
    app.client.cancel();
  } catch {
    /* nothing pending */
  }
});
$('retry').addEventListener('click', () => runCompare());

// ---------- shared links ----------
function workspaceFromLink(view) {
  const sts = [];
  for (const e of view.st) {
    if (e?.d && app.manifest.statements[e.d]) {
      const [entry] = demoEntries({ ...app.manifest, sets: [{ id: 'x', statements: [e.d] }] }, 'x');
      sts.push({ ...entry, title: e.ti ?? entry.title, speaker: e.sp ?? entry.speaker, date: e.da ?? entry.date });
    } else if (e && typeof e.t === 'string') {
      // The sender's id when it is one of ours and free: the same input gives the same report.
      const id =
        typeof e.i === 'string' && /^u-[a-z0-9]{1,14}$/.test(e.i) && !sts.some((x) => x.id === e.i) ? e.i : newId('u');
      sts.push({
        id,
        source: 'user',
        demoId: null,
        title: e.ti || null,
        speaker: e.sp || null,
        date: e.da || null,
        language: e.la || null,
        text: e.t,
      });
    }
  }
  const ws = {
    ...defaultWorkspace(),
    statements: sts,
    demoSet: view.set || DEFAULT_SET,
    tab: view.tab || 'read',
    family: view.fam || null,
    familyKey: typeof view.fk === 'string' ? view.fk : null,
    query: view.q || '',
    options: view.opt || {},
  };
  ws.columns = (view.cols || []).map((i) => sts[i]?.id).filter(Boolean);
  if (!ws.columns.length) ws.columns = null;
  return ws;
}

function adoptShared() {
  app.mode = 'normal';
  $('shared-banner').hidden = true;
  history.replaceState(null, '', location.pathname + location.search);
  persist();
  persist.flush();
}

$('shared-keep').addEventListener('click', () => {
  adoptShared();
  say('The shared statements are now saved in this browser.');
});
$('shared-back').addEventListener('click', async () => {
  app.mode = 'normal';
  $('shared-banner').hidden = true;
  history.replaceState(null, '', location.pathname + location.search);
  app.ws = normalizeWorkspace(await storage.load()) || defaultWorkspace();
  await fillDemoTexts(app.ws);
  renderStatements();
  selectTab(app.ws.tab);
  await runCompare();
});

// ---------- start ----------
async function boot() {
  performance.mark('refrain:boot');
  doc.documentElement.dataset.state = 'loading';
  app.client = new RefrainClient();
  // Start the worker and compile the engine while the statements load.
  app.client.compare([{ id: 'warm-up', text: 'warm up' }], {}).catch(() => {});
  const [manifest, stored, link] = await Promise.all([
    loadManifest(base),
    storage.load().catch(() => null),
    readLink(location.hash).catch((e) => {
      say(`This link could not be read (${e.message}); showing your statements.`);
      return null;
    }),
  ]);
  app.manifest = manifest;
  performance.mark('refrain:manifest');
  if (link) {
    app.ws = workspaceFromLink(link);
    app.mode = 'shared';
    $('shared-banner').hidden = false;
    if (link.partial)
      $('shared-text').textContent =
        `You opened a shared link. It could not carry ${plural(link.partial, 'statement')} that ${link.partial === 1 ? 'was' : 'were'} too long; it shows the demo statements with the sender’s settings. Nothing is saved unless you keep it.`;
  } else {
    app.ws = normalizeWorkspace(stored) || defaultWorkspace();
  }
  if (stored) app.storedIn = 'indexeddb';
  await fillDemoTexts(app.ws);
  performance.mark('refrain:texts');
  renderStatements();
  selectTab(app.ws.tab);
  await runCompare();
}

// "Embed": a snippet (custom element or iframe) of the current view, for a news site or a lesson.
mountEmbedButton(doc.querySelector('#actions [aria-label="Share"]'), () => ({
  statements: app.ws ? app.ws.statements : [],
  view: app.ws ? app.ws.tab : 'read',
  family: app.model && app.ws?.family ? app.model.family(app.ws.family) : null,
  query: app.ws ? app.ws.query : '',
  options: app.ws ? app.ws.options : {},
}));

boot().catch((e) => {
  say(`refrain could not start: ${e?.message ? e.message : e}`);
  doc.documentElement.dataset.state = 'error';
});
