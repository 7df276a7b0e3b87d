// The page: loads the workspace this tab shows (or a shared link), runs the comparison in the
// engine's Worker, and wires the views together. The views themselves (reader, refrains, search,
// heatmap, strip, statements) render into the element they are given and know nothing of this page.
//
// The user's work is never lost: every change is stored (storage.js) before the page says it is
// done; changes are made statement by statement, and other tabs showing the same workspace are
// told (BroadcastChannel) and reload it; a shared link is shown unsaved and becomes a workspace of
// its own when the user changes or keeps it, never replacing theirs. A link that cannot be read is
// refused with what was wrong, and taken out of the address so that a reload does not read it again.

import { base, client, firstReport, JOURNAL_KEY, manifestLoaded, storage, TAB_KEY, tabWorkspace } from './start.js';
import { buildModel, familyNamed, narrowModel } from './model.js';
import { labelsFor } from './labels.js';
import { createReader, MAX_COLUMNS } from './reader.js';
import { createRefrains } from './refrains.js';
import { createSearch } from './search.js';
import { createHeatmap } from './heatmap.js';
import { createStrips } from './strip.js';
import { contrastColumns, createContrast, familyIn } from './contrast.js';
import { createStatements, undatedNote } from './statements.js';
import { createTranslation } from './translation.js';
import { MINE } from './storage.js';
import { loadDemoText, demoEntries, demoColumns, demoFocus } from './demo.js';
import { makeLink, readLink } from './share.js';
import {
  reportJson,
  reportCsv,
  searchSummaryCsv,
  heatmapSvgBlob,
  heatmapPngBlob,
  contrastSvgBlob,
  contrastPngBlob,
} from './export.js';
import { LIMITS, SETTINGS, utf8Bytes } from './limits.js';
import { createGroupFilter, groupIds } from './groups.js';
import {
  admit,
  defaultWorkspace,
  engineInput,
  engineOptions,
  fromLink,
  fromStored,
  metaOf,
  roomLeft,
  storedForm,
  STATEMENT_FIELDS,
} from './workspace.js';
import { debounce, download, newId, onTabKeys, plural, thousands } from './util.js';
import { mountEmbedButton } from '../embed/snippet.js';

const doc = document;
const $ = (id) => doc.getElementById(id);
const TABS = ['read', 'refrains', 'search', 'overview', 'groups', 'translation', 'statements'];
const SCOPED_TABS = ['read', 'refrains', 'search'];
const HEATMAP_MAX = 60; // statements drawn in the heatmap
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
  wsId: null, // the stored workspace shown; null while a shared link is shown unsaved
  workspaces: [], // [{id, name}] of this browser
  adopting: null, // the promise of a shared link becoming a workspace
  sent: [], // the statements of the last comparison, as sent
  left: [], // why statements were not compared (over the limits)
  report: null,
  model: null,
  query: null, // the last QueryReport
  storedIn: null,
  firstResults: null,
  pendingAlign: null, // a refrain to line up once the reader is visible
  overviewStale: false, // the overview waits to be drawn until it is shown
  groupsStale: false, // so does the group comparison (it runs the engine)
  translationStale: false, // and the translation view (it aligns in the engine)
};

// Other tabs of this browser: told of every stored change, so that none of them keeps (and later
// stores) statements that are gone, or misses new ones.
const TAB_ID = newId('t');
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('refrain') : null;
const tell = (what) => channel?.postMessage({ from: TAB_ID, ws: app.wsId, what });

