// Classroom mode: a presenter view for projecting (large type, high contrast, one refrain at a
// time, the words that vary hidden until a key press) and a printable worksheet (the statements
// with blanks where those words were, and an answer key). Used by <refrain-compare
// view="presenter"> (presenterView, loaded on demand) and by classroom.html. No side effect on
// import; all user text goes in as text nodes.
//
// Keys: → ↓ PageDown N next refrain · ← ↑ PageUp P previous · Space Enter R B . reveal or hide
// the words · Home End first and last · F full screen. A presentation clicker sends PageDown and
// PageUp, and its "blank screen" button (B or .) reveals.

import { variantsOf } from '../js/model.js';
import { adoptSheet, h, statementLabel } from '../js/util.js';

export const PRESENTER_CSS = `
.rf-presenter {
  container: rfp / inline-size; background: var(--refrain-presenter-bg, #000); color: var(--refrain-presenter-fg, #fff);
  --_hi: var(--refrain-presenter-accent, #ffd400);
  font-family: var(--refrain-font, system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", Arial, sans-serif);
  padding: clamp(.8rem, 3cqi, 2.5rem); border-radius: var(--refrain-radius, 8px); min-height: 20rem; line-height: 1.35;
  display: flex; flex-direction: column; gap: .6em; outline: none; font-size: 18px;
}
.rf-presenter:focus-visible { outline: 4px solid var(--_hi); outline-offset: 3px; }
.rf-presenter:fullscreen { border-radius: 0; justify-content: center; padding: 4vmin 6vmin; }
.rfp-top { display: flex; flex-wrap: wrap; gap: .5em 1em; align-items: center; justify-content: space-between; }
.rfp-count { font-size: 1.1em; font-weight: 700; color: var(--_hi); margin: 0; }
.rfp-buttons { display: flex; flex-wrap: wrap; gap: .4em; }
.rfp-btn {
  font: inherit; font-size: 1em; font-weight: 700; color: #fff; background: #000; border: 2px solid #fff; border-radius: 6px;
  padding: .3em .8em; min-height: 2.6em; cursor: pointer;
}
.rfp-btn:hover { background: #222; }
.rfp-btn:focus-visible { outline: 4px solid var(--_hi); outline-offset: 2px; }
.rfp-btn[aria-pressed="true"] { background: var(--_hi); color: #000; border-color: var(--_hi); }
.rfp-root {
  font-family: var(--refrain-text-font, ui-serif, Georgia, Cambria, "Times New Roman", "Noto Serif CJK SC", serif);
  font-size: clamp(1.6rem, 5.6cqi, 4.2rem); font-weight: 700; margin: .2em 0; line-height: 1.2;
}
.rfp-guess { margin: 0; font-size: clamp(1rem, 2.4cqi, 1.6rem); color: #ddd; }
.rfp-list { list-style: none; margin: .3em 0 0; padding: 0; display: grid; gap: .7em; font-size: clamp(1.05rem, 3cqi, 2.3rem); }
.rfp-who { display: block; font-size: .62em; font-weight: 700; color: var(--_hi); letter-spacing: .02em; }
.rfp-ctx { font-family: var(--refrain-text-font, ui-serif, Georgia, Cambria, "Times New Roman", "Noto Serif CJK SC", serif); }
.rfp-occ { text-decoration: underline 3px var(--_hi); text-underline-offset: .2em; text-decoration-skip-ink: none; }
.rf-blank { display: inline-block; min-width: 3.5em; margin: 0 .08em; border-bottom: .12em dashed var(--_hi); color: transparent; line-height: 1.1; }
.rf-blank.shown { color: #000; background: var(--_hi); border-bottom-color: transparent; padding: 0 .15em; border-radius: 3px; min-width: 0; }
.rfp-also { margin: 0; font-size: clamp(1rem, 2.4cqi, 1.7rem); }
.rfp-also strong { color: var(--_hi); }
.rfp-more { margin: 0; color: #ddd; font-size: .9em; }
.rfp-keys { margin: auto 0 0; font-size: .8em; color: #ccc; }
@media print { .rf-presenter { display: none; } }

.rf-worksheet { font-family: var(--refrain-text-font, ui-serif, Georgia, Cambria, "Times New Roman", "Noto Serif CJK SC", serif); color: #000; background: #fff; line-height: 1.6; max-width: 48rem; }
.rf-worksheet h1 { font-size: 1.6rem; margin: 0 0 .4rem; }
.rf-worksheet h2 { font-size: 1.2rem; margin: 1.2rem 0 .4rem; }
.rf-worksheet h3 { font-size: 1.02rem; margin: 1rem 0 .2rem; }
.rf-worksheet p { margin: .35rem 0; }
.ws-names { display: flex; gap: 2rem; flex-wrap: wrap; }
.ws-line { display: inline-block; min-width: 10rem; border-bottom: 1px solid #000; }
.ws-refrains li { margin: .2rem 0; }
.ws-text p { margin: .3rem 0; }
.rf-worksheet .rf-blank { color: #000; border-bottom: 1px solid #000; min-width: 6.5em; font-family: system-ui, sans-serif; font-size: .85em; vertical-align: baseline; }
.rf-worksheet .ws-root .rf-blank { min-width: 4em; }
.ws-num { font-weight: 700; font-size: .8em; }
.ws-key { break-before: page; page-break-before: always; }
.ws-key ol { padding-inline-start: 1.6rem; }
.ws-key li { margin: .15rem 0; }
.ws-source { font-size: .8rem; color: #333; margin-top: 1.2rem; }
@media print { .rf-worksheet { max-width: none; font-size: 11.5pt; } .ws-statement { break-inside: auto; } h2, h3 { break-after: avoid; } }
`;

