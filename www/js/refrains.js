// The refrains: formula families, strongest first, with their root, counts, every wording with its
// word-level difference from the root, and a timeline of first use. Selecting one highlights it
// everywhere (the app forwards the selection to the other views).

import { h, clear, plural, statementLabel } from './util.js';
import { swatch, familyBody, familyMeta } from './family.js';

const PAGE = 30;

/**
 * @param {Element} root
 * @param {{onSelect:(id:string|null)=>void, onRead:(family:object, occurrence:object|null)=>void}} callbacks
 */
export function createRefrains(root, callbacks) {
  const doc = root.ownerDocument;
  let data = null;
  let shown = PAGE;
  let selected = null;
  const filterId = `${root.id || 'refrains'}-filter`;
  const filter = h(doc, 'input', { type: 'search', id: filterId, class: 'input', autocomplete: 'off', placeholder: 'e.g. security',
    on: { input: () => { shown = PAGE; render(); } } });
  const summary = h(doc, 'p', { class: 'summary', role: 'status' });
  const list = h(doc, 'ol', { class: 'refrains', 'aria-label': 'Refrains, strongest first' });
  const more = h(doc, 'button', { type: 'button', class: 'btn', text: 'Show more', hidden: true, on: { click: () => { shown += PAGE; render(); } } });
  root.append(
    h(doc, 'h2', { class: 'visually-hidden', text: 'Refrains' }),
    h(doc, 'div', { class: 'refrains-bar' }, h(doc, 'label', { for: filterId, text: 'Filter refrains by word' }), filter),
    summary, list, more);

  function matches(f, q) {
    if (!q) return true;
    const words = q.toLowerCase().split(/\s+/).filter(Boolean);
    const hay = `${f.root} ${f.root_norm} ${(f.occurrences || []).map((o) => o.text).join(' ')}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  }

  function render() {
    clear(list);
    if (!data) return;
    const { model, statements } = data;
    const nameOf = (id) => statementLabel(statements.find((x) => x.id === id) || { id });
    const q = filter.value.trim();
    const fams = model.families.filter((f) => matches(f, q));
    summary.textContent = model.families.length
      ? `${plural(fams.length, 'refrain')}${q ? ` containing “${q}”` : ''}, strongest first. Select one to highlight it everywhere.`
      : 'No shared phrasing found between these statements.';
    for (const f of fams.slice(0, shown)) {
      const rank = model.rank(f.id);
      const isSel = f.id === selected;
      list.append(h(doc, 'li', { class: ['refrain', isSel && 'is-sel'], 'data-family': f.id },
        h(doc, 'h3', { class: 'refrain-head' },
          h(doc, 'button', { type: 'button', class: 'fam-pick', 'aria-pressed': String(isSel), 'data-family': f.id,
            on: { click: () => callbacks.onSelect(selected === f.id ? null : f.id) } },
          swatch(doc, rank), ' ', h(doc, 'span', { class: 'fam-id', text: f.id }), ' ', h(doc, 'span', { class: 'fam-root', text: f.root }))),
        familyMeta(doc, f),
        familyBody(doc, f, model.report, { nameOf, maxVariants: 8 }),
        h(doc, 'button', { type: 'button', class: 'btn small', text: 'Show in the reader', 'aria-label': `Show in the reader: refrain ${f.id}`,
          on: { click: () => callbacks.onRead(f, null) } })));
    }
    more.hidden = fams.length <= shown;
    more.textContent = `Show ${Math.min(PAGE, fams.length - shown)} more of ${fams.length}`;
  }

  return {
    update(next) { data = next; selected = next.selected || null; render(); },
    select(id) {
      selected = id;
      for (const li of list.querySelectorAll('li.refrain')) {
        const on = li.getAttribute('data-family') === id;
        li.classList.toggle('is-sel', on);
        const b = li.querySelector('.fam-pick');
        if (b) b.setAttribute('aria-pressed', String(on));
      }
    },
  };
}