// ---------- views ----------
const reader = createReader($('panel-read'), L, {
  pick: true,
  onColumnsChange: (cols) => {
    app.ws.columns = cols;
    remember({ columns: cols });
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
  summaries: true,
  onFilter: (key) => setFilter(key),
  onExport: (query, rows) =>
    download(doc, new Blob([searchSummaryCsv(query, rows)], { type: 'text/csv' }), 'refrain-search-summary.csv'),
});
const heatmap = createHeatmap($('overview-heatmap'), L, {
  onOpenPair: (a, b) => {
    app.ws.columns = [a, b];
    remember({ columns: app.ws.columns });
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
const translation = createTranslation($('panel-translation'), L, {
  align: (zh, en, { signal }) =>
    app.client.align({
      statements: app.sent,
      options: engineOptions(app.ws),
      zh,
      en,
      signal,
    }),
});
const contrast = createContrast($('panel-groups'), L, {
  run: (groups, { signal, onProgress }) =>
    app.client.contrast({
      statements: app.sent,
      options: engineOptions(app.ws),
      ...groups,
      signal,
      onProgress,
    }),
  onGroups: (a, b) => {
    app.ws.contrast = { a, b };
    remember({ contrast: app.ws.contrast });
  },
  onContrastFamily: (cf, report) => showContrastFamily(cf, report),
  onExport: async (kind, report) => {
    try {
      if (kind === 'svg') download(doc, contrastSvgBlob(doc, report, L), 'refrain-contrast.svg');
      else download(doc, await contrastPngBlob(doc, report, L), 'refrain-contrast.png');
    } catch (e) {
      say(`PNG export failed: ${e.message}`);
    }
  },
});
const groupFilter = createGroupFilter($('scope-filter'), { onChange: (key) => setFilter(key) });

/** Shows only the statements of group `key` (null: all) in the reader, the refrains and the search. */
function setFilter(key) {
  app.ws.filter = key;
  remember({ filter: key });
  renderViews();
  renderScope();
}

const find = (id) => app.ws.statements.find((x) => x.id === id);
const metaFields = (st) => Object.fromEntries(STATEMENT_FIELDS.map((k) => [k, st[k] ?? null]));

const statements = createStatements($('panel-statements'), {
  onAdd: async (list) => {
    const { accepted, refused } = admit(app.ws.statements, list);
    if (!accepted.length) return { added: 0, refused };
    working();
    const added = accepted.map((st) => ({
      id: newId('u'),
      source: 'user',
      demoId: null,
      ...metaFields(st),
      text: st.text,
    }));
    app.ws.statements.push(...added);
    renderStatements();
    const ok = await store((ws) => storage.add(ws, added.map(storedForm)), 'statements');
    say(`${plural(added.length, 'statement')} added. Comparing…`);
    compareNow();
    return { added: added.length, refused: ok ? refused : [...refused, 'They could not be saved in this browser.'] };
  },
  onUpdate: async (id, patch) => {
    const st = find(id);
    if (!st) return null;
    if ('text' in patch) {
      const { refused } = admit(
        app.ws.statements.filter((x) => x !== st),
        [{ ...st, text: patch.text }],
      );
      if (refused.length) return `${refused.join(' ')} The change is not saved.`;
    }
    Object.assign(st, patch);
    compareSoon();
    await store((ws) => storage.patch(ws, [id], patch), 'statements');
    return null;
  },
  onBulk: async (ids, patch) => {
    working();
    for (const id of ids) Object.assign(find(id) || {}, patch);
    renderStatements();
    await store((ws) => storage.patch(ws, ids, patch), 'statements');
    compareNow();
  },
  onMove: async (id, delta) => {
    const list = app.ws.statements;
    const i = list.findIndex((x) => x.id === id);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= list.length) return;
    working();
    [list[i], list[j]] = [list[j], list[i]];
    renderStatements();
    await store((ws) => storage.swap(ws, list[j].id, list[i].id), 'statements');
    compareNow();
  },
  onRemove: async (ids) => {
    working();
    const gone = new Set(ids);
    const first = find(ids[0]);
    app.ws.statements = app.ws.statements.filter((x) => !gone.has(x.id));
    if (app.ws.columns) app.ws.columns = app.ws.columns.filter((c) => !gone.has(c));
    renderStatements();
    await store((ws) => storage.remove(ws, ids), 'statements');
    say(
      ids.length === 1
        ? `Removed ${first ? first.title || first.speaker || 'the statement' : 'the statement'}. Comparing…`
        : `Removed ${plural(ids.length, 'statement')}. Comparing…`,
    );
    compareNow();
  },
  onLoadDemo: async (setId) => {
    working();
    const old = app.ws.statements.filter((st) => st.source === 'demo').map((st) => st.id);
    const entries = demoEntries(app.manifest, setId);
    const mine = app.ws.statements.filter((st) => st.source !== 'demo');
    const view = {
      demoSet: setId,
      columns: demoColumns(app.manifest, setId),
      focus: demoFocus(app.manifest, setId),
      family: null,
      familyKey: null,
      contrast: null,
    };
    Object.assign(app.ws, view, { statements: [...entries, ...mine] });
    await fillDemoTexts(app.ws);
    renderStatements();
    await store(async (ws) => {
      await storage.remove(ws, old);
      await storage.add(ws, entries.map(storedForm), { at: 'start' });
      await storage.patchMeta(ws, view);
    }, 'statements');
    compareNow();
  },
  onOptions: async (options) => {
    working();
    app.ws.options = options;
    compareNow();
    await store((ws) => storage.patchMeta(ws, { options }), 'options');
  },
  onForget: async () => {
    await storage.forget();
    tell('forget');
    $('shared-banner').hidden = true;
    history.replaceState(null, '', location.pathname + location.search);
    say('Everything you had saved in this browser is forgotten. Showing the demo again.');
    await openWorkspace(MINE);
  },
  onDraft: (draft) => {
    app.ws.draft = draft;
    // A text too large to be a statement is not kept as a draft either (the form says why).
    const kept = draft && utf8Bytes(draft.text || '') > LIMITS.statementBytes ? { ...draft, text: '' } : draft;
    return store((ws) => storage.patchMeta(ws, { draft: kept }));
  },
  onRead: (id) => {
    selectTab('read');
    reader.goTo(id, 0, null);
  },
  onSignature: (id) => {
    app.ws.contrast = { a: `id=${id}`, b: 'rest' };
    remember({ contrast: app.ws.contrast });
    app.groupsStale = true;
    selectTab('groups', { focus: true });
  },
  onWorkspace: async (id) => {
    if (id === app.wsId) return;
    $('shared-banner').hidden = true;
    history.replaceState(null, '', location.pathname + location.search);
    await openWorkspace(id);
  },
  onDropWorkspace: async (id) => {
    if (!id || id === MINE) return;
    await storage.drop(id);
    channel?.postMessage({ from: TAB_ID, ws: id, what: 'dropped' });
    await openWorkspace(MINE);
    say('The workspace is deleted from this browser. Showing your statements.');
  },
});

// ---------- saving ----------
/** What the page says of saving: html[data-saved] (saved, saving, unsaved, error) and #saved. */
const saving = {
  pending: 0,
  failed: null,
  start() {
    this.pending++;
    this.show();
  },
  end(error = null) {
    this.pending--;
    if (error) this.failed = error;
    else if (!this.pending) this.failed = null;
    this.show();
  },
  show() {
    const [state, text] = !app.wsId
      ? ['unsaved', 'Shared link: not saved in this browser']
      : this.failed
        ? ['error', `Not saved: ${this.failed.message}`]
        : this.pending
          ? ['saving', 'Saving…']
          : ['saved', 'Saved in this browser'];
    doc.documentElement.dataset.saved = state;
    $('saved').textContent = text;
    $('saved').dataset.state = state;
  },
};

/**
 * Stores a change of the workspace shown (a shared link becomes a workspace first) and tells the
 * other tabs `what` changed. Resolves to true once it is stored, false when it could not be.
 */
async function store(change, what = null) {
  saving.start();
  try {
    if (!app.wsId) await adopt();
    await change(app.wsId);
    if (storage.where !== app.storedIn) {
      app.storedIn = storage.where;
      renderStatements();
    }
    if (what) tell(what);
    saving.end();
    return true;
  } catch (e) {
    saving.end(e);
    notice(
      `Your last change could not be saved in this browser (${e?.message || e}). It stays on this page until you close it.`,
    );
    return false;
  }
}

/** Stores a part of the view (tab, columns, refrain, search, filter): nothing while a link is shown unsaved. */
function remember(patch) {
  if (!app.wsId) return;
  const id = app.wsId;
  saving.start();
  storage.patchMeta(id, patch).then(
    () => saving.end(),
    (e) => saving.end(e),
  );
}

/** The shared link shown becomes a workspace of its own (once, however many changes ask for it). */
function adopt() {
  app.adopting ??= (async () => {
    const when = new Date().toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
    app.ws.id = newId('w');
    app.ws.name = `Shared link, ${when}`;
    app.ws.created = Date.now();
    const meta = metaOf(app.ws);
    const sts = app.ws.statements.map(storedForm);
    // Until it is stored, this tab's session remembers it: a reload right after "Keep them here"
    // (which acknowledges at once) still finds it.
    journal(JOURNAL_KEY, { meta, statements: sts });
    rememberTab(meta.id);
    history.replaceState(null, '', location.pathname + location.search);
    await storage.create(meta, sts);
    journal(JOURNAL_KEY, null);
    app.wsId = app.ws.id;
    $('shared-text').textContent =
      `The shared statements are now saved in this browser as a workspace of their own, “${app.ws.name}”. Your own statements are unchanged: open them here or in the Statements tab.`;
    $('shared-keep').hidden = true;
    tell('workspaces');
    await refreshWorkspaces();
    saving.show();
  })().finally(() => {
    app.adopting = null;
  });
  return app.adopting;
}

/** Writes (or with null, removes) `value` in this tab's session storage; quietly nothing without it. */
function journal(key, value) {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* no session storage, or full: the store below is all there is */
  }
}

/** Stores a shared link that was being kept when the page was left (see `adopt`). */
async function finishAdoption() {
  let kept = null;
  try {
    kept = JSON.parse(sessionStorage.getItem(JOURNAL_KEY) || 'null');
  } catch {
    kept = null;
  }
  if (!kept?.meta?.id || !Array.isArray(kept.statements)) return;
  try {
    await storage.ensure(kept.meta, kept.statements);
    journal(JOURNAL_KEY, null);
  } catch {
    /* kept in the session for the next try */
  }
}

function rememberTab(id) {
  try {
    sessionStorage.setItem(TAB_KEY, id);
  } catch {
    /* a tab without session storage opens the user's own workspace */
  }
}

async function refreshWorkspaces() {
  try {
    app.workspaces = (await storage.workspaces()).map((m) => ({
      id: m.id,
      name: m.name || (m.id === MINE ? 'My statements' : 'A workspace'),
    }));
  } catch {
    app.workspaces = [];
  }
  renderStatements();
}

/** Shows stored workspace `id` (the user's own when it is gone); creates the user's own on a first visit. */
async function openWorkspace(id) {
  let stored = null;
  try {
    stored = id === MINE ? null : await storage.load(id);
    stored ??= await storage.ensure(metaOf(defaultWorkspace(app.manifest)), defaultWorkspace(app.manifest).statements);
    app.storedIn = storage.where;
  } catch (e) {
    notice(
      `This browser does not let refrain save anything (${e?.message || e}): your changes last until you close the page.`,
    );
  }
  app.ws = stored ? fromStored(app.manifest, stored) : defaultWorkspace(app.manifest);
  app.wsId = app.ws.id;
  rememberTab(app.wsId);
  saving.failed = stored ? null : new Error('storage unavailable');
  saving.show();
  await fillDemoTexts(app.ws);
  await refreshWorkspaces();
  selectTab(app.ws.tab);
  await runCompare();
}

/** Another tab stored a change of the workspace shown: take its statements and settings. */
async function reloadFromStore() {
  const id = app.wsId;
  const stored = await storage.load(id).catch(() => null);
  if (id !== app.wsId) return;
  if (!stored) {
    await openWorkspace(MINE);
    notice('The workspace you were looking at was deleted in another tab. Showing your statements.');
    return;
  }
  const fresh = fromStored(app.manifest, stored);
  app.ws.statements = fresh.statements;
  app.ws.options = fresh.options;
  app.ws.demoSet = fresh.demoSet;
  await fillDemoTexts(app.ws);
  renderStatements();
  compareNow();
}

channel?.addEventListener('message', async (e) => {
  const m = e.data || {};
  if (m.from === TAB_ID || !app.manifest || !app.ws) return;
  if (m.what === 'workspaces') await refreshWorkspaces();
  else if (m.what === 'forget') {
    if (app.wsId) {
      await openWorkspace(MINE);
      notice('Everything saved in this browser was forgotten in another tab.');
    } else await refreshWorkspaces();
  } else if (m.what === 'dropped') {
    if (m.ws === app.wsId) await reloadFromStore();
    else await refreshWorkspaces();
  } else if (m.ws && m.ws === app.wsId) await reloadFromStore();
});

// ---------- statements and demo texts ----------
async function fillDemoTexts(ws) {
  await Promise.all(
    ws.statements
      .filter((st) => st.source === 'demo' && typeof st.text !== 'string')
      .map(async (st) => {
        st.text = await loadDemoText(base, app.manifest, st.demoId);
      }),
  );
}

const compareSoon = debounce(() => runCompare(), 500);
function compareNow() {
  compareSoon.cancel();
  runCompare();
}

function renderStatements() {
  if (!app.ws) return;
  statements.update({
    statements: app.ws.statements,
    demoSets: app.manifest.sets,
    demoSet: app.ws.demoSet,
    options: app.ws.options,
    draft: app.ws.draft,
    storedIn: app.storedIn,
    workspaces: app.workspaces,
    wsId: app.wsId,
    room: roomLeft(app.ws.statements),
  });
}

// ---------- status and notices ----------
function say(text) {
  $('status').textContent = text;
}

/**
 * A message that stays until dismissed: a refused link (`kind` 'link', replaced by the next link
 * shown), a change that could not be saved.
 */
function notice(text, kind = 'other') {
  $('notice').hidden = false;
  $('notice').dataset.kind = kind;
  $('notice-text').textContent = text;
}
$('notice-close').addEventListener('click', () => {
  $('notice').hidden = true;
});

/** What the failure of a comparison leaves: whether the statements are saved. */
function savedSentence() {
  if (!app.wsId)
    return 'The shared statements are not saved in this browser: choose “Keep them here” to keep them, or run it again.';
  if (saving.failed) return 'Your last change could not be saved in this browser; you can run it again.';
  return 'Your statements are saved; you can run it again.';
}

/** `message` with the statements' internal ids replaced by their names. */
function named(message) {
  let out = String(message);
  const sts = [...app.ws.statements].sort((a, b) => b.id.length - a.id.length);
  for (const st of sts)
    if (out.includes(st.id)) out = out.split(st.id).join(`“${st.title || st.speaker || 'a statement'}”`);
  return out;
}

/** "12 refrains found" or "showing 300 of 7,123 refrains (...)": what the report lists of what was found. */
function refrainsFound(report) {
  const n = report.families.length;
  const found = Number(report.stats?.families_found ?? n);
  if (found <= n) return `${plural(n, 'refrain')} found`;
  const most = SETTINGS.max_families;
  const how =
    n < most.max
      ? 'raise “Most refrains shown” in the settings of the Statements tab to see more'
      : 'the strongest; export the JSON report for all of their figures';
  return `showing ${thousands(n)} of ${thousands(found)} refrains (${how})`;
}

/** The page is at work from a change until its comparison is done (html[data-state=running]). */
function working() {
  doc.documentElement.dataset.state = 'running';
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
  // Statements over the limits (stored by an older page, or edited in another tab) are left out
  // and named; the others are compared.
  const { sent, refused, options } = engineInput(app.ws);
  app.left = refused;
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
    renderScope();
    for (const id of ['export-json', 'export-csv', 'export-svg', 'export-png']) $(id).disabled = true;
    busy(false);
    say('No statements yet: add some in the Statements tab, or load a demo set.');
    return;
  }
  busy(true);
  let t0 = performance.now();
  try {
    const how = {
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
    };
    // The page's first comparison was started before this module loaded (start.js).
    const early = await firstReport(sent, options, how);
    if (early) t0 = early.sent;
    const report = await (early ? early.report : app.client.compare(sent, options, how));
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
      remember({ columns: app.ws.columns });
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
      remember({ focus: null, columns: app.ws.columns, family: app.ws.family, familyKey: app.ws.familyKey });
    }
    // The reader first (what the visitor sees), the other views once it has been painted.
    app.query = null;
    renderViews({ only: 'reader' });
    renderScope();
    if (align && !$('panel-read').hidden) reader.select(align, { align: true, instant: true });
    else if (align) app.pendingAlign = align; // lined up when the reader is shown
    const ms = Math.round(performance.now() - t0);
    say(
      `${plural(sent.length, 'statement')} compared in ${ms} ms: ${refrainsFound(report)}${(report.notes || []).length ? `. Note: ${report.notes.join(' ')}` : '.'}${app.left.length ? ` Not compared: ${app.left.join(' ')}` : ''}`,
    );
    if (app.firstResults === null) {
      app.firstResults = Math.round(performance.now());
      doc.documentElement.dataset.firstResultsMs = String(app.firstResults);
      performance.mark('refrain:first-results');
    }
    await paintedAndIdle();
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
      say(`The comparison failed: ${named(e?.message ? e.message : e)}. ${savedSentence()}`);
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
  remember({ query: app.ws.query });
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
      ...(m
        ? { title: m.title, speaker: m.speaker, date: m.date, country: m.country || null, group: m.group || null }
        : {}),
      text: s.text,
    };
  });
}