/** Adds the presenter's and worksheet's stylesheet to `root` (a document or a shadow root). */
export function adoptPresenterSheet(root) {
  return adoptSheet(root, PRESENTER_CSS);
}

const VARYING = new Set(['variant', 'substitute', 'insert', 'move']);
// Small words a speaker adds or moves ("stay true *to* multilateralism") make poor blanks.
const TRIVIAL =
  /^(?:the|a|an|and|or|but|to|of|in|on|for|with|by|at|as|from|that|this|these|those|is|are|was|were|be|its|their|our|his|her|it|le|la|les|l|de|des|du|d|et|à|au|aux|en|un|une|y|el|los|las|del|que|和|与|的|了)$/i;

/**
 * The words of occurrence `o` that a class should guess: the words that differ from the refrain's
 * root, and the words at the root's varying slots (so the root's own choice is hidden too).
 * Returns [{start, end, word, reference}] in UTF-16 offsets of the statement, sorted, not overlapping.
 */
export function blanksOf(model, family, o) {
  const slots = new Set((family.slots || []).filter((s) => (s.fillers || []).length > 1).map((s) => s.index));
  const text = model.text(o.doc);
  const out = [];
  for (const e of o.diff || []) {
    if (e.utf16_start == null) continue;
    if (e.op === 'equal' ? !slots.has(e.index) : !VARYING.has(e.op)) continue;
    const start = e.utf16_start;
    const end = e.utf16_end;
    if ((e.op === 'insert' || e.op === 'move') && TRIVIAL.test(text.slice(start, end))) continue;
    if (end > start) out.push({ start, end, word: text.slice(start, end), reference: e.reference ?? null });
  }
  out.sort((a, b) => a.start - b.start);
  return out.filter((b, i) => i === 0 || b.start >= out[i - 1].end);
}

/**
 * The refrains worth presenting: those with at least two wordings and something to guess, strongest
 * first (at most `max`); when no refrain varies, the strongest ones as they are.
 */
export function classroomFamilies(model, max = 12) {
  const all = model.families.map((f) => {
    const items = f.occurrences.map((o) => ({ o, blanks: blanksOf(model, f, o) }));
    return {
      family: f,
      rank: model.rank(f.id),
      items,
      varies: variantsOf(f).length > 1 && items.some((i) => i.blanks.length),
    };
  });
  const varying = all.filter((x) => x.varies);
  return (varying.length ? varying : all).slice(0, max);
}

