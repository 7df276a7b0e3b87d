// Shareable links: the view (statements, columns, tab, selected refrain, search, settings) packed
// into the URL fragment, which never reaches a server. Texts the user added travel in the link when
// it stays under MAX_LINK characters (deflated with CompressionStream where available); otherwise the
// link carries the demo statements and the settings only.

export const MAX_LINK = 24_000;
const PREFIX = 's=';

function toB64url(bytes) {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromB64url(text) {
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

/** Unpacks a payload made by `pack`; throws on anything else. */
export async function unpack(payload) {
  const kind = payload[0];
  const bytes = fromB64url(payload.slice(1));
  let raw;
  if (kind === 'z') {
    if (typeof DecompressionStream !== 'function') throw new Error('this browser cannot read compressed links');
    raw = await pipe(bytes, new DecompressionStream('deflate-raw'));
  } else if (kind === 'j') raw = bytes;
  else throw new Error('not a refrain link');
  const view = JSON.parse(new TextDecoder().decode(raw));
  if (view?.v !== 1 || !Array.isArray(view.st)) throw new Error('not a refrain link');
  return view;
}

/**
 * The view as a link. `workspace`: {statements:[{id, source, demoId, text, title, speaker, date,
 * language}], demoSet, columns, tab, family, query, options}. Returns {url, withTexts, dropped}.
 */
export async function makeLink(baseUrl, workspace) {
  const base = String(baseUrl).split('#')[0];
  const entry = (st, withText) => {
    if (st.source === 'demo') return { d: st.demoId, ti: st.title, sp: st.speaker, da: st.date };
    return withText ? { i: st.id, t: st.text, ti: st.title, sp: st.speaker, da: st.date, la: st.language } : null;
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

/** The view in a location hash, or null when the hash holds none. */
export async function readLink(hash) {
  const h = String(hash || '').replace(/^#/, '');
  if (!h.startsWith(PREFIX)) return null;
  return unpack(h.slice(PREFIX.length));
}
