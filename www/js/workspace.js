// The workspace in memory: its statements (demo ones get their text at run time) and its view
// (columns, tab, refrain, search, settings, draft, group filter, compared groups). Made from the
// defaults, from storage (storage.js) or from a share link (share.js); checked against the page's
// limits (limits.js) before anything is added. Pure functions, no side effect on import.

import { demoColumns, demoEntries, demoFocus } from './demo.js';
import { ENGINE_LIMITS, LIMITS, sizeText, sizesText, utf8Bytes } from './limits.js';
import { MINE } from './storage.js';
import { newId, plural, thousands } from './util.js';

export const DEFAULT_SET = 'multilateralism';

/** The metadata a statement keeps besides its text. */
export const STATEMENT_FIELDS = ['title', 'speaker', 'date', 'language', 'country', 'group'];

/** The fields of a workspace's view, stored in its record. */
const VIEW_FIELDS = [
  'name',
  'created',
  'demoSet',
  'columns',
  'tab',
  'family',
  'familyKey',
  'focus',
  'query',
  'options',
  'draft',
  'filter',
  'contrast',
];

/** The demo workspace a first visit shows. */
export function defaultWorkspace(manifest, id = MINE) {
  return {
    id,
    name: id === MINE ? 'My statements' : null,
    created: 0,
    statements: demoEntries(manifest, DEFAULT_SET),
    demoSet: DEFAULT_SET,
    columns: demoColumns(manifest, DEFAULT_SET),
    tab: 'read',
    family: null,
    familyKey: null,
    focus: demoFocus(manifest, DEFAULT_SET),
    query: '',
    options: {},
    draft: null,
    filter: null,
    contrast: null,
  };
}

/** The record storage keeps of a workspace's view. */
export function metaOf(ws) {
  const meta = { id: ws.id };
  for (const k of VIEW_FIELDS) if (ws[k] !== undefined) meta[k] = ws[k];
  return meta;
}

/** A statement as stored: a demo statement without its text (the page fetches it). */
export function storedForm(st) {
  const out = { id: st.id, source: st.source, demoId: st.demoId ?? null };
  for (const k of STATEMENT_FIELDS) out[k] = st[k] ?? null;
  if (st.source !== 'demo') out.text = st.text;
  return out;
}

/** A stored workspace ({meta, statements}) in memory; statements that cannot be shown are left out. */
export function fromStored(manifest, { meta, statements }) {
  const sts = statements
    .filter(
      (st) =>
        st &&
        typeof st.id === 'string' &&
        (st.source === 'demo' ? Object.hasOwn(manifest.statements, st.demoId) : typeof st.text === 'string'),
    )
    .map(({ ws, pos, ...st }) => st);
  const ws = { ...defaultWorkspace(manifest, meta.id), ...metaOf(meta), id: meta.id, statements: sts };
  if (!ws.name) ws.name = meta.id === MINE ? 'My statements' : 'A workspace';
  return ws;
}

/**
 * The workspace of a checked link view (share.js `checkView`). Demo statements this page does not
 * have (`toString` is not one) are left out and named in `unknown`.
 */
export function fromLink(manifest, view) {
  const sts = [];
  const unknown = [];
  const ids = []; // the id of each statement of the link (null when left out), for the columns
  const meta = (e) => ({
    ...(e.ti != null ? { title: e.ti } : {}),
    ...(e.sp != null ? { speaker: e.sp } : {}),
    ...(e.da != null ? { date: e.da } : {}),
    ...(e.gr != null ? { group: e.gr } : {}),
  });
  for (const e of view.st) {
    if (typeof e.d === 'string') {
      if (!Object.hasOwn(manifest.statements, e.d)) {
        unknown.push(e.d);
        ids.push(null);
        continue;
      }
      const [entry] = demoEntries({ ...manifest, sets: [{ id: 'x', statements: [e.d] }] }, 'x');
      sts.push({ ...entry, ...meta(e) });
    } else {
      // The sender's id when it is one of ours and free: the same input gives the same report.
      const id =
        typeof e.i === 'string' && /^u-[a-z0-9]{1,14}$/.test(e.i) && !sts.some((x) => x.id === e.i) ? e.i : newId('u');
      sts.push({
        id,
        source: 'user',
        demoId: null,
        title: null,
        speaker: null,
        date: null,
        language: e.la ?? null,
        group: null,
        ...meta(e),
        text: e.t,
      });
    }
    ids.push(sts[sts.length - 1].id);
  }
  const set = view.set && manifest.sets.some((s) => s.id === view.set) ? view.set : DEFAULT_SET;
  const ws = {
    ...defaultWorkspace(manifest, null),
    statements: sts,
    demoSet: set,
    focus: null,
    tab: view.tab || 'read',
    family: view.fam || null,
    familyKey: view.fk || null,
    query: view.q || '',
    options: view.opt || {},
  };
  ws.columns = (view.cols || []).map((i) => ids[i]).filter(Boolean);
  if (!ws.columns.length) ws.columns = null;
  return { ws, unknown };
}