/** The root's words with its varying slots as blanks: [{text} | {blank, word}]. */
function rootPieces(model, family) {
  const slots = new Set((family.slots || []).filter((s) => (s.fillers || []).length > 1).map((s) => s.index));
  const ex = family.root_excerpt;
  const occ = ex && family.occurrences.find((o) => o.doc === ex.doc && o.start === ex.start && o.end === ex.end);
  if (!occ || !slots.size) return [{ text: family.root }];
  const text = model.text(occ.doc);
  const pieces = [];
  let at = occ.utf16_start;
  for (const e of occ.diff || []) {
    if (e.op !== 'equal' || !slots.has(e.index) || e.utf16_start == null) continue;
    const s = e.utf16_start;
    const t = e.utf16_end;
    if (s < at) continue;
    pieces.push({ text: text.slice(at, s) }, { blank: true, word: text.slice(s, t) });
    at = t;
  }
  pieces.push({ text: text.slice(at, occ.utf16_end) });
  return pieces;
}

/** The sentence around [start, end) of `text`, cut to about `max` characters: {start, end}. */
function sentenceAround(text, start, end, max = 260) {
  let a = start;
  while (a > 0 && !/[.!?。！？\n]/.test(text[a - 1])) a--;
  let b = end;
  while (b < text.length && !/[.!?。！？\n]/.test(text[b])) b++;
  if (b < text.length && text[b] !== '\n') b++;
  while (a < start && /\s/.test(text[a])) a++;
  const room = Math.max(0, max - (end - start));
  if (start - a > room / 2) {
    a = Math.max(a, start - Math.floor(room / 2));
    while (a < start && !/\s/.test(text[a - 1])) a++; // start on a word
  }
  if (b - end > room / 2) {
    b = Math.min(b, end + Math.ceil(room / 2));
    while (b > end && !/\s/.test(text[b])) b--; // end on a word
    while (b > end && /\s/.test(text[b - 1])) b--;
  }
  return {
    start: a,
    end: b,
    cutStart: a > 0 && !/[.!?。！？\n]/.test(text[a - 1]),
    cutEnd: b < text.length && !/[.!?。！？\s]/.test(text[b - 1]),
  };
}

function blankNode(doc, word, L, shown, number = null) {
  const b = h(doc, 'span', { class: shown ? 'rf-blank shown' : 'rf-blank', title: shown ? null : L.blank });
  b.textContent = shown ? word : number === null ? '\u2003' : `(${number})`;
  return b;
}

/**
 * Renders the presenter into `root` and handles its keys.
 * @param {Element} root
 * @param {object} L  The labels (../js/labels.js).
 * @param {{model: object, statements: Array<object>, start?: string|null, fullscreen?: Element|null,
 *   keyTarget?: EventTarget, focus?: boolean, onStep?: (family: object|null, index: number, revealed: boolean) => void}} opts
 */
