// Pieces that show one family: its swatch, word-level differences, variants and the timeline of
// first use. Used by the refrains list and by the reader's family panel. Strings come from the
// labels given (labels.js).

import { variantsOf } from './model.js';
import { UNSPACED, familyClasses, h, s } from './util.js';

/** A small sample of the family's colour and underline style (decorative; the id is in text). */
export function swatch(doc, rank) {
  return h(doc, 'span', { class: ['swatch', ...familyClasses(rank)], 'aria-hidden': 'true', text: 'abc' });
}

/** Whether a space goes between text ending in `before` and text starting with `after`. */
export function spaceBetween(before, after) {
  const x = [...String(before || '')].pop();
  const y = [...String(after || '')][0];
  if (!x || !y || /\s/u.test(x) || /\s/u.test(y)) return false;
  if (/[\p{Ps}\p{Pi}]/u.test(x) || /[\p{Pe}\p{Pf}\p{Po}]/u.test(y)) return false; // "(word", "word,"

  return !UNSPACED.test(x) && !UNSPACED.test(y);
}

/** The node of one step of a difference, its occurrence's word written `text`. */
function diffNode(doc, L, e, text) {
  if (e.op === 'equal') return text ?? e.reference ?? '';
  if (e.op === 'variant' || e.op === 'substitute')
    return h(
      doc,
      'span',
      {
        class: ['d-pair', e.op === 'variant' ? 'd-variant' : 'd-substitute'],
        title: L.diffTitle(e.op, text, e.reference),
      },
      h(doc, 'del', { text: e.reference ?? '' }),
      h(doc, 'ins', { text: text ?? '' }),
    );
  if (e.op === 'insert') return h(doc, 'ins', { class: 'd-insert', title: L.diffTitle(e.op), text: text ?? '' });
  if (e.op === 'delete') return h(doc, 'del', { class: 'd-delete', title: L.diffTitle(e.op), text: e.reference ?? '' });
  if (e.op === 'move')
    return h(doc, 'span', { class: 'd-move', title: L.diffTitle(e.op), text: text ?? e.reference ?? '' });
  return text ?? '';
}

/**
 * Words of an occurrence against its reference: equal words plain, others marked with ins/del.
 * With the occurrence's excerpt (`{text, utf16_start}`), the text between its words is the
 * excerpt's own (punctuation and spacing as written, none added between Chinese words); a word
 * only in the reference goes where it was left out. Without it, or when moved words are out of
 * the text's order, the words are joined with spaces where the script uses them.
 */
export function renderDiff(doc, L, diff, fallback, excerpt = null) {
  const out = h(doc, 'span', { class: 'diff' });
  if (!diff?.length) {
    out.append(fallback || '');
    return out;
  }
  let tail = ''; // the text written last, to decide on a space before the next
  const put = (node, text) => {
    if (!text) return;
    out.append(node);
    tail = text;
  };
  const text = typeof excerpt?.text === 'string' ? excerpt.text : null;
  const base = excerpt?.utf16_start;
  let inOrder = text !== null && Number.isInteger(base);
  let pos = 0;
  for (const e of diff) {
    if (!inOrder || e.utf16_start == null) continue;
    const a = e.utf16_start - base;
    const b = e.utf16_end - base;
    inOrder = a >= pos && b >= a && b <= text.length;
    pos = b;
  }
  if (!inOrder) {
    for (const e of diff) {
      const word = e.op === 'delete' ? e.reference : (e.text ?? e.reference);
      if (spaceBetween(tail, e.op === 'variant' || e.op === 'substitute' ? e.reference : word)) out.append(' ');
      put(diffNode(doc, L, e, e.text), word);
    }
    return out;
  }
  pos = 0;
  let deleted = false; // the last thing written is a word only in the reference
  const gap = (to) => {
    const g = text.slice(pos, to);
    if (deleted && spaceBetween(tail, g || text.slice(to))) out.append(' ');
    deleted = false;
    put(g, g);
    pos = to;
  };
  for (const e of diff) {
    if (e.utf16_start == null) {
      if (spaceBetween(tail, e.reference)) out.append(' ');
      put(diffNode(doc, L, e, null), e.reference ?? '');
      deleted = true;
      continue;
    }
    gap(e.utf16_start - base);
    const word = text.slice(pos, e.utf16_end - base);
    put(diffNode(doc, L, e, word), word);
    pos = e.utf16_end - base;
  }
  gap(text.length);
  return out;
}

/** Fractional year of a sortable date key (YYYY, YYYY-MM, YYYY-MM-DD), or null. */
export function dateValue(key) {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(String(key || ''));
  if (!m) return null;
  return Number(m[1]) + (m[2] ? (Number(m[2]) - 1) / 12 : 0) + (m[3] ? (Number(m[3]) - 1) / 365 : 0);
}

/**
 * A small SVG timeline of where the family was used, against the span of all dated statements.
 * Returns null when no statement has a date.
 */
