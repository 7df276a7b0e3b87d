// The reader: two to four statements side by side with their shared passages highlighted.
// Hovering or focusing a passage highlights every occurrence of its family; clicking it selects
// the family, scrolls the other columns to their counterparts and shows the family in the panel.
// All text is inserted as text nodes.

import { h, clear, familyClasses, statementLabel, pct, plural, scrollWithin } from './util.js';
import { segment, runs } from './segments.js';
import { stripSvg } from './strip.js';
import { swatch, familyBody, familyMeta } from './family.js';

export const MAX_COLUMNS = 4;

const OP_TITLE = {
  variant: (w) => `near-synonym of “${w.reference}”`,
  substitute: (w) => `other word than the root’s “${w.reference}”`,
  insert: () => 'word not in the root',
  move: () => 'word of the root at another place',
};

/**
 * @param {Element} root  Where to render (an element of a document or shadow root).
 * @param {{onColumnsChange?:(ids:string[])=>void, onSelectFamily?:(id:string|null)=>void}} callbacks
 */
export function createReader(root, callbacks = {}) {
  const doc = root.ownerDocument;
  let data = null;
  let columns = [];
  let selected = null;
  let hover = null;

  const addBtn = h(doc, 'button', { type: 'button', class: 'btn', text: 'Add a column', on: { click: addColumn } });
  const bar = h(doc, 'div', { class: 'reader-bar' },
    h(doc, 'p', { class: 'hint' },
      h(doc, 'span', { class: 'wide-only', text: 'Hover or focus a highlighted passage to see all its occurrences; click it to line the columns up and show its refrain. In a column, Tab to the passages and move between them with the arrow keys.' }),
      h(doc, 'span', { class: 'narrow-only', text: 'Tap a highlighted passage to line the statements up and see its refrain below.' })),
    addBtn);
  const cols = h(doc, 'div', { class: 'columns' });
  const panel = h(doc, 'aside', { class: 'fam-panel', 'aria-label': 'Selected refrain' });
  const wrap = h(doc, 'div', { class: 'reader' }, bar, h(doc, 'div', { class: 'reader-main' }, cols, panel));
  root.append(wrap);

  cols.addEventListener('mouseover', (e) => { const m = e.target.closest('mark.occ'); setHover(m ? primaryOf(m) : null); });
  cols.addEventListener('mouseleave', () => setHover(null));
  cols.addEventListener('focusin', (e) => { const m = e.target.closest('mark.occ'); setHover(m ? primaryOf(m) : null); if (m) rove(m); });
  cols.addEventListener('focusout', () => setHover(null));
  cols.addEventListener('click', (e) => { const m = e.target.closest('mark.occ'); if (m) activate(m); });
  cols.addEventListener('keydown', onKey);

  function primaryOf(mark) { return mark.getAttribute('data-family'); }

  function marksOf(famId, scope = cols) {
    return [...scope.querySelectorAll(`mark.occ[data-families~="${CSS.escape(famId)}"]`)];
  }

  function setHover(id) {
    if (id === hover) return;
    for (const m of cols.querySelectorAll('.hl-hover')) m.classList.remove('hl-hover');
    hover = id;
    if (id) for (const m of marksOf(id)) m.classList.add('hl-hover');
    wrap.classList.toggle('has-hover', !!id);
  }

  function applySelection() {
    for (const m of cols.querySelectorAll('.hl-sel')) m.classList.remove('hl-sel');
    if (selected) for (const m of marksOf(selected)) m.classList.add('hl-sel');
    wrap.classList.toggle('has-sel', !!selected);
    for (const r of cols.querySelectorAll('.strip-mark')) r.classList.toggle('hl-sel', r.getAttribute('data-family') === selected);
    renderPanel();
  }

  function activate(mark) {
    const fam = primaryOf(mark);
    selected = fam;
    applySelection();
    alignTo(fam, mark);
    if (callbacks.onSelectFamily) callbacks.onSelectFamily(fam);
  }

  /** Scrolls every column (except the one holding `from`) to its best occurrence of `fam`. */
  function alignTo(fam, from, instant = false) {
    for (const c of cols.querySelectorAll('.col-text')) c.querySelectorAll('.counterpart').forEach((m) => m.classList.remove('counterpart'));
    if (from) from.classList.add('counterpart');
    const fromCol = from ? from.closest('.col-text') : null;
    for (const c of cols.querySelectorAll('.col-text')) {
      if (c === fromCol) continue;
      const ms = marksOf(fam, c).filter((m) => m.getAttribute('data-family') === fam);
      const candidates = ms.length ? ms : marksOf(fam, c);
      if (!candidates.length) continue;
      let best = candidates[0];
      let bestSim = -1;
      for (const m of candidates) {
        const sim = Number(m.dataset.similarity || 0);
        if (sim > bestSim) { best = m; bestSim = sim; }
      }
      best.classList.add('counterpart');
      scrollWithin(c, best, instant);
    }
  }

  function rove(mark) {
    const col = mark.closest('.col-text');
    for (const m of col.querySelectorAll('mark.occ[tabindex="0"]')) if (m !== mark) m.setAttribute('tabindex', '-1');
    mark.setAttribute('tabindex', '0');
  }

  function onKey(e) {
    const m = e.target.closest && e.target.closest('mark.occ');
    if (!m) return;
    const all = [...m.closest('.col-text').querySelectorAll('mark.occ')];
    const i = all.indexOf(m);
    let j = null;
    if (e.key === 'ArrowDown' || e.key === 'ArrowRight') j = Math.min(all.length - 1, i + 1);
    else if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') j = Math.max(0, i - 1);
    else if (e.key === 'Home') j = 0;
    else if (e.key === 'End') j = all.length - 1;
    else if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); activate(m); return; }
    else if (e.key === 'Escape') { select(null); if (callbacks.onSelectFamily) callbacks.onSelectFamily(null); return; }
    if (j === null) return;
    e.preventDefault();
    rove(all[j]);
    all[j].focus();
  }

  function addColumn() {
    if (!data || columns.length >= MAX_COLUMNS) return;
    const unused = data.statements.find((st) => !columns.includes(st.id));
    if (!unused) return;
    setColumns([...columns, unused.id]);
  }

  function setColumns(ids) {
    columns = ids;
    if (callbacks.onColumnsChange) callbacks.onColumnsChange([...columns]);
    render();
  }

  function renderText(target, st, hits) {
    const { model } = data;
    const text = model.text(st.id);
    const occs = model.occsOf(st.id);
    const sg = segment(text.length, occs, hits);
    const frag = doc.createDocumentFragment();
    let roving = false;
    for (const run of runs(sg)) {
      const parent = run.primary ? markFor(run) : frag;
      if (run.primary) {
        if (!roving) { parent.setAttribute('tabindex', '0'); roving = true; }
        frag.append(parent);
      }
      for (const seg of run.segments) {
        const piece = text.slice(seg.start, seg.end);
        let node = doc.createTextNode(piece);
        if (seg.word) {
          const w = seg.word;
          node = h(doc, 'span', { class: w.op === 'variant' ? 'w-variant' : 'w-change', title: (OP_TITLE[w.op] || (() => w.op))(w) }, node);
        }
        if (seg.hit !== null) {
          const q = data.hits[seg.hit];
          node = h(doc, 'span', { class: 'qhit', 'data-qhit': seg.hit, 'data-family': q && q.family ? q.family : null, title: 'Search result' }, node);
        }
        parent.append(node);
      }
    }
    target.append(frag);
  }

  function markFor(run) {
    const { model } = data;
    const p = run.primary;
    const fam = model.family(p.family);
    const others = run.occs.filter((o) => o.family !== p.family).map((o) => o.family);
    const fams = [p.family, ...new Set(others)];
    const title = `Refrain ${p.family}: “${fam ? fam.root : ''}” (${plural(fam ? fam.statements : 0, 'statement')})${others.length ? `; also inside ${[...new Set(others)].join(', ')}` : ''}`;
    return h(doc, 'mark', {
      class: ['occ', ...familyClasses(p.rank)],
      'data-family': p.family,
      'data-families': fams.join(' '),
      'data-occ': p.key,
      'data-occs': run.occs.map((o) => o.key).join(' '),
      'data-similarity': p.similarity,
      'data-start': p.start,
      tabindex: '-1',
      role: 'button',
      title,
    });
  }

  function render() {
    // Keep each statement's scroll position across re-renders (a search, a rename).
    const scrolled = new Map([...cols.querySelectorAll('.col')].map((c) => [c.dataset.doc, c.querySelector('.col-text').scrollTop]));
    clear(cols);
    if (!data) return;
    const byId = new Map(data.statements.map((st) => [st.id, st]));
    columns = columns.filter((id) => byId.has(id));
    if (!columns.length) columns = data.statements.slice(0, 2).map((st) => st.id);
    cols.dataset.count = String(columns.length);
    if (!columns.length) cols.append(h(doc, 'p', { class: 'muted', text: 'No statements to read: add some in the Statements tab, or load a demo set.' }));
    addBtn.disabled = columns.length >= MAX_COLUMNS || columns.length >= data.statements.length;
    const hitsByDoc = new Map();
    (data.hits || []).forEach((o, index) => {
      if (!hitsByDoc.has(o.doc)) hitsByDoc.set(o.doc, []);
      hitsByDoc.get(o.doc).push({ start: o.utf16_start, end: o.utf16_end, index });
    });
    columns.forEach((id, ci) => {
      const st = byId.get(id);
      const name = statementLabel(st);
      const sum = data.model.summary(id);
      const select = h(doc, 'select', { id: `${root.id || 'reader'}-col-${ci}`, on: { change: (e) => {
        const next = [...columns];
        const other = next.indexOf(e.target.value);
        if (other >= 0) next[other] = next[ci];
        next[ci] = e.target.value;
        setColumns(next);
      } } });
      for (const o of data.statements) select.append(h(doc, 'option', { value: o.id, text: statementLabel(o), props: { selected: o.id === id } }));
      const occs = data.model.occsOf(id);
      const meta = [st.title, st.date, sum ? plural(sum.words, 'word') : null, sum ? `${pct(sum.shared_share)} shared` : null].filter(Boolean).join(' · ');
      const text = h(doc, 'div', { class: 'col-text', tabindex: '0', role: 'region', 'aria-label': `Text of ${name}`, lang: st.language || null });
      renderText(text, st, hitsByDoc.get(id) || []);
      const remove = columns.length > 1 ? h(doc, 'button', { type: 'button', class: 'btn small', text: 'Close', 'aria-label': `Close column ${ci + 1} (${name})`,
        on: { click: () => setColumns(columns.filter((_, k) => k !== ci)) } }) : null;
      cols.append(h(doc, 'section', { class: 'col', 'aria-label': `Column ${ci + 1}: ${name}`, 'data-doc': id },
        h(doc, 'div', { class: 'col-head' },
          h(doc, 'h3', { class: 'col-title print-only', text: name }),
          h(doc, 'div', { class: 'col-pick' }, h(doc, 'label', { for: select.id, text: `Column ${ci + 1}` }), select, remove),
          h(doc, 'p', { class: 'col-meta', text: meta }),
          stripSvg(doc, data.model.text(id).length, occs, {
            label: `Where ${name}’s ${plural(occs.length, 'shared passage')} lie`,
            onPick: (o) => goTo(id, o.start, o.family),
          })),
        text));
    });
    for (const c of cols.querySelectorAll('.col')) if (scrolled.has(c.dataset.doc)) c.querySelector('.col-text').scrollTop = scrolled.get(c.dataset.doc);
    applySelection();
    if (hover) { const h0 = hover; hover = null; setHover(h0); }
  }

  function renderPanel() {
    clear(panel);
    if (!data) return;
    const { model } = data;
    const nameOf = (id) => statementLabel(data.statements.find((st) => st.id === id) || { id });
    const fam = selected ? model.family(selected) : null;
    if (fam) {
      const rank = model.rank(fam.id);
      panel.append(
        h(doc, 'h2', { class: 'panel-title' }, swatch(doc, rank), ` Refrain ${fam.id}`),
        h(doc, 'blockquote', { class: 'root', text: fam.root }),
        familyMeta(doc, fam),
        familyBody(doc, fam, model.report, { nameOf, maxVariants: 12, onGo: (f, o) => goTo(o.doc, o.utf16_start, f.id) }),
        h(doc, 'button', { type: 'button', class: 'btn small', text: 'Clear selection', on: { click: () => { select(null); if (callbacks.onSelectFamily) callbacks.onSelectFamily(null); } } }));
    } else {
      const top = model.families.slice(0, 8);
      panel.append(h(doc, 'h2', { class: 'panel-title', text: 'Strongest refrains' }));
      if (!top.length) {
        panel.append(h(doc, 'p', { class: 'muted', text: 'No shared phrasing found between these statements.' }));
        return;
      }
      const ul = h(doc, 'ul', { class: 'top-list' });
      for (const f of top) {
        ul.append(h(doc, 'li', {}, h(doc, 'button', { type: 'button', class: 'fam-pick', 'data-family': f.id,
          on: { click: () => { select(f.id, { align: true }); if (callbacks.onSelectFamily) callbacks.onSelectFamily(f.id); } } },
        swatch(doc, model.rank(f.id)), ' ', h(doc, 'span', { class: 'fam-root', text: f.root }),
        h(doc, 'span', { class: 'muted', text: ` · ${plural(f.statements, 'statement')}` }))));
      }
      panel.append(ul);
    }
  }

  /**
   * Shows statement `docId` (replacing the last column if it is not shown), scrolls to the passage
   * starting at UTF-16 offset `start`, and selects `famId` if given.
   */
  function goTo(docId, start, famId) {
    if (!data) return;
    if (!columns.includes(docId)) {
      const next = [...columns];
      if (next.length < 2) next.push(docId);
      else next[next.length - 1] = docId;
      setColumns(next);
    }
    if (famId) { selected = famId; applySelection(); }
    const col = cols.querySelector(`.col[data-doc="${CSS.escape(docId)}"] .col-text`);
    if (!col) return;
    let target = null;
    if (famId) target = marksOf(famId, col).find((m) => Number(m.dataset.start) === start) || null;
    if (!target) target = findAt(col, start);
    if (target) {
      for (const m of cols.querySelectorAll('.counterpart')) m.classList.remove('counterpart');
      target.classList.add('counterpart');
      scrollWithin(col, target);
      if (target.matches('mark.occ')) { rove(target); target.focus({ preventScroll: true }); if (famId) alignTo(famId, target); }
    }
  }

  /** The first mark or hit element of `col` whose text reaches UTF-16 offset `start`. */
  function findAt(col, start) {
    let pos = 0;
    const walker = doc.createTreeWalker(col, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const len = n.nodeValue.length;
      if (pos + len > start) return n.parentElement.closest('mark.occ, .qhit') || n.parentElement;
      pos += len;
    }
    return null;
  }

  function goToHit(index) {
    if (!data || !data.hits || !data.hits[index]) return;
    const o = data.hits[index];
    goTo(o.doc, o.utf16_start, null);
    const col = cols.querySelector(`.col[data-doc="${CSS.escape(o.doc)}"] .col-text`);
    const pieces = col ? [...col.querySelectorAll(`.qhit[data-qhit="${index}"]`)] : [];
    if (pieces.length) {
      const el = pieces[0];
      el.setAttribute('tabindex', '-1');
      scrollWithin(col, el);
      el.focus({ preventScroll: true });
      for (const p of pieces) p.classList.add('counterpart');
    }
  }

  function select(id, { align = false, instant = false } = {}) {
    selected = id;
    applySelection();
    if (id && align) alignTo(id, null, instant);
  }

  return {
    /** data: {model, statements, columns, selected, hits} */
    update(next) {
      data = next;
      if (next.columns) columns = [...next.columns];
      selected = next.selected && next.model.family(next.selected) ? next.selected : null;
      render();
    },
    select,
    goTo,
    goToHit,
    get columns() { return [...columns]; },
    element: wrap,
  };
}