/**
 * What the reader, the refrains and the search show of the chosen group: its statements' columns,
 * the refrains they use, the search's places in them (`size`: how many statements the group has).
 */
function scoped() {
  const sts = viewStatements();
  const ids = groupIds(sts, app.ws.filter);
  const hits = app.query ? app.query.occurrences : null;
  if (!ids)
    return { statements: sts, size: sts.length, model: app.model, columns: app.ws.columns, hits, query: app.query };
  let columns = (app.ws.columns || []).filter((id) => ids.has(id));
  if (columns.length < Math.min(2, ids.size))
    columns = sts
      .filter((s) => ids.has(s.id))
      .slice(0, 2)
      .map((s) => s.id);
  const inGroup = hits ? hits.filter((o) => ids.has(o.doc)) : null;
  return {
    // Every statement still names its passages; the group's come first (the reader's column pickers).
    statements: [...sts.filter((s) => ids.has(s.id)), ...sts.filter((s) => !ids.has(s.id))],
    size: ids.size,
    model: narrowModel(app.model, ids),
    columns,
    hits: inGroup,
    query: app.query ? { ...app.query, occurrences: inGroup, total: inGroup.length } : null,
  };
}

function renderReader() {
  if (!app.model) return;
  const v = scoped();
  reader.update({
    model: v.model,
    statements: v.statements,
    columns: v.columns,
    selected: app.ws.family,
    hits: v.hits,
  });
}

