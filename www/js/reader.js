// The reader: statements side by side with their shared passages highlighted. Hovering or
// focusing a passage highlights every occurrence of its family; clicking it selects the family,
// scrolls the other columns to their counterparts and shows the family in the panel. All text is
// inserted as text nodes; every string comes from the labels given.
//
// The page lets the reader choose its columns (`pick`: a statement picker per column, up to
// MAX_COLUMNS, add and close); <refrain-compare> gives the columns it shows. Before a report
// exists (`model` null) the statements show as plain text.

import { familyBody, familyMeta, swatch } from './family.js';
import { runs, segment } from './segments.js';
import { stripSvg } from './strip.js';
import { clear, familyClasses, h, scrollWithin, statementLabel } from './util.js';

export const MAX_COLUMNS = 4;

/**
 * @param {Element} root  Where to render (an element of a document or shadow root).
 * @param {object} L  The labels (labels.js).
 * @param {{pick?: boolean, toggle?: boolean, onColumnsChange?: (ids: string[]) => void,
 *   onSelect?: (id: string|null, occurrence: object|null) => void, onShowAll?: () => void}} [opts]
 *   `pick`: the user chooses the columns; `toggle`: a click on a passage of the selected family
 *   clears the selection; `onShowAll`: a button asks for every statement when the columns leave some out.
 */