export function createPresenter(root, L, opts) {
  const doc = root.ownerDocument;
  const model = opts.model;
  const meta = new Map((opts.statements || []).map((s) => [s.id, s]));
  const list = classroomFamilies(model);
  const want = String(opts.start || '').toLowerCase();
  let index = Math.max(
    0,
    list.findIndex((x) => x.family.id === opts.start || (want && x.family.root.toLowerCase().includes(want))),
  );
  let revealed = false;

  const count = h(doc, 'p', { class: 'rfp-count', 'aria-live': 'polite' });
  const prevBtn = h(doc, 'button', {
    type: 'button',
    class: 'rfp-btn',
    'data-action': 'prev',
    text: `← ${L.prev}`,
    on: { click: () => go(index - 1) },
  });
  const revealBtn = h(doc, 'button', {
    type: 'button',
    class: 'rfp-btn',
    'data-action': 'reveal',
    'aria-pressed': 'false',
    text: L.reveal,
    on: { click: () => reveal(!revealed) },
  });
  const nextBtn = h(doc, 'button', {
    type: 'button',
    class: 'rfp-btn',
    'data-action': 'next',
    text: `${L.next} →`,
    on: { click: () => go(index + 1) },
  });
  const fsTarget = opts.fullscreen || null;
  const fsBtn =
    fsTarget && doc.fullscreenEnabled
      ? h(doc, 'button', {
          type: 'button',
          class: 'rfp-btn',
          'data-action': 'fullscreen',
          text: L.fullScreen,
          on: { click: () => toggleFull() },
        })
      : null;
  const stage = h(doc, 'div', { class: 'rfp-stage' });
  const box = h(
    doc,
    'section',
    { class: 'rf-presenter', part: 'presenter', tabindex: '0', 'aria-roledescription': 'presentation', lang: L.lang },
    h(
      doc,
      'div',
      { class: 'rfp-top' },
      count,
      h(doc, 'div', { class: 'rfp-buttons' }, prevBtn, revealBtn, nextBtn, fsBtn),
    ),
    stage,
    h(doc, 'p', { class: 'rfp-keys', text: L.presenterKeys }),
  );
  root.append(box);

  function toggleFull() {
    if (doc.fullscreenElement) doc.exitFullscreen().catch(() => {});
    else if (fsTarget.requestFullscreen) fsTarget.requestFullscreen().catch(() => {});
  }

  function draw() {
    stage.replaceChildren();
    if (!list.length) {
      count.textContent = '';
      stage.append(h(doc, 'p', { class: 'rfp-guess', text: L.nothingToPresent }));
      prevBtn.disabled = nextBtn.disabled = revealBtn.disabled = true;
      return;
    }
    const { family, items } = list[index];
    count.textContent = L.slideOf(index + 1, list.length);
    box.dataset.family = family.id;
    box.dataset.index = String(index);
    box.dataset.revealed = String(revealed);
    prevBtn.disabled = index === 0;
    nextBtn.disabled = index === list.length - 1;
    revealBtn.textContent = revealed ? L.hide : L.reveal;
    revealBtn.setAttribute('aria-pressed', String(revealed));
    const anyBlank = items.some((i) => i.blanks.length);
    revealBtn.disabled = !anyBlank;
    const root = h(doc, 'p', { class: 'rfp-root', 'data-family': family.id });
    for (const p of rootPieces(model, family)) root.append(p.blank ? blankNode(doc, p.word, L, revealed) : p.text);
    stage.append(root, h(doc, 'p', { class: 'rfp-guess', text: anyBlank ? L.guess : L.sameWords }));
    // One line per statement (its first occurrence), up to six.
    const seen = new Set();
    const lines = items.filter((it) => (seen.has(it.o.doc) ? false : seen.add(it.o.doc))).slice(0, 6);
    const ul = h(doc, 'ul', { class: 'rfp-list' });
    for (const { o, blanks } of lines) {
      const text = model.text(o.doc);
      const s = sentenceAround(text, o.utf16_start, o.utf16_end);
      const ctx = h(doc, 'span', { class: 'rfp-ctx' }, s.cutStart ? '…' : '', text.slice(s.start, o.utf16_start));
      const occ = h(doc, 'span', { class: 'rfp-occ', 'data-family': family.id });
      let at = o.utf16_start;
      for (const b of blanks) {
        occ.append(text.slice(at, b.start), blankNode(doc, b.word, L, revealed));
        at = b.end;
      }
      occ.append(text.slice(at, o.utf16_end));
      ctx.append(occ, text.slice(o.utf16_end, s.end), s.cutEnd ? '…' : '');
      ul.append(
        h(
          doc,
          'li',
          {},
          h(doc, 'span', { class: 'rfp-who', text: statementLabel(meta.get(o.doc) || { id: o.doc }) }),
          ctx,
        ),
      );
    }
    stage.append(ul);
    const rest = new Set(items.map((i) => i.o.doc)).size - lines.length;
    if (rest > 0) stage.append(h(doc, 'p', { class: 'rfp-more', text: L.andMore(rest) }));
    if (revealed) {
      const fillers = (family.slots || []).flatMap((sl) =>
        (sl.fillers || []).length > 1 ? sl.fillers.map((f) => f.text) : [],
      );
      if (fillers.length)
        stage.append(
          h(
            doc,
            'p',
            { class: 'rfp-also' },
            `${L.wordsUsed} `,
            [...new Set(fillers)].map((t, i) => [i ? ' · ' : '', h(doc, 'strong', { text: t })]),
          ),
        );
    }
  }

  function go(i) {
    if (!list.length) return;
    const j = Math.max(0, Math.min(list.length - 1, i));
    if (j === index) return;
    index = j;
    revealed = false;
    draw();
    if (opts.onStep) opts.onStep(list[index].family, index, revealed);
  }

  function reveal(on = true) {
    if (!list.length || revealed === on) return;
    revealed = on;
    draw();
  }

  const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', 'n', 'N']);
  const PREV = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'p', 'P']);
  const REVEAL = new Set([' ', 'Enter', 'r', 'R', 'b', 'B', '.']);
  function onKey(e) {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const path = e.composedPath ? e.composedPath() : [e.target];
    const t = path[0];
    if (t?.closest?.('input, textarea, select, [contenteditable]')) return;
    if ((e.key === ' ' || e.key === 'Enter') && t && t.closest && t.closest('button, a')) return;
    if (!box.getClientRects().length) return; // hidden (the worksheet is showing)
    if (NEXT.has(e.key)) go(index + 1);
    else if (PREV.has(e.key)) go(index - 1);
    else if (REVEAL.has(e.key)) reveal(!revealed);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(list.length - 1);
    else if ((e.key === 'f' || e.key === 'F') && fsBtn) toggleFull();
    else return;
    e.preventDefault();
  }
  const keyTarget = opts.keyTarget || box;
  keyTarget.addEventListener('keydown', onKey);
  draw();
  if (opts.focus !== false) box.focus({ preventScroll: true });

  return {
    element: box,
    get index() {
      return index;
    },
    get revealed() {
      return revealed;
    },
    get family() {
      return list.length ? list[index].family : null;
    },
    get length() {
      return list.length;
    },
    next: () => go(index + 1),
    prev: () => go(index - 1),
    reveal,
    show(id) {
      const i = list.findIndex((x) => x.family.id === id);
      if (i >= 0) go(i);
    },
    destroy() {
      keyTarget.removeEventListener('keydown', onKey);
      box.remove();
    },
  };
}

