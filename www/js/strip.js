// The strip: a thin bar per statement showing where in its text the shared passages lie, one mark
// per occurrence in its family's colour. Used in each reader column and in the overview.

import { clear, familyClasses, h, s, statementLabel } from './util.js';

/**
 * An SVG strip for a text of `length` UTF-16 units. `occs`: the model's occurrences of the
 * statement. `opts.onPick(occ)` is called when a mark is clicked; `opts.label` names it.
 */
export function stripSvg(doc, L, length, occs, opts = {}) {
  const W = 1000;
  const svg = s(doc, 'svg', {
    class: 'strip',
    viewBox: `0 0 ${W} 10`,
    preserveAspectRatio: 'none',
    role: 'img',
    'aria-label': opts.label || L.sharedPassages(occs.length),
  });
  svg.append(s(doc, 'rect', { x: 0, y: 0, width: W, height: 10, class: 'strip-bg' }));
  const len = Math.max(1, length);
  for (const o of occs) {
    const x = (o.start / len) * W;
    const w = Math.max(3, ((o.end - o.start) / len) * W);
    const r = s(doc, 'rect', {
      x: x.toFixed(1),
      y: 0,
      width: w.toFixed(1),
      height: 10,
      class: ['strip-mark', ...familyClasses(o.rank)],
      'data-family': o.family,
      'data-occ': o.key,
    });
    r.append(s(doc, 'title', { text: `${o.family}: ${String(o.raw.text).slice(0, 80)}` }));
    if (opts.onPick) r.addEventListener('click', () => opts.onPick(o));
    svg.append(r);
  }
  return svg;
}

/**
 * The overview's list of strips, one per statement. `data`: {model, statements, selected}.
 * `opts.onOpen(docId, occ|null)` opens a statement (at an occurrence) in the reader.
 */
export function createStrips(root, L, opts) {
  const doc = root.ownerDocument;
  const list = h(doc, 'ol', { class: 'strips', 'aria-label': L.stripsLabel });
  root.append(list);
  return {
    update({ model, statements }) {
      clear(list);
      for (const st of statements) {
        const occs = model.occsOf(st.id);
        const sum = model.summary(st.id);
        const share = sum ? sum.shared_share : null;
        const name = statementLabel(st);
        list.append(
          h(
            doc,
            'li',
            { class: 'strip-row' },
            h(
              doc,
              'div',
              { class: 'strip-head' },
              h(doc, 'span', { class: 'strip-name', text: name }),
              h(doc, 'span', { class: 'muted', text: ` ${L.stripFigures(occs.length, share)}` }),
              ' ',
              h(doc, 'button', {
                type: 'button',
                class: 'link',
                text: L.read,
                'aria-label': L.readName(name),
                on: { click: () => opts.onOpen(st.id, null) },
              }),
            ),
            stripSvg(doc, L, model.text(st.id).length, occs, {
              label: `${name}: ${L.stripFigures(occs.length, share)}`,
              onPick: (o) => opts.onOpen(st.id, o),
            }),
          ),
        );
      }
    },
    select(id) {
      list.classList.toggle('has-sel', !!id);
      for (const r of list.querySelectorAll('.strip-mark'))
        r.classList.toggle('hl-sel', r.getAttribute('data-family') === id);
    },
  };
}
