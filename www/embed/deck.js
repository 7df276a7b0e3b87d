// A deck of slides for projecting, shared by the classroom presenter (presenter.js: one refrain a
// slide) and the group comparison (contrast-deck.js): a black box with large type that fits the
// space it is given (16:9 when nothing sets its height), one slide at a time, the slide's hidden
// words revealed on a key press. A slide's lines (one per speaker, one per formula) are split across
// steps so that every step fits the box: the split is measured in the browser's own layout (in a
// hidden copy of the box, both with the words hidden and revealed), and measured again whenever the
// box or what it shows changes size (a resize, a font that loads late). When a single line cannot
// fit, the slide's type is made smaller. No side effect on import; all user text goes in as text nodes.
//
// Keys: → ↓ PageDown N next step · ← ↑ PageUp P previous · Space Enter R B . reveal or hide the
// words · Home End first and last · F full screen. A presentation clicker sends PageDown and PageUp,
// and its "blank screen" button (B or .) reveals.

import { h } from '../js/util.js';

export const DECK_CSS = `
.rf-presenter {
  container: rfp / inline-size; background: var(--refrain-presenter-bg, #000); color: var(--refrain-presenter-fg, #fff);
  --_hi: var(--refrain-presenter-accent, #ffd400);
  font-family: var(--refrain-font, system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", Arial, sans-serif);
  padding: clamp(.8rem, 2.5cqi, 2.2rem); border-radius: var(--refrain-radius, 8px); line-height: 1.3;
  display: flex; flex-direction: column; gap: .5em; outline: none; font-size: 18px; box-sizing: border-box;
  position: relative; overflow: hidden; aspect-ratio: 16 / 9; min-height: 20rem; max-height: 100vh;
}
.rf-presenter:focus-visible { outline: 4px solid var(--_hi); outline-offset: -4px; }
.rf-presenter:fullscreen { border-radius: 0; padding: 4vmin 6vmin; aspect-ratio: auto; height: 100vh; max-height: none; }
.rfp-top { display: flex; flex-wrap: wrap; gap: .5em 1em; align-items: center; justify-content: space-between; flex: none; }
/* The bar's height never depends on the step (the steps are measured in the room it leaves): the
   count keeps one line, the reveal button the width of its longer label. */
.rfp-count { font-size: 1.1em; font-weight: 700; color: var(--_hi); margin: 0; flex: 1 1 0; min-width: 8em; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.rfp-two { display: inline-grid; }
.rfp-two > * { grid-area: 1 / 1; }
.rfp-two > [hidden] { display: block; visibility: hidden; }
.rfp-buttons { display: flex; flex-wrap: wrap; gap: .4em; }
.rfp-btn {
  font: inherit; font-size: 1em; font-weight: 700; color: #fff; background: #000; border: 2px solid #fff; border-radius: 6px;
  padding: .3em .8em; min-height: 2.6em; cursor: pointer;
}
.rfp-btn:hover { background: #222; }
.rfp-btn:focus-visible { outline: 4px solid var(--_hi); outline-offset: 2px; }
.rfp-btn[aria-pressed="true"] { background: var(--_hi); color: #000; border-color: var(--_hi); }
.rfp-btn:disabled { opacity: .45; cursor: default; }
.rfp-stage, .rfp-measure { --_s: 1; display: flex; flex-direction: column; gap: .35em; min-height: 0; }
.rfp-stage { flex: 1 1 0; overflow: hidden; }
.rfp-measure { position: absolute; top: 0; left: 0; visibility: hidden; pointer-events: none; }
.rfp-root {
  font-family: var(--refrain-text-font, ui-serif, Georgia, Cambria, "Times New Roman", "Noto Serif CJK SC", serif);
  font-size: calc(var(--_s) * clamp(1.4rem, 4cqi, 3.4rem)); font-weight: 700; margin: 0; line-height: 1.15;
}
.rfp-guess { margin: 0; font-size: calc(var(--_s) * clamp(1rem, 2.1cqi, 1.5rem)); color: #ddd; }
.rfp-list { list-style: none; margin: 0; padding: 0; display: grid; gap: .45em; font-size: calc(var(--_s) * clamp(1rem, 2.2cqi, 1.8rem)); }
.rfp-who { display: block; font-size: .62em; font-weight: 700; color: var(--_hi); letter-spacing: .02em; }
.rfp-ctx { font-family: var(--refrain-text-font, ui-serif, Georgia, Cambria, "Times New Roman", "Noto Serif CJK SC", serif); }
.rfp-example { display: block; margin-top: .2em; font-size: .8em; color: #ddd; }
.rfp-example .rfp-occ { color: #fff; }
.rfp-also { margin: 0; font-size: calc(var(--_s) * clamp(1rem, 2.2cqi, 1.6rem)); }
.rfp-also strong { color: var(--_hi); }
.rfp-more { margin: 0; color: #ddd; font-size: calc(var(--_s) * clamp(.9rem, 1.8cqi, 1.3rem)); }
.rfp-keys { margin: 0; font-size: .8em; color: #ccc; flex: none; }
@container rfp (max-width: 30rem) {
  .rfp-btn { font-size: .85em; min-height: 2.4em; padding: .2em .55em; }
  .rfp-count { font-size: 1em; }
  .rfp-keys { display: none; }
}
@media print { .rf-presenter { display: none; } }
`;

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', 'n', 'N']);
const PREV = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'p', 'P']);
const REVEAL = new Set([' ', 'Enter', 'r', 'R', 'b', 'B', '.']);
const SCALES = [1, 0.85, 0.72, 0.6, 0.5];