const sizes = new WeakMap();
/** UTF-8 bytes of a statement's text (remembered per statement object and text). */
export function bytesOf(st) {
  if (typeof st.text !== 'string') return 0;
  const known = sizes.get(st);
  if (known && known.text === st.text) return known.bytes;
  const bytes = utf8Bytes(st.text);
  sizes.set(st, { text: st.text, bytes });
  return bytes;
}

/** What a workspace holding `statements` can still take: {statements, bytes}. */
export function roomLeft(statements) {
  return {
    statements: Math.max(0, LIMITS.statements - statements.length),
    bytes: Math.max(0, LIMITS.totalBytes - statements.reduce((n, st) => n + bytesOf(st), 0)),
  };
}

const nameOf = (st, i) => st.title || st.speaker || `Statement ${i + 1}`;

/** The engine's options for workspace `ws`: its settings within the page's limits. */
export function engineOptions(ws) {
  return { ...(ws.options || {}), ...ENGINE_LIMITS };
}

/**
 * What the engine compares of workspace `ws`: its statements that have a text, as the engine takes
 * them (`sent`), the sentences saying which were left out over the page's limits (`refused`; a
 * store written by an older page, or a change in another tab), and the engine's options.
 */
export function engineInput(ws) {
  const { accepted, refused } = admit(
    [],
    ws.statements.filter((st) => typeof st.text === 'string' && st.text.length > 0),
  );
  const sent = accepted.map((st) => {
    const o = { id: st.id, text: st.text };
    for (const k of ['title', 'speaker', 'date', 'language']) if (st[k]) o[k] = st[k];
    return o;
  });
  return { sent, refused, options: engineOptions(ws) };
}

/**
 * The statements of `incoming` that a workspace holding `existing` can take, in order, and why the
 * others cannot (sentences that name them and the limit). A statement too large is left out and
 * the rest still come in.
 */
export function admit(existing, incoming) {
  let count = existing.length;
  let total = existing.reduce((n, st) => n + bytesOf(st), 0);
  const accepted = [];
  const tooLarge = [];
  const tooMany = [];
  const tooMuch = [];
  incoming.forEach((st, i) => {
    const bytes = bytesOf(st);
    if (bytes > LIMITS.statementBytes)
      tooLarge.push(`“${nameOf(st, i)}” has ${sizesText(bytes, LIMITS.statementBytes)[0]}`);
    else if (count >= LIMITS.statements) tooMany.push(nameOf(st, i));
    else if (total + bytes > LIMITS.totalBytes) tooMuch.push(nameOf(st, i));
    else {
      accepted.push(st);
      count++;
      total += bytes;
    }
  });
  const refused = [];
  const some = (names) =>
    names.length === 1 ? `“${names[0]}” was` : `${plural(names.length, 'statement')} (the first: “${names[0]}”) were`;
  if (tooLarge.length)
    refused.push(
      `${tooLarge.slice(0, 3).join(', ')}${tooLarge.length > 3 ? ` and ${tooLarge.length - 3} more` : ''} of text: a statement may have at most ${sizeText(LIMITS.statementBytes)}, so ${tooLarge.length === 1 ? 'it was' : 'they were'} not added.`,
    );
  if (tooMany.length)
    refused.push(`${some(tooMany)} not added: a workspace holds at most ${thousands(LIMITS.statements)} statements.`);
  if (tooMuch.length)
    refused.push(
      `${some(tooMuch)} not added: the statements of a workspace may have at most ${sizeText(LIMITS.totalBytes)} of text together.`,
    );
  return { accepted, refused };
}
