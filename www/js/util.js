// The web helpers, each defined once: shared by the page, its views, <refrain-compare>, the
// classroom presenter, the embed pages and the Worker client. Nothing here touches a global
// document: every function that creates nodes takes the document (or a node of it) to create
// them in, so the views also work in a shadow root or another document. No side effect on import
// (the Worker imports this module too).

/** An Error with a string `code` (the engine's codes, or the client's and the embed's; see the README). */
export function coded(code, message) {
  return Object.assign(new Error(message), { code });
}

/**
 * Creates an element. `attrs` keys: `class`, `text` (textContent), `on` ({event: handler}),
 * `dataset` ({key: value}), `props` (assigned as properties), anything else via setAttribute
 * (skipped when null/undefined/false; `true` sets an empty attribute).
 * Children: nodes or strings (strings become text nodes, never HTML).
 */
export function h(doc, tag, attrs = {}, ...children) {
  const ns = attrs?.svg ? 'http://www.w3.org/2000/svg' : null;
  const el = ns ? doc.createElementNS(ns, tag) : doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false || k === 'svg') continue;
    if (k === 'class') el.setAttribute('class', Array.isArray(v) ? v.filter(Boolean).join(' ') : v);
    else if (k === 'text') el.textContent = String(v);
    else if (k === 'on') for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
    else if (k === 'dataset')
      for (const [dk, dv] of Object.entries(v)) {
        if (dv !== null && dv !== undefined) el.dataset[dk] = String(dv);
      }
    else if (k === 'props') Object.assign(el, v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

/** Creates an SVG element (see `h`). */
export function s(doc, tag, attrs = {}, ...children) {
  return h(doc, tag, { ...attrs, svg: true }, ...children);
}

/** Appends nodes or strings (as text) to `el`, flattening arrays and skipping null/false. */
export function append(el, children) {
  const doc = el.ownerDocument;
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' || typeof c === 'number' ? doc.createTextNode(String(c)) : c);
  }
  return el;
}

/** Removes all children of `el`. */
export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** A function that runs `fn` once `ms` after the last call; `.flush()` runs it now if pending. */
export function debounce(fn, ms) {
  let t = null;
  let args = null;
  const run = () => {
    t = null;
    const a = args;
    args = null;
    fn(...a);
  };
  const d = (...a) => {
    args = a;
    clearTimeout(t);
    t = setTimeout(run, ms);
  };
  d.flush = () => {
    if (t !== null) {
      clearTimeout(t);
      run();
    }
  };
  d.cancel = () => {
    clearTimeout(t);
    t = null;
    args = null;
  };
  return d;
}

/** Number of families' colours and underline styles; see css/refrain.css (`.c0`..`.c7`, `.u0`..`.u4`). */
export const COLOURS = 8;
export const UNDERLINES = 5;

/** CSS classes of the family at `index` (0 = strongest): a colour and an underline style. */
export function familyClasses(index) {
  return [`c${index % COLOURS}`, `u${index % UNDERLINES}`];
}

/**
 * A statement's name wherever one is shown: "Speaker, Country (year)" (the year of an ISO date,
 * any other date as written), else its title, else its id.
 */
export function statementLabel(st) {
  if (!st) return '';
  const date = String(st.date || '').trim();
  const when = /^\d{4}/.test(date) ? date.slice(0, 4) : date;
  const who = [st.speaker, st.country].filter(Boolean).join(', ');
  if (who) return when ? `${who} (${when})` : who;
  return st.title || st.id || '';
}

/** Percent with no decimals, e.g. 0.123 -> "12%". */
export function pct(x) {
  return `${Math.round((Number(x) || 0) * 100)}%`;
}

/** "1 statement" / "2 statements". */
export function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

/** A count with thousands separators, as the page writes in English: 7123 -> "7,123". */
export function thousands(n) {
  return Number(n).toLocaleString('en-US');
}

/** Whether the user asked for reduced motion (in the window of `node`). */
export function reducedMotion(node) {
  const win = node?.ownerDocument ? node.ownerDocument.defaultView : null;
  return !!win?.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Scrolls the scrollable `container` so that `target` (inside it) sits about a third from the
 * top (the container itself: to its top), without scrolling the page itself; smoothly unless
 * `instant` or the user asked for reduced motion.
 */
export function scrollWithin(container, target, instant = false) {
  const c = container.getBoundingClientRect();
  const t = target.getBoundingClientRect();
  const top = target === container ? 0 : container.scrollTop + (t.top - c.top) - container.clientHeight / 3;
  container.scrollTo({ top: Math.max(0, top), behavior: instant || reducedMotion(container) ? 'auto' : 'smooth' });
}

const sheets = new WeakMap(); // document -> Map(css text -> CSSStyleSheet)

/** The constructable stylesheet of the text `css` for `doc`, made once per document and text. */
export function sheetFor(doc, css) {
  if (!sheets.has(doc)) sheets.set(doc, new Map());
  const made = sheets.get(doc);
  if (!made.has(css)) {
    const sheet = new (doc.defaultView || globalThis).CSSStyleSheet();
    sheet.replaceSync(css);
    made.set(css, sheet);
  }
  return made.get(css);
}

/** Adds the stylesheet of `css` to `root` (a document or a shadow root) unless it has it already. */
export function adoptSheet(root, css) {
  const sheet = sheetFor(root.ownerDocument || root, css);
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  return sheet;
}

/** `url` resolved against `base` when it is on the same origin as `base`; else throws (code cross_origin). */
export function sameOrigin(url, base) {
  const u = new URL(url, base);
  if (u.origin !== new URL(base).origin) throw coded('cross_origin', `${u.href} is not on this site`);
  return u;
}

/**
 * Keyboard of a tab list (automatic activation): ArrowLeft and ArrowRight move to the previous or
 * next tab (wrapping), Home and End to the first and last; `select(tab)` shows and focuses it.
 */
export function onTabKeys(tablist, select) {
  tablist.addEventListener('keydown', (e) => {
    const tabs = [...tablist.querySelectorAll('[role="tab"]')];
    const i = tabs.indexOf(e.target.closest?.('[role="tab"]'));
    const n = tabs.length;
    if (i < 0) return;
    const j = { ArrowRight: (i + 1) % n, ArrowLeft: (i - 1 + n) % n, Home: 0, End: n - 1 }[e.key];
    if (j === undefined) return;
    e.preventDefault();
    select(tabs[j]);
  });
}

/** Triggers a download of `blob` as `name` (in the document of `node`). */
export function download(node, blob, name) {
  const doc = node.ownerDocument || node;
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  (doc.body || doc.documentElement).appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A random id with a prefix, for statements the user adds. */
export function newId(prefix = 'u') {
  const a = new Uint32Array(2);
  crypto.getRandomValues(a);
  return `${prefix}-${a[0].toString(36)}${a[1].toString(36)}`.slice(0, 16);
}
