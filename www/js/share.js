// Shareable links: the view (statements, columns, tab, selected refrain, search, settings) packed
// into the URL fragment, which never reaches a server. Texts the user added travel in the link when
// it stays under MAX_LINK characters (deflated with CompressionStream where available); otherwise the
// link carries the demo statements and the settings only.
//
// Reading a link trusts nothing in it: the fragment is refused above LINK_LIMITS.chars, inflation
// stops at LINK_LIMITS.bytes (a small link can inflate to gigabytes), and every field is checked
// against the schema below (own properties only, types, lengths, counts) before anything uses it.
// A refused link throws a LinkError whose `problems` say what was wrong.

import { LINK_LIMITS, settingProblem, utf8Bytes } from './limits.js';

export const MAX_LINK = 24_000;
const PREFIX = 's=';
const TABS = ['read', 'refrains', 'search', 'overview', 'groups', 'translation', 'statements'];

/** A link that was refused: `problems` lists what was wrong, in words. */
export class LinkError extends Error {
  constructor(problems) {
    super(problems.slice(0, 3).join('; ') + (problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''));
    this.name = 'LinkError';
    this.problems = problems;
  }
}

function toB64url(bytes) {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromB64url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new LinkError(['it is not in the form refrain writes']);
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(bytes, stream) {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/** Inflates `bytes` (deflate-raw), stopping with a LinkError as soon as the output passes `cap` bytes. */
async function inflateCapped(bytes, cap) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const parts = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > cap) {
        reader.cancel().catch(() => {});
        throw new LinkError([`it unpacks to more than ${cap >> 20} MB, more than any refrain link holds`]);
      }
      parts.push(value);
    }
  } catch (e) {
    if (e instanceof LinkError) throw e;
    throw new LinkError(['its compressed data is damaged']);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Packs a JSON-able view into a fragment payload: `z<deflate-raw base64url>` or `j<base64url>`. */
export async function pack(view) {
  const bytes = new TextEncoder().encode(JSON.stringify(view));
  if (typeof CompressionStream === 'function') {
    try {
      return `z${toB64url(await pipe(bytes, new CompressionStream('deflate-raw')))}`;
    } catch {
      /* fall through */
    }
  }
  return `j${toB64url(bytes)}`;
}

const own = (o, k) => Object.hasOwn(o, k);
const isObject = (o) => o !== null && typeof o === 'object' && !Array.isArray(o);

/**
 * The view of a link, checked field by field: a fresh object with only the known fields that were
 * present, each of the right type and size. Throws a LinkError listing every problem found.
 * Unknown fields are ignored (a newer page may add some).
 */
export function checkView(raw) {
  const problems = [];
  if (!isObject(raw) || !own(raw, 'v') || raw.v !== 1 || !own(raw, 'st') || !Array.isArray(raw.st))
    throw new LinkError(['it is not a refrain link']);
  const view = { v: 1 };
  const text = (value, what, max = LINK_LIMITS.metaChars) => {
    if (value === null || value === undefined) return null;
    if (typeof value !== 'string') {
      problems.push(`${what} is not text`);
      return undefined;
    }
    if (value.length > max) {
      problems.push(`${what} is longer than ${max} characters`);
      return undefined;
    }
    return value;
  };
  const copy = (from, to, key, what, max) => {
    if (!own(from, key)) return;
    const v = text(from[key], what, max);
    if (v !== undefined) to[key] = v;
  };
  copy(raw, view, 'set', 'the demo set');
  if (raw.st.length > LINK_LIMITS.statements)
    problems.push(`it holds ${raw.st.length} statements; a link may hold at most ${LINK_LIMITS.statements}`);
  else {
    view.st = raw.st.map((e, i) => {
      const what = (field) => `statement ${i + 1}’s ${field}`;
      if (!isObject(e)) {
        problems.push(`statement ${i + 1} is not a statement`);
        return null;
      }
      const out = {};
      const before = problems.length;
      copy(e, out, 'd', what('demo id'), 100);
      if (own(e, 't')) {
        if (typeof e.t !== 'string') problems.push(`${what('text')} is not text`);
        else if (utf8Bytes(e.t) > LINK_LIMITS.statementBytes)
          problems.push(`${what('text')} is larger than ${LINK_LIMITS.statementBytes >> 20} MB`);
        else out.t = e.t;
      }
      copy(e, out, 'i', what('id'), 40);
      copy(e, out, 'ti', what('title'));
      copy(e, out, 'sp', what('speaker'));
      copy(e, out, 'da', what('date'));
      copy(e, out, 'la', what('language'));
      copy(e, out, 'gr', what('group'));
      if (problems.length === before && typeof out.d !== 'string' && typeof out.t !== 'string')
        problems.push(`statement ${i + 1} has neither a text nor a demo statement`);
      return out;
    });
  }
  if (own(raw, 'cols')) {
    const n = Array.isArray(view.st) ? view.st.length : 0;
    if (
      !Array.isArray(raw.cols) ||
      raw.cols.length > 64 ||
      !raw.cols.every((c) => Number.isInteger(c) && c >= 0 && c < n)
    )
      problems.push('the columns are not statements of the link');
    else view.cols = [...raw.cols];
  }
  if (own(raw, 'tab')) {
    if (!TABS.includes(raw.tab)) problems.push('the tab is not one of the page’s');
    else view.tab = raw.tab;
  }
  copy(raw, view, 'fam', 'the refrain', 40);
  copy(raw, view, 'fk', 'the refrain’s words');
  copy(raw, view, 'q', 'the search');
  if (own(raw, 'opt')) {
    if (!isObject(raw.opt)) problems.push('the settings are not settings');
    else {
      view.opt = {};
      for (const k of Object.keys(raw.opt)) {
        const p = settingProblem(k, raw.opt[k]);
        if (p) problems.push(`setting ${p}`);
        else view.opt[k] = raw.opt[k];
      }
    }
  }
  if (own(raw, 'partial')) {
    if (!Number.isInteger(raw.partial) || raw.partial < 0 || raw.partial > 100_000)
      problems.push('the count of statements left out is not a count');
    else view.partial = raw.partial;
  }
  if (problems.length) throw new LinkError(problems);
  return view;
}

/** Unpacks and checks a payload made by `pack`; throws a LinkError on anything else. */
export async function unpack(payload) {
  if (payload.length > LINK_LIMITS.chars)
    throw new LinkError([`it is ${payload.length} characters long, longer than any refrain link`]);
  const kind = payload[0];
  let bytes;
  try {
    bytes = fromB64url(payload.slice(1));
  } catch (e) {
    throw e instanceof LinkError ? e : new LinkError(['it is not in the form refrain writes']);
  }
  let raw;
  if (kind === 'z') {
    if (typeof DecompressionStream !== 'function') throw new LinkError(['this browser cannot read compressed links']);
    raw = await inflateCapped(bytes, LINK_LIMITS.bytes);
  } else if (kind === 'j') {
    if (bytes.length > LINK_LIMITS.bytes) throw new LinkError(['it is larger than any refrain link']);
    raw = bytes;
  } else throw new LinkError(['it is not a refrain link']);
  let parsed;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    throw new LinkError(['it is not a refrain link']);
  }
  return checkView(parsed);
}

