// The statements of a page: the quotes of a <refrain-compare> (its <blockquote> children, or a
// page's, for sources.js) and plain-text files, each on the page's own origin, with unique ids.
// <refrain-compare> reads its statements with these, and so does sources.js (the iframe and the
// classroom pages). No side effect on import.

import { coded, sameOrigin } from '../js/util.js';

/** The text (or, with kind 'json', the JSON) of URL `u`; throws code load_failed. */
export async function fetchFile(u, kind, signal) {
  const res = await fetch(u, { signal, credentials: 'same-origin' });
  if (!res.ok) throw coded('load_failed', `${u.pathname}: HTTP ${res.status}`);
  return kind === 'json' ? res.json() : res.text();
}

const BLOCK = /^(P|DIV|LI|UL|OL|H[1-6]|SECTION|ARTICLE|TR|PRE|BLOCKQUOTE|DL|DD|DT|TABLE)$/;
const SKIP = 'footer, cite, figcaption, script, style, template, [data-refrain-ignore]';

/**
 * The text of a statement element as paragraphs: block children (p, li, div, br...) become lines,
 * runs of white space inside a paragraph become one space. Footers, captions and cite are left out.
 */
export function textOf(root) {
  const paras = [];
  let cur = '';
  const flush = () => {
    const t = cur.replace(/\s+/g, ' ').trim();
    if (t) paras.push(t);
    cur = '';
  };
  const walk = (node) => {
    for (const c of node.childNodes) {
      if (c.nodeType === 3) cur += c.data;
      else if (c.nodeType === 1) {
        if (c.matches(SKIP)) continue;
        if (c.tagName === 'BR') {
          flush();
          continue;
        }
        const block = BLOCK.test(c.tagName);
        if (block) flush();
        walk(c);
        if (block) flush();
      }
    }
  };
  walk(root);
  flush();
  return paras.join('\n');
}

/**
 * The statements of `host`: its direct <blockquote> (or [data-refrain-statement]) children, with
 * data-id, data-title, data-speaker, data-date, lang or data-lang; the text is the element's
 * (textOf), or the file of data-src, resolved against `base` and on its origin.
 */
export function quotesOf(host, base, signal) {
  const quotes = [...host.children].filter((el) => el.matches('blockquote, [data-refrain-statement]'));
  return Promise.all(
    quotes.map(async (b, i) => ({
      id: b.dataset.id || `s${i + 1}`,
      text: b.dataset.src ? await fetchFile(sameOrigin(b.dataset.src, base), 'text', signal) : textOf(b),
      title: b.dataset.title || null,
      speaker: b.dataset.speaker || null,
      date: b.dataset.date || null,
      language: b.dataset.lang || b.getAttribute('lang') || null,
    })),
  );
}

/** Calls `changed` (once things settle) when the quotes of `host` or what quotesOf reads of them change; returns the observer. */
export function observeQuotes(host, changed) {
  let timer = 0;
  const mo = new MutationObserver((records) => {
    if (!records.some((r) => r.target !== host || r.type === 'childList')) return;
    clearTimeout(timer);
    timer = setTimeout(changed, 60);
  });
  mo.observe(host, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['data-title', 'data-speaker', 'data-date', 'data-src', 'data-id', 'data-lang', 'lang'],
  });
  return mo;
}

/** Plain-text files (URLs resolved against `base`, on its origin) as statements src1, src2…, titled by their file name. */
export function filesOf(urls, base, signal) {
  return Promise.all(
    urls.map(async (url, i) => {
      const u = sameOrigin(url, base);
      const name = decodeURIComponent(u.pathname.split('/').pop() || `file ${i + 1}`).replace(/\.[a-z0-9]+$/i, '');
      return {
        id: `src${i + 1}`,
        text: await fetchFile(u, 'text', signal),
        title: name,
        speaker: null,
        date: null,
        language: null,
      };
    }),
  );
}

/**
 * The statements of a <refrain-compare> `host` as it compares them: `given` (its `statements`
 * property), else its quotes, then the files of its `src` attribute; blank ones left out, ids unique.
 */
export async function statementsOf(host, given, signal) {
  const base = host.ownerDocument.baseURI;
  const src = (host.getAttribute('src') || '').split(/\s+/).filter(Boolean);
  const list = given || [...(await quotesOf(host, base, signal)), ...(await filesOf(src, base, signal))];
  const all = list.map((s, i) => ({
    id: String(s.id ?? `s${i + 1}`),
    text: String(s.text ?? ''),
    title: s.title ?? null,
    speaker: s.speaker ?? null,
    date: s.date ?? null,
    language: s.language ?? null,
  }));
  return uniqueIds(all.filter((s) => s.text.trim()));
}

/** Makes the ids of `statements` unique, in place: a repeated id gets a prime (s1, s1'). */
export function uniqueIds(statements) {
  const seen = new Set();
  for (const s of statements) {
    while (seen.has(s.id)) s.id = `${s.id}'`;
    seen.add(s.id);
  }
  return statements;
}