/**
 * The presenter as a view of <refrain-compare> (in its shadow root): each update({model,
 * statements, selected}) shows the selected refrain; a step calls opts.onSelect(id).
 */
export function presenterView(root, L, opts) {
  let shown = null;
  return {
    update({ model, statements, selected }) {
      const shadow = root.getRootNode();
      adoptPresenterSheet(shadow);
      if (shown) shown.destroy();
      shown = model
        ? createPresenter(root, L, {
            model,
            statements,
            start: selected,
            fullscreen: shadow.host || null,
            onStep: (family) => opts.onSelect(family ? family.id : null),
          })
        : null;
    },
  };
}

/**
 * Renders the printable worksheet into `root`: the refrains with their varying words blank, the
 * statements with a numbered blank where each of those words was, and an answer key on a new page.
 * Long statements keep only the paragraphs with a blank. Returns {blanks: number}.
 * @param {Element} root
 * @param {object} L  The labels (../js/labels.js).
 * @param {{model: object, statements: Array<object>, title?: string, source?: string, max?: number}} opts
 */
export function renderWorksheet(root, L, opts) {
  const doc = root.ownerDocument;
  const model = opts.model;
  const fams = classroomFamilies(model, opts.max || 8).filter((x) => x.varies);
  const ws = h(doc, 'article', { class: 'rf-worksheet' });
  ws.append(h(doc, 'h1', { text: opts.title || L.wsTitle }));
  ws.append(
    h(
      doc,
      'p',
      { class: 'ws-names' },
      h(doc, 'span', {}, `${L.wsName}: `, h(doc, 'span', { class: 'ws-line' })),
      h(doc, 'span', {}, `${L.wsDate}: `, h(doc, 'span', { class: 'ws-line' })),
    ),
  );
  ws.append(h(doc, 'p', { text: L.wsIntro }));
  if (!fams.length) {
    ws.append(h(doc, 'p', { text: L.wsNone }));
    root.append(ws);
    return { blanks: 0, element: ws };
  }
  const refrains = h(doc, 'ol', { class: 'ws-refrains' });
  fams.forEach(({ family }) => {
    const li = h(doc, 'li', { class: 'ws-root', 'data-family': family.id });
    for (const p of rootPieces(model, family)) li.append(p.blank ? blankNode(doc, p.word, L, false) : `${p.text}`);
    refrains.append(li);
  });
  ws.append(h(doc, 'h2', { text: L.wsRefrains }), refrains);
  // Blanks per statement, without overlaps, numbered in reading order.
  const byDoc = new Map();
  fams.forEach(({ family, items }, k) => {
    for (const { o, blanks } of items) {
      if (!byDoc.has(o.doc)) byDoc.set(o.doc, []);
      for (const b of blanks) byDoc.get(o.doc).push({ ...b, family, k });
    }
  });
  ws.append(h(doc, 'h2', { text: L.wsStatements }));
  const key = [];
  for (const st of opts.statements) {
    const list = (byDoc.get(st.id) || [])
      .sort((a, b) => a.start - b.start)
      .filter((b, i, arr) => i === 0 || b.start >= arr[i - 1].end);
    const dedup = [];
    for (const b of list) if (!dedup.length || b.start >= dedup[dedup.length - 1].end) dedup.push(b);
    const text = st.text;
    const section = h(doc, 'section', { class: 'ws-statement', 'data-doc': st.id });
    section.append(
      h(doc, 'h3', {
        text: [statementLabel(st), st.title && st.speaker ? st.title : null].filter(Boolean).join(' — '),
      }),
    );
    const body = h(doc, 'div', { class: 'ws-text' });
    // Paragraphs: [start, end) of each line.
    const paras = [];
    let p0 = 0;
    for (let i = 0; i <= text.length; i++) {
      if (i === text.length || text[i] === '\n') {
        if (text.slice(p0, i).trim()) paras.push([p0, i]);
        p0 = i + 1;
      }
    }
    const long = text.length > 2400;
    let omitted = false;
    for (const [a, z] of paras) {
      const inside = dedup.filter((b) => b.start >= a && b.end <= z);
      if (long && !inside.length) {
        omitted = true;
        continue;
      }
      if (omitted) {
        body.append(h(doc, 'p', { text: L.wsOmitted }));
        omitted = false;
      }
      const para = h(doc, 'p');
      let at = a;
      for (const b of inside) {
        key.push({ n: key.length + 1, word: b.word, family: b.family, doc: st.id });
        para.append(text.slice(at, b.start), blankNode(doc, b.word, L, false, key.length));
        at = b.end;
      }
      para.append(text.slice(at, z));
      body.append(para);
    }
    if (omitted) body.append(h(doc, 'p', { text: L.wsOmitted }));
    section.append(body);
    ws.append(section);
  }
  const keySec = h(
    doc,
    'section',
    { class: 'ws-key' },
    h(doc, 'h2', { text: L.wsKey }),
    h(doc, 'p', { text: L.wsKeyIntro }),
  );
  const ol = h(doc, 'ol');
  for (const k of key) {
    ol.append(
      h(
        doc,
        'li',
        { value: String(k.n) },
        h(doc, 'strong', { text: k.word }),
        ` — “${k.family.root}” (${statementLabel(opts.statements.find((s) => s.id === k.doc))})`,
      ),
    );
  }
  keySec.append(ol);
  ws.append(keySec);
  if (opts.source)
    ws.append(
      h(doc, 'p', {
        class: 'ws-source',
        text: /source/i.test(opts.source) ? opts.source : `${L.source}: ${opts.source}`,
      }),
    );
  root.append(ws);
  return { blanks: key.length, element: ws };
}