function renderSearch() {
  const v = scoped();
  search.update({ result: v.query, statements: v.statements, model: v.model, query: app.ws.query });
}

/**
 * Points "Present this set" and its worksheet at the classroom page with the statements shown: the
 * stored workspace (the classroom reads it from this browser's storage), or the shared link shown
 * unsaved (its #s= carries the statements). Nothing is sent anywhere: it is a same-origin tab.
 */
function renderPresent() {
  const unsaved = !app.wsId && location.hash.startsWith('#s=');
  const to = (mode) =>
    unsaved
      ? `embed/classroom.html${mode ? `?mode=${mode}` : ''}${location.hash}`
      : `embed/classroom.html?ws=${encodeURIComponent(app.wsId || MINE)}${mode ? `&mode=${mode}` : ''}`;
  $('present-set').href = to('');
  $('present-set-foot').href = to('');
  $('worksheet-set').href = to('worksheet');
  $('present-groups').href = to('groups');
}

// Written again at the click itself: the link follows a shared link kept a moment ago.
for (const id of ['present-set', 'present-set-foot', 'worksheet-set', 'present-groups'])
  $(id).addEventListener('click', renderPresent);

/** Renders the views (`only` one, or all `except` one). */
function renderViews({ only = null, except = null } = {}) {
  renderPresent();
  const has = !!app.model;
  for (const id of ['export-json', 'export-csv', 'export-svg', 'export-png', 'share-link']) $(id).disabled = !has;
  if (!has) return;
  const want = (v) => (only ? v === only : v !== except);
  if (want('reader')) renderReader();
  if (want('refrains')) {
    const v = scoped();
    refrains.update({ model: v.model, statements: v.statements, selected: app.ws.family });
  }
  if (want('overview')) {
    // With many statements the heaviest view: then drawn only when shown.
    app.overviewStale = true;
    if (!$('panel-overview').hidden || app.sent.length <= HEATMAP_MAX) renderOverview();
  }
  if (want('search')) renderSearch();
  if (want('groups')) {
    // It runs the engine: only when shown.
    app.groupsStale = true;
    if (!$('panel-groups').hidden) renderGroups();
  }
  if (want('translation')) {
    // So does the alignment.
    app.translationStale = true;
    if (!$('panel-translation').hidden) renderTranslation();
  }
}

