// Statements and settings for the iframe embed (embed.html) and the classroom page
// (classroom.html), read from their URL. Every file must be on the page's own origin.
//
//   ?demo=CHN_76_2021,CHN_78_2023     statements of the demo manifest (../demo/manifest.json)
//   ?list=statements.json[&ids=a,b]   a list of files: the demo manifest's shape
//                                     ({statements: {id: {file, title, speaker, date, language}}})
//                                     or an array [{id?, file|src, title?, speaker?, date?, language?}]
//   ?src=a.txt&src=b.txt              plain-text files (titled by their file name)
//   ?from=../examples/lesson.html#id  the <blockquote> statements of a <refrain-compare> in a page
//                                     (the one with that id, else the first)
//   #s=...                            a link of the main page ("Copy link"), texts included
//   ?ws=mine                          a workspace of the main page stored in this browser (its
//                                     "Present this set"): read from IndexedDB or localStorage on
//                                     this origin (storage.js), demo texts fetched as the page does
// Settings: view, family, query, theme, lang, title (and, from #s= and ?ws=, the comparison's
// options; from ?ws=, the groups the main page compares, `contrast` {a, b}).

import { coded, sameOrigin } from '../js/util.js';
import { fetchFile, filesOf, quotesOf, uniqueIds } from './quotes.js';

const DEMO_MANIFEST = new URL('../demo/manifest.json', import.meta.url);
const TAB_TO_VIEW = {
  read: 'reader',
  refrains: 'refrains',
  search: 'search',
  overview: 'heatmap',
  statements: 'reader',
};

function entriesOfList(list, ids) {
  let entries;
  if (Array.isArray(list))
    entries = list.map((e, i) => ({ id: String(e.id ?? `s${i + 1}`), ...e, file: e.file || e.src }));
  else if (list && typeof list.statements === 'object')
    entries = Object.entries(list.statements).map(([id, e]) => ({ id, ...e }));
  else throw coded('invalid_input', 'the list is neither an array nor a manifest with "statements"');
  if (ids?.length) {
    const byId = new Map(entries.map((e) => [e.id, e]));
    entries = ids.map((id) => {
      if (!byId.has(id)) throw coded('invalid_input', `no statement “${id}” in the list`);
      return byId.get(id);
    });
  }
  return entries;
}

/** The statements and settings of workspace `id` stored in this browser by the main page (storage.js). */
async function fromWorkspace(id) {
  const [{ createStorage }, { fromStored }, { loadManifest, loadDemoText }] = await Promise.all([
    import('../js/storage.js'),
    import('../js/workspace.js'),
    import('../js/demo.js'),
  ]);
  const root = new URL('../', import.meta.url);
  const stored = await createStorage(window).load(id);
  if (!stored)
    throw coded(
      'invalid_input',
      `no workspace “${id}” is stored in this browser: open refrain’s main page here and choose “Present this set”`,
    );
  const manifest = await loadManifest(root);
  const ws = fromStored(manifest, stored);
  const statements = await Promise.all(
    ws.statements.map(async (st) => ({
      id: st.id,
      text: st.source === 'demo' ? await loadDemoText(root, manifest, st.demoId) : st.text,
      title: st.title ?? null,
      speaker: st.speaker ?? null,
      date: st.date ?? null,
      language: st.language ?? null,
      country: st.country ?? null,
      group: st.group ?? null,
    })),
  );
  const demo = ws.statements.some((st) => st.source === 'demo');
  return {
    statements,
    options: ws.options || {},
    contrast: ws.contrast || null,
    attribution: demo && manifest.attribution ? manifest.attribution.text || null : null,
  };
}

async function fromList(listUrl, ids, signal) {
  const list = await fetchFile(listUrl, 'json', signal);
  const entries = entriesOfList(list, ids);
  const statements = await Promise.all(
    entries.map(async (e) => {
      if (typeof e.file !== 'string') throw coded('invalid_input', `statement “${e.id}” has no file`);
      const text = await fetchFile(sameOrigin(e.file, listUrl), 'text', signal);
      return {
        id: e.id,
        text,
        title: e.title ?? null,
        speaker: e.speaker ?? null,
        date: e.date ?? null,
        language: e.language ?? null,
        country: e.country ?? null,
        group: e.group ?? null,
      };
    }),
  );
  return { statements, attribution: list?.attribution ? list.attribution.text || null : null };
}