/**
 * Splits lines of heights `heights` (px, `gap` between two) into pages of at most `room` px:
 * [[from, to), ...], each with at least one line. Returns null when a line alone is taller than `room`.
 */
export function splitLines(heights, gap, room) {
  const pages = [];
  let from = 0;
  let used = 0;
  for (let i = 0; i < heights.length; i++) {
    if (heights[i] > room + 0.5) return null;
    const add = (i > from ? gap : 0) + heights[i];
    if (i > from && used + add > room + 0.5) {
      pages.push([from, i]);
      from = i;
      used = heights[i];
    } else used += add;
  }
  pages.push([from, heights.length]);
  return pages;
}

/**
 * Renders a deck into `root` and handles its keys.
 * A slide: {id, lines (how many), data?, render({from, to, revealed}) → {nodes, blanks}}: `data` goes
 * in the box's data attributes while it shows, `nodes` go in the
 * stage, its lines `from`..`to` as the <li> of one `ul.rfp-list` among them; `blanks` says whether
 * there is anything to reveal. `count(i, n, part)` names step `part` ({from, to, lines, index, parts})
 * of slide i of n.
 * @param {Element} root
 * @param {object} L  The labels (../js/labels.js).
 * @param {{slides: Array<object>, count: Function, start?: number, empty?: string, label?: string,
 *   reveal?: boolean, keys?: string,
 *   fullscreen?: Element|null, keyTarget?: EventTarget, focus?: boolean,
 *   onStep?: (slide: object|null, index: number, revealed: boolean) => void}} opts
 */