function renderTranslation() {
  app.translationStale = false;
  translation.update(viewStatements());
}

function renderGroups() {
  app.groupsStale = false;
  const chosen = app.ws.contrast || {};
  contrast.update({ statements: viewStatements(), report: app.report, a: chosen.a || '', b: chosen.b || '' });
}

function renderOverview() {
  app.overviewStale = false;
  const sts = viewStatements();
  heatmap.update({ report: heatmapReport(app.report), statements: sts });
  strips.update({ model: app.model, statements: sts });
  strips.select(app.ws.family);
}

/**
 * The report as the heatmap draws it: all of it up to HEATMAP_MAX statements; beyond, the
 * HEATMAP_MAX statements that share the most with the others (a grid of 2,000 x 2,000 cells would
 * stop the page), which the overview says.
 */
function heatmapReport(report) {
  const sim = report.similarity || { ids: [], matrix: [] };
  const n = (sim.ids || []).length;
  $('overview-note').hidden = n <= HEATMAP_MAX;
  if (n <= HEATMAP_MAX) return report;
  const M = sim.matrix || [];
  const score = (a) => M[a].reduce((t, v, b) => t + (a === b ? 0 : Number(v) || 0), 0);
  const keep = [...Array(n).keys()]
    .map((a) => [a, score(a)])
    .sort((x, y) => y[1] - x[1] || x[0] - y[0])
    .slice(0, HEATMAP_MAX)
    .map(([a]) => a)
    .sort((x, y) => x - y);
  $('overview-note').textContent =
    `The heatmap shows the ${HEATMAP_MAX} statements (of ${thousands(n)}) that share the most with the others; the JSON export has every pair.`;
  return {
    ...report,
    similarity: { ...sim, ids: keep.map((a) => sim.ids[a]), matrix: keep.map((a) => keep.map((b) => M[a][b])) },
  };
}

