// Pieces that show one family: its swatch, word-level differences, variants and the timeline of
// first use. Used by the refrains list and by the reader's family panel. Strings come from the
// labels given (labels.js).

import { variantsOf } from './model.js';
import { familyClasses, h, s } from './util.js';

/** A small sample of the family's colour and underline style (decorative; the id is in text). */
export function swatch(doc, rank) {
  return h(doc, 'span', { class: ['swatch', ...familyClasses(rank)], 'aria-hidden': 'true', text: 'abc' });
}

// Written without spaces: Han, kana, CJK punctuation.
export const CJK = /[\p{sc=Han}\p{sc=Hira}\p{sc=Kana}\u3000-\u303f\uff00-\uffef]/u;

/** Words of an occurrence against its reference: equal words plain, others marked with ins/del;
 * between them the text of its excerpt `ex` (else a space, none beside Chinese). */
export function renderDiff(doc, L, diff, fallback, ex) {
  const out = h(doc, 'span', { class: 'diff' });
  if (!diff?.length) {
    out.append(fallback || '');
    return out;
  }
  let end = null;
  let last = '';
  diff.forEach((e, i) => {
    const at = e.utf16_start - ex?.utf16_start;
    const w = e.text ?? e.reference ?? '';
    if (end !== null && at >= end) out.append(ex.text.slice(end, at));
    else if (i && !CJK.test(last.at(-1)) && !CJK.test(w[0])) out.append(' ');
    if (at >= 0) end = e.utf16_end - ex.utf16_start;
    else if (e.op !== 'delete') end = null;
    last = w;
    const pair = e.op === 'variant' || e.op === 'substitute';
    const tag = pair || e.op === 'move' ? 'span' : e.op === 'insert' ? 'ins' : 'del';
    out.append(
      e.op === 'equal'
        ? w
        : h(
            doc,
            tag,
            { class: [pair && 'd-pair', `d-${e.op}`], title: L.diffTitle(e.op, e.text, e.reference) },
            pair ? [h(doc, 'del', { text: e.reference ?? '' }), h(doc, 'ins', { text: w })] : w,
          ),
    );
  });
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
      const comma = i < docs.length - 1 ? ',' : '';
      // The comma stays with the name before it when the line wraps. A name that is a button (an
      // atomic inline, after which a line may break even before a comma) holds its comma, not
      // underlined and left out of its accessible name.
      const name = opts.onGo
        ? h(
            doc,
            'button',
            {
              type: 'button',
              class: 'link go',
              title: L.readIn(o.text, nameOf(o.doc)),
              on: { click: () => opts.onGo(family, o) },
            },
            h(doc, 'span', { class: 'go-name', text: nameOf(o.doc) }),
            comma && h(doc, 'span', { class: 'sep', 'aria-hidden': 'true', text: comma }),
          )
        : [nameOf(o.doc), comma];
      who.append(h(doc, 'span', { class: 'who' }, name), comma && ' ');
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