/**
 * Reads the statements and settings named by `href` (a page URL).
 * @returns {Promise<{statements: Array<{id,text,title,speaker,date,language,country?,group?}>, settings: {view?,family?,query?,theme?,lang?,title?,options?,contrast?}, attribution: string|null}>}
 */
export async function readSources(href, { signal } = {}) {
  const url = new URL(href);
  const q = url.searchParams;
  const settings = {};
  for (const k of ['view', 'family', 'query', 'theme', 'lang', 'title', 'views']) if (q.get(k)) settings[k] = q.get(k);
  const statements = [];
  let attribution = null;
  const split = (v) =>
    (v || '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);

  if (q.get('demo')) {
    const r = await fromList(sameOrigin(DEMO_MANIFEST, url), split(q.get('demo')), signal);
    statements.push(...r.statements);
    attribution = r.attribution;
  }
  if (q.get('list')) {
    const r = await fromList(sameOrigin(q.get('list'), url), split(q.get('ids')), signal);
    statements.push(...r.statements);
    attribution = attribution || r.attribution;
  }
  if (q.get('ws')) {
    const r = await fromWorkspace(q.get('ws'));
    statements.push(...r.statements);
    settings.options = r.options;
    if (r.contrast) settings.contrast = r.contrast;
    attribution = attribution || r.attribution;
  }
  statements.push(...(await filesOf(q.getAll('src'), url, signal)));
  if (q.get('from')) {
    const u = sameOrigin(q.get('from'), url);
    const html = await fetchFile(u, 'text', signal);
    const page = new DOMParser().parseFromString(html, 'text/html');
    const host =
      (u.hash && page.getElementById(decodeURIComponent(u.hash.slice(1)))) ||
      page.querySelector('refrain-compare') ||
      page.body;
    statements.push(...(await quotesOf(host, u, signal)));
    const credit = page.querySelector('[data-refrain-attribution]');
    if (credit) attribution = attribution || credit.textContent.replace(/\s+/g, ' ').trim();
    if (!settings.title && host.getAttribute && host.getAttribute('aria-label'))
      settings.title = host.getAttribute('aria-label');
  }
  if (url.hash.startsWith('#s=')) {
    const { readLink } = await import('../js/share.js');
    const view = await readLink(url.hash);
    const demoIds = view.st.filter((e) => e?.d).map((e) => e.d);
    let demo = new Map();
    if (demoIds.length) {
      const r = await fromList(sameOrigin(DEMO_MANIFEST, url), demoIds, signal);
      demo = new Map(r.statements.map((s) => [s.id, s]));
      attribution = attribution || r.attribution;
    }
    view.st.forEach((e, i) => {
      if (!e) return;
      if (e.d)
        statements.push({
          ...demo.get(e.d),
          title: e.ti ?? demo.get(e.d).title,
          speaker: e.sp ?? demo.get(e.d).speaker,
          date: e.da ?? demo.get(e.d).date,
          group: e.gr ?? null,
        });
      else if (typeof e.t === 'string')
        statements.push({
          id: `u${i + 1}`,
          text: e.t,
          title: e.ti ?? null,
          speaker: e.sp ?? null,
          date: e.da ?? null,
          language: e.la ?? null,
          group: e.gr ?? null,
        });
    });
    if (!settings.view && TAB_TO_VIEW[view.tab]) settings.view = TAB_TO_VIEW[view.tab];
    if (!settings.query && view.q) settings.query = view.q;
    if (!settings.family && view.fam) settings.family = view.fam;
    settings.options = view.opt || {};
  }
  uniqueIds(statements); // across sources
  return { statements, settings, attribution };
}