export function createDeck(root, L, opts) {
  const doc = root.ownerDocument;
  const slides = opts.slides;
  let index = Math.max(0, Math.min(slides.length - 1, opts.start || 0));
  let part = 0;
  let layout = null; // {slide, width, height, scale, pages}
  let revealed = false;

  const button = (action, text, click, more = {}) =>
    h(doc, 'button', { type: 'button', class: 'rfp-btn', 'data-action': action, text, on: { click }, ...more });
  const count = h(doc, 'p', { class: 'rfp-count', 'aria-live': 'polite' });
  const prevBtn = button('prev', `← ${L.prev}`, () => step(-1));
  // A deck with nothing ever hidden (opts.reveal false) has no reveal button.
  const canReveal = opts.reveal !== false;
  const showLabel = h(doc, 'span', { text: L.reveal });
  const hideLabel = h(doc, 'span', { text: L.hide, hidden: true });
  const revealBtn = button('reveal', null, () => reveal(!revealed), { 'aria-pressed': 'false' });
  revealBtn.append(h(doc, 'span', { class: 'rfp-two' }, showLabel, hideLabel));
  const nextBtn = button('next', `${L.next} →`, () => step(1));
  const fsTarget = opts.fullscreen || null;
  const fsBtn = fsTarget && doc.fullscreenEnabled ? button('fullscreen', L.fullScreen, () => toggleFull()) : null;
  const stage = h(doc, 'div', { class: 'rfp-stage' });
  const measure = h(doc, 'div', { class: 'rfp-measure', 'aria-hidden': 'true' });
  const box = h(
    doc,
    'section',
    {
      class: 'rf-presenter',
      part: 'presenter',
      tabindex: '0',
      'aria-roledescription': 'presentation',
      'aria-label': opts.label || null,
      lang: L.lang,
    },
    h(
      doc,
      'div',
      { class: 'rfp-top' },
      count,
      h(doc, 'div', { class: 'rfp-buttons' }, prevBtn, canReveal ? revealBtn : null, nextBtn, fsBtn),
    ),
    stage,
    h(doc, 'p', { class: 'rfp-keys', text: opts.keys || L.presenterKeys }),
    measure,
  );
  root.append(box);

  function toggleFull() {
    if (doc.fullscreenElement) doc.exitFullscreen().catch(() => {});
    else if (fsTarget.requestFullscreen) fsTarget.requestFullscreen().catch(() => {});
  }

  /** Heights of slide k's fixed part and of each line, laid out at the stage's width at `scale`. */
  function measured(slide, scale, shown) {
    measure.style.width = `${stage.clientWidth}px`;
    measure.style.setProperty('--_s', String(scale));
    measure.replaceChildren(...slide.render({ from: 0, to: slide.lines, revealed: shown }).nodes);
    const list = measure.querySelector('.rfp-list');
    const items = list ? [...list.children] : [];
    const heights = items.map((li) => li.getBoundingClientRect().height);
    const total = measure.getBoundingClientRect().height;
    const gap = list ? parseFloat(getComputedStyle(list).rowGap) || 0 : 0;
    const listH = list ? list.getBoundingClientRect().height : 0;
    measure.replaceChildren();
    return { fixed: total - listH, heights, gap };
  }

  /** The steps of slide k at the box's present size: {pages, scale}. */
  function paginate(k) {
    const slide = slides[k];
    const height = stage.clientHeight;
    const width = stage.clientWidth;
    if (layout && layout.slide === k && layout.width === width && layout.height === height && !layout.stale)
      return layout;
    // When not even the smallest type fits, one line a step.
    let pages = slide.lines ? Array.from({ length: slide.lines }, (_, i) => [i, i + 1]) : [[0, 0]];
    let scale = SCALES.at(-1);
    for (const s of SCALES) {
      const a = measured(slide, s, false);
      const b = measured(slide, s, true);
      const fixed = Math.max(a.fixed, b.fixed);
      const heights = a.heights.map((x, i) => Math.max(x, b.heights[i] || 0));
      const room = height - fixed;
      const split = !slide.lines ? (fixed <= height + 0.5 ? [[0, 0]] : null) : splitLines(heights, a.gap, room);
      if (split) {
        pages = split;
        scale = s;
        break;
      }
    }
    layout = { slide: k, width, height, scale, pages, stale: false };
    return layout;
  }

  function draw() {
    stage.replaceChildren();
    if (!slides.length) {
      count.textContent = '';
      stage.append(h(doc, 'p', { class: 'rfp-guess', text: opts.empty || L.nothingToPresent }));
      prevBtn.disabled = nextBtn.disabled = revealBtn.disabled = true;
      return;
    }
    const slide = slides[index];
    const { pages, scale } = paginate(index);
    part = Math.max(0, Math.min(pages.length - 1, part));
    const [from, to] = pages[part];
    const shown = slide.render({ from, to, revealed });
    count.textContent = count.title = opts.count(index, slides.length, {
      index: part,
      parts: pages.length,
      from,
      to,
      lines: slide.lines,
    });
    Object.assign(box.dataset, {
      slide: slide.id,
      index: String(index),
      part: String(part),
      parts: String(pages.length),
      revealed: String(revealed && shown.blanks),
      ...slide.data,
    });
    prevBtn.disabled = index === 0 && part === 0;
    nextBtn.disabled = index === slides.length - 1 && part === pages.length - 1;
    revealBtn.disabled = !shown.blanks;
    showLabel.hidden = revealed && shown.blanks;
    hideLabel.hidden = !showLabel.hidden;
    revealBtn.setAttribute('aria-pressed', String(revealed && shown.blanks));
    stage.style.setProperty('--_s', String(scale));
    stage.append(...shown.nodes);
    watch();
  }

  // Measured again when the box or what it shows changes size.
  const RO = doc.defaultView?.ResizeObserver;
  let pending = 0;
  const ro = RO
    ? new RO(() => {
        if (pending) return;
        pending = doc.defaultView.requestAnimationFrame(() => {
          pending = 0;
          if (!slides.length || !box.isConnected || !box.getClientRects().length) return;
          const was = layout;
          if (was) was.stale = true;
          const now = paginate(index);
          if (was && now.scale === was.scale && JSON.stringify(now.pages) === JSON.stringify(was.pages)) return;
          if (was) {
            // Keep the first line shown on the screen.
            const first = was.pages[Math.min(part, was.pages.length - 1)][0];
            part = Math.max(
              0,
              now.pages.findIndex(([a, b]) => first >= a && first < Math.max(b, a + 1)),
            );
          }
          draw();
        });
      })
    : null;
  function watch() {
    if (!ro) return;
    ro.disconnect();
    ro.observe(box);
    for (const el of stage.children) ro.observe(el);
  }

  function go(i, p = 0) {
    if (!slides.length) return;
    const j = Math.max(0, Math.min(slides.length - 1, i));
    if (j === index && p === part) return;
    index = j;
    part = p < 0 ? paginate(j).pages.length - 1 : p;
    revealed = false;
    draw();
    opts.onStep?.(slides[index], index, revealed);
  }

  function step(d) {
    if (!slides.length) return;
    const parts = paginate(index).pages.length;
    if (d > 0) {
      if (part < parts - 1) go(index, part + 1);
      else if (index < slides.length - 1) go(index + 1, 0);
    } else if (part > 0) go(index, part - 1);
    else if (index > 0) go(index - 1, -1);
  }

  function reveal(on = true) {
    if (!slides.length || revealed === on) return;
    revealed = on;
    draw();
  }

  function onKey(e) {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const path = e.composedPath ? e.composedPath() : [e.target];
    const t = path[0];
    if (t?.closest?.('input, textarea, select, [contenteditable]')) return;
    if ((e.key === ' ' || e.key === 'Enter') && t?.closest?.('button, a')) return;
    if (!box.getClientRects().length) return; // hidden (another mode is showing)
    if (NEXT.has(e.key)) step(1);
    else if (PREV.has(e.key)) step(-1);
    else if (REVEAL.has(e.key) && canReveal) reveal(!revealed);
    else if (e.key === 'Home') go(0, 0);
    else if (e.key === 'End') go(slides.length - 1, -1);
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
    get part() {
      return part;
    },
    get revealed() {
      return revealed;
    },
    get slide() {
      return slides.length ? slides[index] : null;
    },
    get length() {
      return slides.length;
    },
    next: () => step(1),
    prev: () => step(-1),
    reveal,
    go,
    destroy() {
      keyTarget.removeEventListener('keydown', onKey);
      ro?.disconnect();
      box.remove();
    },
  };
}
