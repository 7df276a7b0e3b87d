// Classroom mode: a presenter view for projecting (large type, high contrast, one refrain a slide,
// the words that vary hidden until a key press, its speakers split across steps so that each step
// fits the screen: deck.js) and a printable worksheet (the statements with blanks where those words
// were, and an answer key). Used by <refrain-compare view="presenter"> (presenterView, loaded on
// demand) and by classroom.html. No side effect on import; all user text goes in as text nodes.
// The keys are deck.js's.

import { variantsOf } from '../js/model.js';
import { adoptSheet, h, statementLabel } from '../js/util.js';
import { createDeck, DECK_CSS } from './deck.js';

export const PRESENTER_CSS = `${DECK_CSS}
.rfp-occ { text-decoration: underline 3px var(--_hi); text-underline-offset: .2em; text-decoration-skip-ink: none; }
.rf-blank { display: inline-block; min-width: 3.5em; margin: 0 .08em; border-bottom: .12em dashed var(--_hi); color: transparent; line-height: 1.1; }
.rf-blank.shown { color: #000; background: var(--_hi); border-bottom-color: transparent; padding: 0 .15em; border-radius: 3px; min-width: 0; }

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
// Small words make poor blanks (a class cannot guess "the" from "a"), and their answer is always
// printed in clear a few words away: never blanked, whatever the edit.
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
    if (TRIVIAL.test(text.slice(start, end).trim())) continue;
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

/** The sentence around [start, end) of `text`, cut to about `max` characters: {start, end, cutStart, cutEnd}. */
export function sentenceAround(text, start, end, max = 260) {
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

// A slide lists at most this many statements (over as many steps as the screen needs).
const MAX_LINES = 24;

/** The slide of refrain `entry` ({family, items}: classroomFamilies) for the deck (deck.js). */
function familySlide(doc, L, model, meta, { family, items }) {
  // One line a statement: its occurrence with the most to guess (the first of them).
  const best = new Map();
  for (const it of items) if ((best.get(it.o.doc)?.blanks.length ?? -1) < it.blanks.length) best.set(it.o.doc, it);
  const lines = [...best.values()];
  const rest = lines.length - MAX_LINES;
  lines.length = Math.min(lines.length, MAX_LINES);
  const pieces = rootPieces(model, family);
  const rootBlanks = pieces.filter((p) => p.blank).map((p) => p.word);
  const line = ({ o, blanks }, revealed) => {
    const text = model.text(o.doc);
    const s = sentenceAround(text, o.utf16_start, o.utf16_end, 200);
    const ctx = h(doc, 'span', { class: 'rfp-ctx' }, s.cutStart ? '…' : '', text.slice(s.start, o.utf16_start));
    const occ = h(doc, 'span', { class: 'rfp-occ', 'data-family': family.id });
    let at = o.utf16_start;
    for (const b of blanks) {
      occ.append(text.slice(at, b.start), blankNode(doc, b.word, L, revealed));
      at = b.end;
    }
    occ.append(text.slice(at, o.utf16_end));
    ctx.append(occ, text.slice(o.utf16_end, s.end), s.cutEnd ? '…' : '');
    return h(
      doc,
      'li',
      { 'data-doc': o.doc },
      h(doc, 'span', { class: 'rfp-who', text: statementLabel(meta.get(o.doc) || { id: o.doc }) }),
      ctx,
    );
  };
  return {
    id: family.id,
    family,
    data: { family: family.id },
    lines: lines.length,
    render({ from, to, revealed }) {
      const page = lines.slice(from, to);
      // The words hidden on this step: the root's and those of the statements it shows.
      const words = [...new Set([...rootBlanks, ...page.flatMap((l) => l.blanks.map((b) => b.word.trim()))])];
      const blanks = words.length > 0;
      const show = revealed && blanks;
      const root = h(doc, 'p', { class: 'rfp-root', 'data-family': family.id });
      for (const p of pieces) root.append(p.blank ? blankNode(doc, p.word, L, show) : p.text);
      const nodes = [
        root,
        h(doc, 'p', { class: 'rfp-guess', text: blanks ? L.guess : L.sameWords }),
        h(
          doc,
          'ul',
          { class: 'rfp-list' },
          page.map((l) => line(l, show)),
        ),
      ];
      if (rest > 0 && to === lines.length) nodes.push(h(doc, 'p', { class: 'rfp-more', text: L.andMore(rest) }));
      if (show)
        nodes.push(
          h(
            doc,
            'p',
            { class: 'rfp-also' },
            `${L.wordsUsed} `,
            words.map((t, i) => [i ? ' · ' : '', h(doc, 'strong', { text: t })]),
          ),
        );
      return { nodes, blanks };
    },
  };
}

/**
 * Renders the presenter into `root` and handles its keys (deck.js): one refrain a slide, its
 * statements over as many steps as the box needs.
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
  const start = Math.max(
    0,
    list.findIndex((x) => x.family.id === opts.start || (want && x.family.root.toLowerCase().includes(want))),
  );
  const slides = list.map((entry) => familySlide(doc, L, model, meta, entry));
  const deck = createDeck(root, L, {
    slides,
    start,
    count: (i, n, part) =>
      part.parts > 1
        ? `${L.slideOf(i + 1, n)} · ${L.linesOf(part.from + 1, part.to, part.lines)}`
        : L.slideOf(i + 1, n),
    fullscreen: opts.fullscreen,
    keyTarget: opts.keyTarget,
    focus: opts.focus,
    onStep: opts.onStep ? (slide, i, revealed) => opts.onStep(slide ? slide.family : null, i, revealed) : null,
  });
  return {
    element: deck.element,
    get index() {
      return deck.index;
    },
    get part() {
      return deck.part;
    },
    get revealed() {
      return deck.revealed;
    },
    get family() {
      return deck.slide ? deck.slide.family : null;
    },
    get length() {
      return deck.length;
    },
    next: deck.next,
    prev: deck.prev,
    reveal: deck.reveal,
    show(id) {
      const i = list.findIndex((x) => x.family.id === id);
      if (i >= 0) deck.go(i, 0);
    },
    destroy: deck.destroy,
  };
}

/**
 * The presenter as a view of <refrain-compare> (in its shadow root): each update({model,
 * statements, selected}) shows the selected refrain; a step calls opts.onSelect(id).
 */
export function presenterView(root, L, opts) {
  let shown = null;
  let drawn = null; // the model and statements shown
  return {
    update({ model, statements, selected }) {
      // The same comparison: keep the step shown (a step within a refrain is not a new selection).
      if (shown && model && drawn?.model === model && drawn.statements === statements) {
        if (selected && shown.family?.id !== selected) shown.show(selected);
        return;
      }
      drawn = { model, statements };
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

// How near a blank its answer must not stand in clear (UTF-16 code units either side).
export const NEAR = 80;

const escapeRe = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whether `word` occurs in `text` as a word of its own (any case; inside a Chinese text, anywhere). */
export function hasWord(text, word) {
  const w = word.trim();
  if (!w) return false;
  if (/\p{Script=Han}/u.test(w)) return text.includes(w);
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(w)}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}

/**
 * The blanks of paragraph [a, z) of `text` that give nothing away: a blank whose answer stands in
 * clear within NEAR of it (the same word elsewhere in the sentence, not blanked) is no exercise, and
 * is left as text; leaving one in clear can give another away, so this runs until none does.
 */
export function withoutGiveaways(text, a, z, blanks) {
  let kept = blanks;
  for (;;) {
    // The paragraph as printed: each blank masked by spaces, offsets kept (UTF-16 code units).
    let shown = text.slice(a, z);
    for (const b of kept) shown = shown.slice(0, b.start - a) + ' '.repeat(b.end - b.start) + shown.slice(b.end - a);
    const next = kept.filter((b) => {
      const from = Math.max(0, b.start - a - NEAR);
      const to = Math.min(shown.length, b.end - a + NEAR);
      return !hasWord(shown.slice(from, to), b.word);
    });
    if (next.length === kept.length) return kept;
    kept = next;
  }
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
      const inside = withoutGiveaways(
        text,
        a,
        z,
        dedup.filter((b) => b.start >= a && b.end <= z),
      );
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
  // The refrain of each answer with its varying words as "___": the key names the refrain without
  // printing one speaker's wording beside another speaker's answer.
  const roots = new Map();
  const keyRoot = (family) => {
    if (!roots.has(family.id))
      roots.set(
        family.id,
        rootPieces(model, family)
          .map((p) => (p.blank ? '___' : p.text))
          .join('')
          .trim(),
      );
    return roots.get(family.id);
  };
  const ol = h(doc, 'ol');
  for (const k of key) {
    ol.append(
      h(
        doc,
        'li',
        { value: String(k.n) },
        h(doc, 'strong', { text: k.word }),
        ` — “${keyRoot(k.family)}” (${statementLabel(opts.statements.find((s) => s.id === k.doc))})`,
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