/**
 * The view as a link. `workspace`: {statements:[{id, source, demoId, text, title, speaker, date,
 * language, group}], demoSet, columns, tab, family, query, options}. Returns {url, withTexts, dropped}.
 */
export async function makeLink(baseUrl, workspace) {
  const base = String(baseUrl).split('#')[0];
  const entry = (st, withText) => {
    if (st.source === 'demo') return { d: st.demoId, ti: st.title, sp: st.speaker, da: st.date, gr: st.group };
    return withText
      ? { i: st.id, t: st.text, ti: st.title, sp: st.speaker, da: st.date, la: st.language, gr: st.group }
      : null;
  };
  const build = async (withTexts) => {
    const kept = workspace.statements.filter((st) => st.source === 'demo' || withTexts);
    const view = {
      v: 1,
      set: workspace.demoSet || null,
      st: kept.map((st) => entry(st, withTexts)),
      cols: (workspace.columns || []).map((id) => kept.findIndex((st) => st.id === id)).filter((i) => i >= 0),
      tab: workspace.tab || 'read',
      fam: workspace.family || null,
      fk: workspace.familyKey || null,
      q: workspace.query || '',
      opt: workspace.options || {},
    };
    if (!withTexts && kept.length < workspace.statements.length)
      view.partial = workspace.statements.length - kept.length;
    return `${base}#${PREFIX}${await pack(view)}`;
  };
  const full = await build(true);
  if (full.length <= MAX_LINK) return { url: full, withTexts: true, dropped: 0 };
  const dropped = workspace.statements.filter((st) => st.source !== 'demo').length;
  return { url: await build(false), withTexts: false, dropped };
}

/** Whether the location hash holds a link (which readLink then reads and checks). */
export function hasLink(hash) {
  return String(hash || '')
    .replace(/^#/, '')
    .startsWith(PREFIX);
}

/** The view in a location hash, or null when the hash holds none. */
export async function readLink(hash) {
  if (!hasLink(hash)) return null;
  return unpack(String(hash).replace(/^#/, '').slice(PREFIX.length));
}