/**
 * The bar above the reader, the refrains and the search: the group filter, how much of what was
 * found the report lists, which statements the timeline leaves out.
 */
function renderScope() {
  const sts = viewStatements();
  const key = groupFilter.update(sts, app.ws.filter);
  if (key !== (app.ws.filter || null)) app.ws.filter = key;
  const notes = [];
  if (app.report && app.sent.length) {
    const found = Number(app.report.stats?.families_found ?? app.report.families.length);
    if (found > app.report.families.length) notes.push(`The report lists ${refrainsFound(app.report)}.`);
  }
  if (key && app.model) {
    const v = scoped();
    notes.push(
      `Showing the ${plural(v.size, 'statement')} of this group and the ${plural(v.model.families.length, 'refrain')} they use.`,
    );
  }
  const undated = undatedNote(sts);
  if (undated && sts.length) notes.push(undated);
  $('scope-note').textContent = notes.join(' ');
  $('scope-note').hidden = !notes.length;
  const tab = app.ws.tab;
  placeScope(tab);
  $('scope').hidden = !SCOPED_TABS.includes(tab) || (!notes.length && !key && $('scope-filter').firstChild.hidden);
}

/**
 * Puts the scope bar where it belongs in the reading and keyboard order: above the reader and the
 * refrains; in the search, after the search box (the box comes first).
 */