export function timeline(doc, L, family, report, nameOf) {
  const points = (family.timeline || []).filter((p) => dateValue(p.date) !== null);
  const all = (report.statements || []).map((st) => dateValue(st.date_key)).filter((v) => v !== null);
  if (!points.length || new Set(all).size < 2) return null;
  let lo = Math.min(...all, ...points.map((p) => dateValue(p.date)));
  let hi = Math.max(...all, ...points.map((p) => dateValue(p.date)));
  if (hi - lo < 1) {
    lo -= 0.5;
    hi += 0.5;
  }
  const W = 260,
    X0 = 14,
    X1 = 246;
  const x = (v) => X0 + ((v - lo) / (hi - lo)) * (X1 - X0);
  const first = family.first_use ? family.first_use.date : points[0].date;
  const at = (p) => `${p.date}: ${p.docs.map(nameOf).join(', ')}`;
  const svg = s(doc, 'svg', {
    class: 'timeline',
    viewBox: `0 0 ${W} 40`,
    width: W,
    height: 40,
    role: 'img',
    'aria-label': L.timeline(first, family.first_use ? family.first_use.speaker : null, points.map(at).join('; ')),
  });
  svg.append(s(doc, 'line', { x1: X0, x2: X1, y1: 16, y2: 16, class: 'tl-axis' }));
  for (const v of new Set(all)) svg.append(s(doc, 'line', { x1: x(v), x2: x(v), y1: 12, y2: 20, class: 'tl-tick' }));
  for (const p of points) {
    const c = s(doc, 'circle', {
      cx: x(dateValue(p.date)),
      cy: 16,
      r: Math.min(7, 3.5 + p.docs.length),
      class: p.date === first ? 'tl-first' : 'tl-point',
    });
    c.append(s(doc, 'title', { text: at(p) }));
    svg.append(c);
  }
  const y0 = String(Math.floor(lo + 0.0001)),
    y1 = String(Math.floor(hi));
  svg.append(
    s(doc, 'text', { x: X0, y: 36, class: 'tl-label', 'text-anchor': 'start', text: /^\d{4}$/.test(y0) ? y0 : '' }),
  );
  svg.append(s(doc, 'text', { x: X1, y: 36, class: 'tl-label', 'text-anchor': 'end', text: y1 }));
  return svg;
}

/** One line of figures about a family. */
export function familyMeta(doc, L, family) {
  const parts = [
    L.statements(family.statements ?? 0),
    L.speakers(family.speakers ?? 0),
    L.occurrences((family.occurrences || []).length),
  ];
  if (typeof family.stability === 'number') parts.push(L.alike(family.stability));
  return h(doc, 'p', { class: 'fam-meta', text: parts.join(' · ') });
}

/**
 * The body of a family: variants with their difference from the root, slots, first use, timeline.
 * `opts.nameOf(docId)` names a statement; `opts.onGo(family, occurrence)` (optional) adds "go to" buttons.
 */
export function familyBody(doc, L, family, report, opts) {
  const { nameOf } = opts;
  const max = opts.maxVariants || 50;
  const body = h(doc, 'div', { class: 'fam-body' });
  const variants = variantsOf(family);
  const list = h(doc, 'ul', { class: 'variants', 'aria-label': L.wordingsOf(family.root) });
  for (const v of variants.slice(0, max)) {
    const byDoc = new Map();
    for (const o of v.occurrences) if (!byDoc.has(o.doc)) byDoc.set(o.doc, o);
    const who = h(doc, 'span', { class: 'variant-who' }, ` ×${v.occurrences.length} · `);
    const docs = [...byDoc.values()];
    docs.forEach((o, i) => {
      const name = opts.onGo
        ? h(doc, 'button', {
            type: 'button',
            class: 'link go',
            text: nameOf(o.doc),
            title: L.readIn(o.text, nameOf(o.doc)),
            on: { click: () => opts.onGo(family, o) },
          })
        : nameOf(o.doc);
      // The comma stays with the name before it when the line wraps.
      who.append(
        h(doc, 'span', { class: 'who' }, name, i < docs.length - 1 ? ',' : ''),
        i < docs.length - 1 ? ' ' : '',
      );
    });
    list.append(h(doc, 'li', { class: 'variant' }, renderDiff(doc, L, v.diff, v.text, v.occurrences[0]), who));
  }
  body.append(list);
  if (variants.length > max) body.append(h(doc, 'p', { class: 'muted', text: L.moreWordings(variants.length - max) }));
  const slots = (family.slots || []).filter((sl) => (sl.fillers || []).length > 1);
  if (slots.length) {
    const ul = h(doc, 'ul', { class: 'slots', 'aria-label': L.wordsThatVary });
    for (const sl of slots) {
      const others = sl.fillers.filter((f) => f.text.toLowerCase() !== String(sl.root).toLowerCase());
      ul.append(
        h(
          doc,
          'li',
          {},
          h(doc, 'span', { class: 'slot-root', text: L.quoted(sl.root) }),
          ` ${L.isAlso} `,
          others.map((f, i) => [i ? ', ' : '', h(doc, 'strong', { text: f.text }), ` (${f.count})`]),
        ),
      );
    }
    body.append(ul);
  }
  if (family.first_use) {
    body.append(
      h(
        doc,
        'p',
        { class: 'first-use' },
        `${L.firstUse} `,
        h(doc, 'strong', { text: family.first_use.date }),
        ` ${L.inStatement(nameOf(family.first_use.doc))}`,
      ),
    );
  }
  const tl = timeline(doc, L, family, report, nameOf);
  if (tl) body.append(tl);
  return body;
}
