// The refrains: formula families, strongest first, with their root, counts, every wording with its
// word-level difference from the root, and a timeline of first use. Selecting one highlights it
// everywhere (the host forwards the selection to the other views). `collapsed` (the element)
// shows the body of the selected refrain only.

import { familyBody, familyMeta, swatch } from './family.js';
import { withViewLabels } from './labels-views.js';
import { clear, h, statementLabel } from './util.js';

const PAGE = 30;

const MEASURES = [
  'association',
  'log_likelihood',
  'dispersion',
  'unevenness',
  'repeats',
  'burstiness',
  'years',
  'capitals',
  'boilerplate',
];
const FACTORS = ['reuse', 'length', 'fixedness', 'choice', 'topic', 'name', 'boilerplate'];

/** A figure of `why`: yes or no, a count, or two decimals. */
function whyValue(L, v) {
  if (typeof v === 'boolean') return v ? L.yes : L.no;
  return Number.isInteger(v) ? String(v) : String(Number(Number(v).toFixed(2)));
}

/**
 * "Why this rank": a disclosure with the family's `why.summary` and, open, the measures and the
 * factors of its score (null for a family without `why`).
 */
export function whyRank(doc, L, family) {
  const why = family.why;
  if (!why) return null;
  const list = (keys, of) =>
    h(
      doc,
      'dl',
      { class: 'why-list' },
      keys
        .filter((k) => of[k] !== null && of[k] !== undefined)
        .map((k) =>
          h(doc, 'div', {}, h(doc, 'dt', { text: L.whyNames[k] || k }), h(doc, 'dd', { text: whyValue(L, of[k]) })),
        ),
    );
  return h(
    doc,
    'details',
    { class: 'why' },
    h(doc, 'summary', { text: L.whyRank }),
    h(doc, 'p', { class: 'why-summary', text: why.summary }),
    h(doc, 'p', { class: 'why-head', text: L.whyMeasures }),
    list(MEASURES, why),
    why.factors ? h(doc, 'p', { class: 'why-head', text: L.whyFactors(whyValue(L, family.score)) }) : null,
    why.factors ? list(FACTORS, why.factors) : null,
  );
}

/**
 * @param {Element} root
 * @param {object} L  The labels (labels.js).
 * @param {{onSelect: (id: string|null) => void, onRead: (id: string) => void, collapsed?: boolean}} opts
 */
export function createRefrains(root, given, opts) {
  const L = withViewLabels(given);
  const doc = root.ownerDocument;
  let data = null;
  let shown = PAGE;
  let selected = null;
  const filterId = `${root.id || 'refrains'}-filter`;
  const filter = h(doc, 'input', {
    type: 'search',
    id: filterId,
    class: 'input',
    autocomplete: 'off',
    placeholder: L.filterPlaceholder,
    on: {
      input: () => {
        shown = PAGE;
        render();
      },
    },
  });
  const summary = h(doc, 'p', { class: 'summary', role: 'status' });
  const list = h(doc, 'ol', { class: 'refrains', part: 'family-list', 'aria-label': L.refrainsList });
  const more = h(doc, 'button', {
    type: 'button',
    class: 'btn',
    hidden: true,
    on: {
      click: () => {
        shown += PAGE;
        render();
      },
    },
  });
  root.append(
    h(doc, 'h2', { class: 'visually-hidden', text: L.refrains }),
    h(doc, 'div', { class: 'refrains-bar' }, h(doc, 'label', { for: filterId, text: L.filterLabel }), filter),
    summary,
    list,
    more,
  );

  function matches(f, q) {
    if (!q) return true;
    const words = q.toLowerCase().split(/\s+/).filter(Boolean);
    const hay = `${f.root} ${f.root_norm} ${(f.occurrences || []).map((o) => o.text).join(' ')}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  }

  function render() {
    const active = root.getRootNode().activeElement;
    const focused = active && list.contains(active) ? active.getAttribute('data-family') : null;
    clear(list);
    if (!data) return;
    const { model, statements } = data;
    const nameOf = (id) => statementLabel(statements.find((x) => x.id === id) || { id });
    const q = filter.value.trim();
    const fams = model.families.filter((f) => matches(f, q));
    summary.textContent = model.families.length ? L.refrainsSummary(fams.length, q) : L.noFamilies;
    // The selected refrain is always listed.
    const at = fams.findIndex((f) => f.id === selected);
    if (at >= shown) shown = Math.ceil((at + 1) / PAGE) * PAGE;
    for (const f of fams.slice(0, shown)) {
      const isSel = f.id === selected;
      const open = !opts.collapsed || isSel;
      list.append(
        h(
          doc,
          'li',
          { class: ['refrain', isSel && 'is-sel'], 'data-family': f.id },
          h(
            doc,
            'h3',
            { class: 'refrain-head' },
            h(
              doc,
              'button',
              {
                type: 'button',
                class: 'fam-pick',
                'aria-pressed': String(isSel),
                'data-family': f.id,
                on: { click: () => pick(selected === f.id ? null : f.id) },
              },
              swatch(doc, model.rank(f.id)),
              ' ',
              h(doc, 'span', { class: 'fam-id', text: f.id }),
              ' ',
              h(doc, 'span', { class: 'fam-root', text: f.root }),
            ),
          ),
          familyMeta(doc, L, f),
          whyRank(doc, L, f),
          open ? familyBody(doc, L, f, model.report, { nameOf, maxVariants: 8 }) : null,
          open
            ? h(doc, 'button', {
                type: 'button',
                class: 'btn small',
                text: L.showInReader,
                'aria-label': L.showInReaderOf(f.id),
                on: { click: () => opts.onRead(f.id) },
              })
            : null,
        ),
      );
    }
    more.hidden = fams.length <= shown;
    more.textContent = L.showMore(Math.min(PAGE, fams.length - shown), fams.length);
    // A re-render keeps the keyboard where it was.
    if (focused) {
      const again = list.querySelector(`.fam-pick[data-family="${CSS.escape(focused)}"]`);
      if (again) again.focus();
    }
  }

  function select(id) {
    selected = id;
    if (opts.collapsed) {
      render();
      return;
    }
    for (const li of list.querySelectorAll('li.refrain')) {
      const on = li.getAttribute('data-family') === id;
      li.classList.toggle('is-sel', on);
      const b = li.querySelector('.fam-pick');
      if (b) b.setAttribute('aria-pressed', String(on));
    }
  }

  /** The user's choice: shown here, then told to the host. */
  function pick(id) {
    select(id);
    opts.onSelect(id);
  }

  return {
    update(next) {
      data = next;
      selected = next.selected || null;
      render();
    },
    select,
  };
}