function placeScope(tab) {
  const bar = $('scope');
  const form = tab === 'search' ? $('panel-search').querySelector('form') : null;
  if (form) {
    if (form.nextElementSibling !== bar) form.after(bar);
  } else if (bar.parentElement !== $('main')) $('main').prepend(bar);
}

/**
 * Resolves once the next frame is painted and the browser has nothing more urgent to do (at most
 * 100 ms later; soon in a background tab, which paints no frames).
 */
function paintedAndIdle() {
  const idle = window.requestIdleCallback ?? ((f) => setTimeout(f, 0));
  return new Promise((ok) => {
    const t = setTimeout(ok, 100);
    requestAnimationFrame(() =>
      idle(
        () => {
          clearTimeout(t);
          ok();
        },
        { timeout: 100 },
      ),
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
  remember({ family: app.ws.family, familyKey: app.ws.familyKey });
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

function showFamilyInReader(id, columns = null) {
  const fam = app.model?.family(id);
  if (!fam) return;
  const cols = columns || columnsShowing(id, reader.columns);
  app.ws.columns = cols;
  setFamily(id);
  remember({ columns: cols, family: app.ws.family, familyKey: app.ws.familyKey });
  renderReader();
  refrains.select(id);
  strips.select(id);
  selectTab('read');
  reader.select(id, { align: true });
}

/**
 * A family of the group comparison in the reader: a statement of group A and one of group B that
 * use it side by side (two of either group when the other has none), the family selected. A
 * family the comparison's report does not list (beyond "Most refrains shown") is shown at its
 * first occurrence.
 */
function showContrastFamily(cf, report) {
  const f = cf.family;
  const cols = contrastColumns(cf, report);
  const id = familyIn(app.model, cf);
  if (id) {
    showFamilyInReader(id, cols);
    return;
  }
  const first = f.occurrences.find((o) => o.doc === cols[0]) || f.occurrences[0];
  app.ws.columns = cols;
  remember({ columns: cols });
  renderReader();
  selectTab('read');
  if (first) reader.goTo(first.doc, first.utf16_start, null);
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
  if (name === 'overview' && app.overviewStale && app.model) renderOverview();
  if (name === 'groups' && app.groupsStale && app.model) renderGroups();
  if (name === 'translation' && app.translationStale && app.model) renderTranslation();
  if (app.ws && app.ws.tab !== name) {
    app.ws.tab = name;
    remember({ tab: name });
  }
  if (app.ws) renderScope();
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
/** Reads the link in the address: {view} or {error}, or null when the address holds none. */
function linkInAddress() {
  return readLink(location.hash).then(
    (view) => (view ? { view } : null),
    (error) => ({ error }),
  );
}

/** Shows the statements of a checked link, unsaved, until the user keeps or changes them. */
async function showLink(view) {
  const { ws, unknown } = fromLink(app.manifest, view);
  if ($('notice').dataset.kind === 'link') $('notice').hidden = true;
  app.ws = ws;
  app.wsId = null;
  saving.show();
  $('shared-keep').hidden = false;
  $('shared-banner').hidden = false;
  const parts = ['You opened a shared link. These statements are shown but not saved in this browser.'];
  if (view.partial)
    parts.push(
      `It could not carry ${plural(view.partial, 'statement')} that ${view.partial === 1 ? 'was' : 'were'} too long; it shows the demo statements with the sender’s settings.`,
    );
  if (unknown.length)
    parts.push(
      `${plural(unknown.length, 'demo statement')} of the link ${unknown.length === 1 ? 'is' : 'are'} not on this page and left out: ${unknown.map((d) => `“${d.slice(0, 40)}”`).join(', ')}.`,
    );
  parts.push('Keeping or changing them saves them as a workspace of their own; yours stay as they are.');
  $('shared-text').textContent = parts.join(' ');
  await fillDemoTexts(app.ws);
  await refreshWorkspaces();
  selectTab(app.ws.tab);
  await runCompare();
}

/** Refuses a link: says what was wrong (until dismissed) and takes it out of the address. */
function refuseLink(error) {
  history.replaceState(null, '', location.pathname + location.search);
  notice(
    `This link could not be read: ${error?.message || error}. ${app.wsId ? 'Your statements are shown instead; nothing was changed.' : 'Nothing was changed.'}`,
    'link',
  );
}

$('shared-keep').addEventListener('click', async () => {
  $('shared-banner').hidden = true;
  if (!(await store(async () => {}))) {
    $('shared-banner').hidden = false;
    return;
  }
  say(
    `The shared statements are now saved in this browser as a workspace of their own, “${app.ws.name}”. Your own statements are unchanged: open them in the Statements tab.`,
  );
});
$('shared-back').addEventListener('click', async () => {
  $('shared-banner').hidden = true;
  history.replaceState(null, '', location.pathname + location.search);
  await openWorkspace(MINE);
});
$('shared-close').addEventListener('click', () => {
  $('shared-banner').hidden = true;
});

// A new link pasted into the address of an open page changes only the fragment.
window.addEventListener('hashchange', async () => {
  if (!app.manifest) return;
  const link = await linkInAddress();
  if (link?.view) await showLink(link.view);
  else if (link?.error) refuseLink(link.error);
});

// ---------- start ----------
async function boot() {
  performance.mark('refrain:boot');
  doc.documentElement.dataset.state = 'loading';
  app.client = client; // its worker started and its engine loading (start.js)
  const [manifest, link] = await Promise.all([manifestLoaded, linkInAddress()]);
  app.manifest = manifest;
  performance.mark('refrain:manifest');
  await finishAdoption();
  if (link?.view) await showLink(link.view);
  else {
    if (link?.error) {
      app.wsId = MINE; // for the message: the user's statements are what is shown
      refuseLink(link.error);
    }
    await openWorkspace(tabWorkspace());
  }
  performance.mark('refrain:texts');
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