export function createReader(root, L, opts = {}) {
  const doc = root.ownerDocument;
  let data = null;
  let columns = [];
  let selected = null;
  let hover = null;

  const addBtn = opts.pick
    ? h(doc, 'button', { type: 'button', class: 'btn', text: L.addColumn, on: { click: addColumn } })
    : null;
  const bar = opts.pick
    ? h(
        doc,
        'div',
        { class: 'reader-bar' },
        h(
          doc,
          'p',
          { class: 'hint' },
          h(doc, 'span', { class: 'wide-only', text: L.readerHint }),
          h(doc, 'span', { class: 'narrow-only', text: L.readerHintNarrow }),
        ),
        addBtn,
      )
    : null;
  // Given columns that leave statements out (a pair opened from the overview) offer them all again.
  const allBtn = opts.onShowAll
    ? h(doc, 'button', {
        type: 'button',
        class: 'btn',
        text: L.showAllStatements,
        on: { click: () => opts.onShowAll() },
      })
    : null;
  const all = allBtn ? h(doc, 'p', { class: 'show-all', hidden: true }, allBtn) : null;
  const cols = h(doc, 'div', { class: 'columns', part: 'columns' });
  const panel = h(doc, 'aside', { class: 'fam-panel', part: 'panel', 'aria-label': L.selectedRefrain });
  const wrap = h(doc, 'div', { class: 'reader' }, bar, all, h(doc, 'div', { class: 'reader-main' }, cols, panel));
  root.append(wrap);

  cols.addEventListener('mouseover', (e) => {
    const m = e.target.closest('mark.occ');
    setHover(m ? primaryOf(m) : null);
  });
  cols.addEventListener('mouseleave', () => setHover(null));
  cols.addEventListener('focusin', (e) => {
    const m = e.target.closest('mark.occ');
    setHover(m ? primaryOf(m) : null);
    if (m) rove(m);
  });
  cols.addEventListener('focusout', () => setHover(null));
  cols.addEventListener('click', (e) => {
    const m = e.target.closest('mark.occ');
    if (m) activate(m);
  });
  cols.addEventListener('keydown', onKey);

  function primaryOf(mark) {
    return mark.getAttribute('data-family');
  }

  function marksOf(famId, scope = cols) {
    return [...scope.querySelectorAll(`mark.occ[data-families~="${CSS.escape(famId)}"]`)];
  }

  function tell(id, occurrence = null) {
    if (opts.onSelect) opts.onSelect(id, occurrence);
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
    for (const r of cols.querySelectorAll('.strip-mark'))
      r.classList.toggle('hl-sel', r.getAttribute('data-family') === selected);
    renderPanel();
  }

  /** The report's occurrence that a mark shows (its key is "family:index"). */
  function occurrenceOf(mark) {
    const [fid, i] = String(mark.dataset.occ || '').split(':');
    const fam = data?.model ? data.model.family(fid) : null;
    return fam ? fam.occurrences[Number(i)] || null : null;
  }

  function activate(mark) {
    const fam = primaryOf(mark);
    if (opts.toggle && fam === selected) {
      select(null);
      tell(null);
      return;
    }
    selected = fam;
    applySelection();
    alignTo(fam, mark);
    tell(fam, occurrenceOf(mark));
  }

  /** Scrolls every column (except the one holding `from`) to its best occurrence of `fam`. */
  function alignTo(fam, from, instant = false) {
    for (const m of cols.querySelectorAll('.counterpart')) m.classList.remove('counterpart');
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
        if (sim > bestSim) {
          best = m;
          bestSim = sim;
        }
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
    const m = e.target.closest?.('mark.occ');
    if (!m) return;
    const all = [...m.closest('.col-text').querySelectorAll('mark.occ')];
    const i = all.indexOf(m);
    let j = null;
    if (e.key === 'ArrowDown' || e.key === 'ArrowRight') j = Math.min(all.length - 1, i + 1);
    else if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') j = Math.max(0, i - 1);
    else if (e.key === 'Home') j = 0;
    else if (e.key === 'End') j = all.length - 1;
    else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      activate(m);
      return;
    } else if (e.key === 'Escape') {
      select(null);
      tell(null);
      return;
    }
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
    if (opts.onColumnsChange) opts.onColumnsChange([...columns]);
    render();
  }

  /** The text of statement `st` with its passages (marks) and search hits; the first passage is the column's Tab stop. */
  function renderText(target, st, hits) {
    const { model } = data;
    const text = model ? model.text(st.id) : st.text;
    if (!model) {
      target.append(text);
      return;
    }
    const frag = doc.createDocumentFragment();
    let roving = false;
    for (const run of runs(segment(text.length, model.occsOf(st.id), hits))) {
      const parent = run.primary ? markFor(run) : frag;
      if (run.primary) {
        if (!roving) {
          parent.setAttribute('tabindex', '0');
          roving = true;
        }
        frag.append(parent);
      }
      for (const seg of run.segments) {
        let node = doc.createTextNode(text.slice(seg.start, seg.end));
        if (seg.word) {
          const w = seg.word;
          node = h(
            doc,
            'span',
            {
              class: w.op === 'variant' ? 'w-variant' : 'w-change',
              part: 'variant-word',
              title: L.wordTitle(w.op, w.reference),
            },
            node,
          );
        }
        if (seg.hit !== null) {
          const q = data.hits[seg.hit];
          node = h(
            doc,
            'span',
            {
              class: 'qhit',
              part: 'hit',
              'data-qhit': seg.hit,
              'data-family': q?.family ? q.family : null,
              title: L.searchResult,
            },
            node,
          );
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
    const others = [...new Set(run.occs.filter((o) => o.family !== p.family).map((o) => o.family))];
    return h(doc, 'mark', {
      class: ['occ', ...familyClasses(p.rank)],
      part: 'occurrence',
      'data-family': p.family,
      'data-families': [p.family, ...others].join(' '),
      'data-occ': p.key,
      'data-occs': run.occs.map((o) => o.key).join(' '),
      'data-similarity': p.similarity,
      'data-start': p.start,
      tabindex: '-1',
      role: 'button',
      title: L.passageTitle(p.family, fam ? fam.root : '', fam ? fam.statements : 0, others),
    });
  }

  function render() {
    // Keep each statement's scroll position across re-renders (a search, a rename).
    const scrolled = new Map(
      [...cols.querySelectorAll('.col')].map((c) => [c.dataset.doc, c.querySelector('.col-text').scrollTop]),
    );
    clear(cols);
    if (!data) return;
    const { model, statements } = data;
    const byId = new Map(statements.map((st) => [st.id, st]));
    columns = columns.filter((id) => byId.has(id));
    if (!columns.length && opts.pick) columns = statements.slice(0, 2).map((st) => st.id);
    cols.dataset.count = String(columns.length);
    if (!columns.length)
      cols.append(h(doc, 'p', { class: 'muted', text: opts.pick ? L.nothingToRead : L.noStatements }));
    if (all) all.hidden = columns.length >= statements.length;
    if (addBtn) addBtn.disabled = columns.length >= MAX_COLUMNS || columns.length >= statements.length;
    const hitsByDoc = new Map();
    (data.hits || []).forEach((o, index) => {
      if (!hitsByDoc.has(o.doc)) hitsByDoc.set(o.doc, []);
      hitsByDoc.get(o.doc).push({ start: o.utf16_start, end: o.utf16_end, index });
    });
    columns.forEach((id, ci) => {
      const st = byId.get(id);
      const name = statementLabel(st);
      const sum = model ? model.summary(id) : null;
      const occs = model ? model.occsOf(id) : [];
      const meta = [st.title, st.date, sum ? L.words(sum.words) : null, sum ? L.sharedShare(sum.shared_share) : null]
        .filter(Boolean)
        .join(' · ');
      const text = h(doc, 'div', {
        class: 'col-text',
        part: 'text',
        role: 'region',
        'aria-label': L.textOf(name),
        lang: st.language || null,
      });
      renderText(text, st, hitsByDoc.get(id) || []);
      // A column without passages is a Tab stop itself, so that it can be scrolled from the keyboard.
      if (!text.querySelector('mark.occ')) text.tabIndex = 0;
      cols.append(
        h(
          doc,
          'section',
          {
            class: 'col',
            part: 'statement',
            'aria-label': opts.pick ? L.columnOf(ci + 1, name) : L.statementOf(name),
            'data-doc': id,
          },
          h(
            doc,
            'div',
            { class: 'col-head', part: 'statement-header' },
            h(doc, 'h3', { class: opts.pick ? 'col-title print-only' : 'col-title', text: name }),
            opts.pick ? picker(id, ci, name) : null,
            meta ? h(doc, 'p', { class: 'col-meta', text: meta }) : null,
            model
              ? stripSvg(doc, L, model.text(id).length, occs, {
                  label: L.passagesOf(name, occs.length),
                  onPick: (o) => goTo(id, o.start, o.family),
                })
              : null,
          ),
          text,
        ),
      );
    });
    for (const c of cols.querySelectorAll('.col'))
      if (scrolled.has(c.dataset.doc)) c.querySelector('.col-text').scrollTop = scrolled.get(c.dataset.doc);
    applySelection();
    if (hover) {
      const h0 = hover;
      hover = null;
      setHover(h0);
    }
  }

  /** The page's column head: which statement the column shows, and a button to close it. */
  function picker(id, ci, name) {
    const select = h(doc, 'select', {
      id: `${root.id || 'reader'}-col-${ci}`,
      on: {
        change: (e) => {
          const next = [...columns];
          const other = next.indexOf(e.target.value);
          if (other >= 0) next[other] = next[ci];
          next[ci] = e.target.value;
          setColumns(next);
        },
      },
    });
    for (const o of data.statements)
      select.append(h(doc, 'option', { value: o.id, text: statementLabel(o), props: { selected: o.id === id } }));
    const remove =
      columns.length > 1
        ? h(doc, 'button', {
            type: 'button',
            class: 'btn small',
            text: L.close,
            'aria-label': L.closeColumn(ci + 1, name),
            on: { click: () => setColumns(columns.filter((_, k) => k !== ci)) },
          })
        : null;
    return h(
      doc,
      'div',
      { class: 'col-pick' },
      h(doc, 'label', { for: select.id, text: L.column(ci + 1) }),
      select,
      remove,
    );
  }

  function renderPanel() {
    clear(panel);
    const model = data?.model;
    panel.hidden = !model;
    if (!model) return;
    const nameOf = (id) => statementLabel(data.statements.find((st) => st.id === id) || { id });
    const fam = selected ? model.family(selected) : null;
    if (fam) {
      panel.append(
        h(
          doc,
          'section',
          { class: 'fam-card', part: 'family', 'data-family': fam.id },
          h(doc, 'h2', { class: 'panel-title' }, swatch(doc, model.rank(fam.id)), ` ${L.refrainId(fam.id)}`),
          h(doc, 'blockquote', { class: 'root', text: fam.root }),
          familyMeta(doc, L, fam),
          familyBody(doc, L, fam, model.report, {
            nameOf,
            maxVariants: 12,
            onGo: (f, o) => goTo(o.doc, o.utf16_start, f.id),
          }),
          h(doc, 'button', {
            type: 'button',
            class: 'btn small',
            text: L.clearSelection,
            on: {
              click: () => {
                select(null);
                tell(null);
              },
            },
          }),
        ),
      );
      return;
    }
    const top = model.families.slice(0, 8);
    panel.append(h(doc, 'h2', { class: 'panel-title', text: L.strongestRefrains }));
    if (!top.length) {
      panel.append(h(doc, 'p', { class: 'muted', text: L.noFamilies }));
      return;
    }
    const ul = h(doc, 'ul', { class: 'top-list' });
    for (const f of top) {
      ul.append(
        h(
          doc,
          'li',
          {},
          h(
            doc,
            'button',
            {
              type: 'button',
              class: 'fam-pick',
              'data-family': f.id,
              on: {
                click: () => {
                  select(f.id, { align: true });
                  tell(f.id);
                },
              },
            },
            swatch(doc, model.rank(f.id)),
            ' ',
            h(doc, 'span', { class: 'fam-root', text: f.root }),
            h(doc, 'span', { class: 'muted', text: ` · ${L.statements(f.statements)}` }),
          ),
        ),
      );
    }
    panel.append(ul);
  }

  /** Marks `target` as the passage the reader was taken to (outlined, flashed once) and focuses it. */
  function arrive(col, target) {
    for (const m of cols.querySelectorAll('.counterpart')) m.classList.remove('counterpart');
    scrollWithin(col, target);
    if (target === col) return; // plain text at the very start
    target.classList.add('counterpart');
    if (!target.matches('mark.occ')) target.setAttribute('tabindex', '-1');
    else rove(target);
    target.focus({ preventScroll: true });
  }

  /**
   * Shows statement `docId` (replacing the last column if the page picks them and it is not
   * shown), scrolls to the passage starting at UTF-16 offset `start`, and selects `famId` if given.
   */
  function goTo(docId, start, famId) {
    if (!data) return;
    if (!columns.includes(docId) && opts.pick) {
      const next = [...columns];
      if (next.length < 2) next.push(docId);
      else next[next.length - 1] = docId;
      setColumns(next);
    }
    if (famId) {
      selected = famId;
      applySelection();
    }
    const col = cols.querySelector(`.col[data-doc="${CSS.escape(docId)}"] .col-text`);
    if (!col) return;
    let target = null;
    if (famId) target = marksOf(famId, col).find((m) => Number(m.dataset.start) === start) || null;
    if (!target) target = findAt(col, start);
    if (!target) return;
    arrive(col, target);
    if (famId && target.matches('mark.occ')) alignTo(famId, target);
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

  /** Shows search hit `index` (of data.hits) in its statement, focused. */
  function goToHit(index) {
    if (!data?.hits?.[index]) return;
    const o = data.hits[index];
    goTo(o.doc, o.utf16_start, null);
    const col = cols.querySelector(`.col[data-doc="${CSS.escape(o.doc)}"] .col-text`);
    const piece = col?.querySelector(`.qhit[data-qhit="${index}"]`);
    if (piece) arrive(col, piece);
  }

  function select(id, { align = false, instant = false } = {}) {
    selected = id;
    applySelection();
    if (id && align) alignTo(id, null, instant);
  }

  return {
    /** next: {model (null before the report), statements, columns?, selected?, hits?} */
    update(next) {
      data = next;
      if (next.columns) columns = [...next.columns];
      selected = next.selected && next.model?.family(next.selected) ? next.selected : null;
      render();
    },
    select,
    goTo,
    goToHit,
    get columns() {
      return [...columns];
    },
    element: wrap,
  };
}
