// "Compare groups": which refrains one group of statements (A) uses more than another (B), by the
// engine's contrast (log-odds ratio with an informative Dirichlet prior, Monroe, Colaresi and Quinn
// 2008). Two group pickers, a scatter plot drawn by hand (one point per family: use in A across, use
// in B up, per 10,000 content words on log scales, zero at the edge), the two ranked lists beside it.
// A click on a point or a list item hands the family to the host, which shows its occurrences.
//
// A group is written as the engine's selectors, joined by ";" (their union): `speaker=NAME`,
// `year=2017-2019`, `language=zh`, `id=ID`, and the page's `country=NAME` and `group=LABEL`; or
// `rest` (B only): every statement not in A. Groups are matched here against the statements'
// metadata as the page's groups are (groups.js: names without case or extra spaces).
// The host runs the contrast (`opts.run`, in the engine's Worker); the view cancels a run that a
// change replaces. The same drawing, with every colour written out, is the SVG and PNG export.
// No side effect on import.

import { GROUP_KINDS, groupsOf } from './groups.js';
import { withViewLabels } from './labels-views.js';
import { clear, debounce, h, s, statementLabel } from './util.js';
import { CJK } from './family.js';

/** Normalized words written as Chinese is: no space beside Han or kana ("北京 11 月" → "北京11月"). */
export const unspaced = (words) =>
  String(words ?? '').replace(/\s+/gu, (sp, at, all) =>
    CJK.test(all[at - 1]) || CJK.test(all[at + sp.length]) ? '' : sp,
  );

export const REST = 'rest';
const KINDS = ['group', 'speaker', 'country', 'year', 'language', 'id'];
const OF = Object.fromEntries(GROUP_KINDS.map((k) => [k.kind, k.of]));
const norm = (v) =>
  String(v ?? '')
    .replace(/\s+/g, ' ')
    .trim();

/** z beyond which a family is used significantly more by one group (95%, two-sided). */
export const SIGNIFICANT = 1.96;

/** The side of a contrast family: 'a' (significantly more in A), 'b', or 'n' (neither). */
export function sideOf(z) {
  return z > SIGNIFICANT ? 'a' : z < -SIGNIFICANT ? 'b' : 'n';
}

// ---------- groups ----------

/** One selector ("speaker=Xi Jinping", "year=2017-2019"): {kind, value, from?, to?}; throws on one it cannot read. */
export function parseSelector(text) {
  const t = norm(text);
  const at = t.indexOf('=');
  const kind = at > 0 ? t.slice(0, at).trim().toLowerCase() : '';
  const value = at > 0 ? t.slice(at + 1).trim() : '';
  if (!KINDS.includes(kind) || !value) throw new Error(`“${t}” is not a group (speaker=, country=, year=, …)`);
  if (kind === 'year') {
    const m = /^(\d{4})(?:\s*[-–]\s*(\d{4}))?$/.exec(value);
    const from = m ? Number(m[1]) : NaN;
    const to = m ? Number(m[2] || m[1]) : NaN;
    if (!m || to < from) throw new Error(`“${value}” is not a year or a range of years (2017-2019)`);
    return { kind, value, from, to };
  }
  return { kind, value };
}

/** A group's text as selectors, or REST; [] for an empty text. */
export function parseGroup(text) {
  const t = norm(text);
  if (t.toLowerCase() === REST) return REST;
  return t
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean)
    .map(parseSelector);
}

function matches(sel, st) {
  if (sel.kind === 'id') return st.id === sel.value;
  if (sel.kind === 'year') {
    const y = Number(OF.year(st));
    return y >= sel.from && y <= sel.to;
  }
  if (sel.kind === 'language') {
    const l = norm(st.language).toLowerCase();
    const v = sel.value.toLowerCase();
    return l === v || l.startsWith(`${v}-`);
  }
  return norm(OF[sel.kind](st)).toLowerCase() === sel.value.toLowerCase();
}

/** The ids of the statements group `text` holds, in the statements' order (REST: those not in `others`). */
export function membersOf(statements, text, others = []) {
  const sels = parseGroup(text);
  if (sels === REST) {
    const not = new Set(others);
    return statements.filter((st) => !not.has(st.id)).map((st) => st.id);
  }
  return statements.filter((st) => sels.some((x) => matches(x, st))).map((st) => st.id);
}

/** What a group is called on the page: a name, years, a statement's name, "3 statements", "the rest". */
export function groupName(statements, text, given) {
  const L = withViewLabels(given);
  let sels;
  try {
    sels = parseGroup(text);
  } catch {
    return norm(text);
  }
  if (sels === REST) return L.theRest;
  const ids = sels.filter((x) => x.kind === 'id');
  const named = sels
    .filter((x) => x.kind !== 'id')
    .map((x) => (x.kind === 'year' ? (x.from === x.to ? String(x.from) : `${x.from}–${x.to}`) : x.value));
  if (ids.length === 1) {
    const st = statements.find((x) => x.id === ids[0].value);
    named.push(st ? statementLabel(st) : ids[0].value);
  } else if (ids.length) named.push(L.chosen(ids.length));
  return named.join(' + ');
}

/** The groups a first visit compares: the first two typed groups; else the first statement's speaker (or the statement) against the rest. */
export function defaultGroups(statements) {
  const typed = groupsOf(statements).filter((g) => g.kind === 'group');
  if (typed.length >= 2) return { a: `group=${typed[0].name}`, b: `group=${typed[1].name}` };
  const first = statements[0];
  if (!first) return { a: '', b: REST };
  return { a: norm(first.speaker) ? `speaker=${norm(first.speaker)}` : `id=${first.id}`, b: REST };
}

/**
 * The family of the comparison's `model` (model.js) that contrast family `cf` is, or null: the
 * same id with the same root, else the same root (ids are ranks: the comparison may list it elsewhere).
 */
export function familyIn(model, cf) {
  const f = cf.family;
  const same = model?.family(f.id);
  if (same && same.root_norm === f.root_norm) return f.id;
  return model?.families.find((x) => x.root_norm === f.root_norm)?.id || null;
}

/** Two statements to read family `cf` in: one of group A and one of group B that use it (else two that do). */
export function contrastColumns(cf, report) {
  const docs = [...new Set(cf.family.occurrences.map((o) => o.doc))];
  const inA = docs.filter((d) => report.a.ids.includes(d));
  const inB = docs.filter((d) => report.b.ids.includes(d));
  return [...new Set([inA[0], inB[0], ...inA, ...inB, ...docs].filter(Boolean))].slice(0, 2);
}

// ---------- the plot's geometry (pure) ----------

/**
 * The layout's assumptions: text is measured as `charW` per character, `wideW` per wide (Chinese,
 * Japanese, Korean, full-width) one, never by a font's metrics; a label's box is `lineH` high.
 */
export const PLOT = Object.freeze({ font: 11, charW: 7, wideW: 11, lineH: 15, pad: 2, maxLabel: 30, labelsPerSide: 6 });
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

/** The width the layout gives `text`: PLOT.charW per character, PLOT.wideW per wide one. */
export function textWidth(text) {
  let w = 0;
  for (const ch of String(text)) w += WIDE.test(ch) ? PLOT.wideW : PLOT.charW;
  return w;
}
const ZERO_GAP = 16; // between the zero line and the log scale

/** Whether two boxes {x0, y0, x1, y1} overlap (touching is not overlapping). */
export function overlaps(p, q) {
  return p.x0 < q.x1 && q.x0 < p.x1 && p.y0 < q.y1 && q.y0 < p.y1;
}

/** `v` (> 0) as a tick or a rate is written: 0.5, 2, 10, 1,000. */
export function rateText(v) {
  if (v >= 100) return Math.round(v).toLocaleString('en-US');
  if (v >= 10) return String(Math.round(v * 10) / 10);
  return String(Number(v.toPrecision(2)));
}

function ticksOf(lo, hi) {
  const out = [];
  const decades = Math.round(Math.log10(hi / lo));
  const steps = decades <= 2 ? [1, 2, 5] : [1];
  for (let e = Math.round(Math.log10(lo)); e <= Math.round(Math.log10(hi)); e++)
    for (const m of steps) {
      const v = m * 10 ** e;
      if (v >= lo * 0.999 && v <= hi * 1.001) out.push(Number(v.toPrecision(3)));
    }
  return out;
}

/**
 * Greedy label placement: each label in turn takes the first of eight places around its point
 * whose box stays inside `area`, overlaps no label placed before it and covers no point (else,
 * of those places, the one covering the fewest points); a label with no such place is left out. Boxes are computed from PLOT.charW, so the
 * result does not depend on fonts. `items`: [{x, y, r, text}]; returns [{i, text, x0, y0, x1, y1}].
 */
export function placeLabels(items, area, points = items) {
  const { lineH, pad } = PLOT;
  const placed = [];
  const marks = points.map((p) => ({ x0: p.x - p.r, y0: p.y - p.r, x1: p.x + p.r, y1: p.y + p.r }));
  items.forEach((p, i) => {
    const w = textWidth(p.text) + 2 * pad;
    const hh = lineH;
    const g = p.r + 3;
    const spots = [
      [p.x + g, p.y - hh / 2],
      [p.x - g - w, p.y - hh / 2],
      [p.x + g * 0.6, p.y - g - hh],
      [p.x + g * 0.6, p.y + g],
      [p.x - g * 0.6 - w, p.y - g - hh],
      [p.x - g * 0.6 - w, p.y + g],
      [p.x - w / 2, p.y - g - hh],
      [p.x - w / 2, p.y + g],
    ].map(([x0, y0]) => ({ x0, y0, x1: x0 + w, y1: y0 + hh }));
    const inside = (b) => b.x0 >= area.x0 && b.x1 <= area.x1 && b.y0 >= area.y0 && b.y1 <= area.y1;
    const free = (b) => !placed.some((q) => overlaps(b, q));
    const covered = (b) => marks.filter((m) => overlaps(b, m)).length;
    // The first place that covers no point; else the one that covers the fewest.
    let box = null;
    let least = Infinity;
    for (const b of spots) {
      if (!inside(b) || !free(b)) continue;
      const n = covered(b);
      if (n < least) [box, least] = [b, n];
      if (!n) break;
    }
    if (box) placed.push({ i, text: p.text, ...box });
  });
  return placed;
}

/**
 * Where everything of the plot of `report` (a ContrastReport) stands in a `width` wide drawing:
 * {W, H, area, scale, ticks, points: [{x, y, r, side, cf}], labels}. Points follow the report's
 * order; points at one place are spread a little around it, so that each can be seen.
 */
export function layoutContrast(report, { width = 640, top = 12 } = {}) {
  const W = Math.max(300, Math.min(760, Math.round(width)));
  const H = Math.max(280, Math.min(520, Math.round(W * 0.78)));
  const area = { x0: 52, x1: W - 10, y0: top, y1: H - 46 };
  const fams = report?.families || [];
  const rates = fams.flatMap((f) => [f.rate_a, f.rate_b]).filter((v) => v > 0);
  let lo = rates.length ? 10 ** Math.floor(Math.log10(Math.min(...rates))) : 1;
  let hi = rates.length ? 10 ** Math.ceil(Math.log10(Math.max(...rates))) : 100;
  if (hi <= lo) hi = lo * 10;
  lo = Number(lo.toPrecision(3));
  hi = Number(hi.toPrecision(3));
  const t = (v) => (v > 0 ? Math.log10(v / lo) / Math.log10(hi / lo) : null);
  const X = (v) => (t(v) === null ? area.x0 : area.x0 + ZERO_GAP + t(v) * (area.x1 - area.x0 - ZERO_GAP));
  const Y = (v) => (t(v) === null ? area.y1 : area.y1 - ZERO_GAP - t(v) * (area.y1 - area.y0 - ZERO_GAP));
  const seen = new Map();
  const points = fams.map((cf) => {
    const side = sideOf(cf.z);
    let x = X(cf.rate_a);
    let y = Y(cf.rate_b);
    const key = `${Math.round(x)},${Math.round(y)}`;
    const k = seen.get(key) || 0;
    seen.set(key, k + 1);
    if (k) {
      const spread = Math.min(9, 1.4 * Math.sqrt(k));
      x += Math.cos(k * 2.39996) * spread;
      y += Math.sin(k * 2.39996) * spread;
    }
    return { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10, r: side === 'n' ? 3.5 : 5, side, cf };
  });
  // Labels for the most distinctive points of each side, strongest first, alternating sides.
  const n = PLOT.labelsPerSide;
  const aSide = points.filter((p) => p.cf.z > 0).slice(0, n);
  const bSide = points
    .filter((p) => p.cf.z < 0)
    .slice(-n)
    .reverse();
  const order = [];
  for (let i = 0; i < n; i++) order.push(aSide[i], bSide[i]);
  const chosen = order.filter(Boolean);
  const cut = (x) => {
    const chars = [...x];
    return chars.length > PLOT.maxLabel ? `${chars.slice(0, PLOT.maxLabel - 1).join('')}…` : x;
  };
  const labels = placeLabels(
    chosen.map((p) => ({ x: p.x, y: p.y, r: p.r, text: cut(p.cf.family.root) })),
    area,
    points,
  ).map((l) => ({ ...l, point: points.indexOf(chosen[l.i]) }));
  return { W, H, area, lo, hi, ticks: ticksOf(lo, hi), X, Y, points, labels };
}

// ---------- drawing ----------

/** The colours of the sides (the same in light and dark: each keeps 3:1 against both backgrounds). */
export const SIDE_COLOURS = Object.freeze({ a: '#d55e00', b: '#0072b2', n: '#8a8a8a' });

/** A point's mark: a circle for A, a square for B, a small ring for neither (shape as well as colour). */
function mark(doc, side, x, y, r, forExport) {
  const fill = forExport ? (side === 'n' ? 'none' : SIDE_COLOURS[side]) : null;
  const stroke = forExport ? SIDE_COLOURS[side] : null;
  const common = { class: 'ct-mark', fill, stroke, 'stroke-width': forExport ? 1.5 : null };
  if (side === 'b')
    return s(doc, 'rect', { ...common, x: x - r * 0.9, y: y - r * 0.9, width: r * 1.8, height: r * 1.8 });
  return s(doc, 'circle', { ...common, cx: x, cy: y, r });
}

/** A small legend mark (HTML page), aria-hidden. */
export function sideSwatch(doc, side) {
  const svg = s(doc, 'svg', {
    class: `ct-swatch ct-${side}`,
    viewBox: '0 0 12 12',
    width: 12,
    height: 12,
    'aria-hidden': 'true',
  });
  svg.append(mark(doc, side, 6, 6, side === 'n' ? 4 : 5, false));
  return svg;
}

const zText = (z) => (z < 0 ? `−${Math.abs(z).toFixed(2)}` : z.toFixed(2));
export { zText };

/** What a screen reader says of a point (and what the line under the plot shows). */
export function pointText(given, report, cf) {
  return withViewLabels(given).pointLabel(
    cf.family.root,
    { name: report.a.label, rate: rateText0(cf.rate_a), count: cf.count_a },
    { name: report.b.label, rate: rateText0(cf.rate_b), count: cf.count_b },
    zText(cf.z),
  );
}
const rateText0 = (v) => (v > 0 ? rateText(v) : '0');

/**
 * The plot of `report` as an SVG element with labels `L`: interactive (each point focusable,
 * role button) or, with `opts.forExport`, standalone with every colour written out and a title.
 */
export function drawContrast(doc, report, given, opts = {}) {
  const L = withViewLabels(given);
  const forExport = !!opts.forExport;
  const top = forExport ? 40 : 12;
  const g = layoutContrast(report, { width: opts.width || 640, top });
  const { W, H, area } = g;
  const uid = opts.uid || 'ct';
  const ink = forExport ? '#111111' : null;
  const faint = forExport ? '#bbbbbb' : null;
  const a = report.a.label;
  const b = report.b.label;
  const svg = s(doc, 'svg', {
    class: 'contrast-plot',
    viewBox: `0 0 ${W} ${H}`,
    width: W,
    height: H,
    role: forExport ? 'img' : 'group',
    'aria-labelledby': `${uid}-title`,
    'aria-describedby': `${uid}-desc`,
    'font-family': 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif',
    'font-size': String(PLOT.font),
  });
  if (forExport) svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  svg.append(
    s(doc, 'title', { id: `${uid}-title`, text: L.plotTitle(a, b) }),
    s(doc, 'desc', { id: `${uid}-desc`, text: L.plotDesc(report.families.length, a, b) }),
  );
  if (forExport) {
    svg.append(s(doc, 'rect', { x: 0, y: 0, width: W, height: H, fill: '#ffffff' }));
    svg.append(
      s(doc, 'text', { x: 8, y: 20, fill: ink, 'font-size': '13', 'font-weight': '600', text: L.plotTitle(a, b) }),
    );
  }
  // Axes, ticks, the zero lines and the diagonal (equal use).
  const axes = s(doc, 'g', { class: 'ct-axes', 'aria-hidden': 'true' });
  const line = (x1, y1, x2, y2, cls, stroke) => s(doc, 'line', { x1, y1, x2, y2, class: cls, stroke });
  axes.append(
    line(area.x0, area.y1, area.x1, area.y1, 'ct-axis', ink),
    line(area.x0, area.y0, area.x0, area.y1, 'ct-axis', ink),
  );
  const d0 = g.X(g.lo);
  const d1 = g.X(g.hi);
  axes.append(line(d0, g.Y(g.lo), d1, g.Y(g.hi), 'ct-diag', faint));
  const tick = (v, label) => {
    const x = v === 0 ? area.x0 : g.X(v);
    const y = v === 0 ? area.y1 : g.Y(v);
    axes.append(
      line(x, area.y1, x, area.y1 + 4, 'ct-axis', ink),
      line(area.x0 - 4, y, area.x0, y, 'ct-axis', ink),
      s(doc, 'text', { x, y: area.y1 + 16, 'text-anchor': 'middle', class: 'ct-tick', fill: ink, text: label }),
      s(doc, 'text', { x: area.x0 - 7, y: y + 4, 'text-anchor': 'end', class: 'ct-tick', fill: ink, text: label }),
    );
    if (v !== 0)
      axes.append(line(x, area.y0, x, area.y1, 'ct-grid', faint), line(area.x0, y, area.x1, y, 'ct-grid', faint));
  };
  tick(0, '0');
  for (const v of g.ticks) tick(v, rateText(v));
  axes.append(
    s(doc, 'text', {
      x: (area.x0 + area.x1) / 2,
      y: H - 8,
      'text-anchor': 'middle',
      class: 'ct-axis-title',
      fill: ink,
      text: L.axisOf(a),
    }),
    s(doc, 'text', {
      x: 14,
      y: (area.y0 + area.y1) / 2,
      'text-anchor': 'middle',
      transform: `rotate(-90 14 ${(area.y0 + area.y1) / 2})`,
      class: 'ct-axis-title',
      fill: ink,
      text: L.axisOf(b),
    }),
  );
  svg.append(axes);
  // The points: neither side first, so that the distinctive ones are drawn on top.
  const layer = s(doc, 'g', { class: 'ct-points' });
  const order = [...g.points.keys()].sort((i, j) => (g.points[j].side === 'n') - (g.points[i].side === 'n') || i - j);
  const nodes = [];
  for (const i of order) {
    const p = g.points[i];
    const pt = s(
      doc,
      'g',
      forExport
        ? {}
        : {
            class: `ct-pt ct-${p.side}`,
            role: 'button',
            tabindex: i === 0 ? '0' : '-1',
            'aria-label': pointText(L, report, p.cf),
            'data-i': i,
            'data-side': p.side,
            'data-z': p.cf.z,
            'data-family': p.cf.family.root_norm,
          },
    );
    pt.append(mark(doc, p.side, p.x, p.y, p.r, forExport));
    nodes[i] = pt;
  }
  layer.append(...order.map((i) => nodes[i]));
  svg.append(layer);
  const labels = s(doc, 'g', { class: 'ct-labels', 'aria-hidden': 'true' });
  for (const l of g.labels)
    labels.append(
      s(doc, 'text', {
        x: l.x0 + PLOT.pad,
        y: l.y1 - 4,
        class: 'ct-label',
        fill: ink,
        'data-box': `${l.x0} ${l.y0} ${l.x1} ${l.y1}`,
        'data-point': l.point,
        text: l.text,
      }),
    );
  svg.append(labels);
  return svg;
}

/** The plot as a standalone SVG document string (English unless `L` says otherwise). */
export function contrastSvgString(doc, report, L) {
  const svg = drawContrast(doc, report, L, { forExport: true, width: 720, uid: 'refrain-contrast' });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
}

// ---------- the view ----------

/**
 * @param {Element} root
 * @param {object} L  The labels (labels.js).
 * @param {{
 *   run: (request: {a: string[], b: string[], labelA: string, labelB: string},
 *         how: {signal: AbortSignal, onProgress: (p: {stage: string, done: number, total: number}) => void}) => Promise<object>,
 *   onContrastFamily: (cf: object, report: object) => void,
 *   onReport?: (report: object) => void,
 *   onGroups?: (a: string, b: string) => void,
 *   onExport?: (kind: 'svg'|'png', report: object) => void,
 * }} opts
 */
export function createContrast(root, given, opts) {
  const L = withViewLabels(given);
  const doc = root.ownerDocument;
  const pid = `${root.id || 'contrast'}-ct`;
  let data = null; // {statements, report, a, b}
  let groups = { a: '', b: REST };
  let result = null;
  let lastKey = null;
  let controller = null;
  let selected = null; // root_norm
  let focused = 0; // the point that takes Tab
  let lastWidth = 0;
  const showAll = { a: false, b: false };

  const view = h(doc, 'div', { class: 'contrast', 'data-state': 'idle' });
  const intro = h(doc, 'p', { class: 'hint', text: L.contrastIntro });
  const pickA = picker('a');
  const pickB = picker('b');
  const swap = h(doc, 'button', {
    type: 'button',
    class: 'btn small',
    text: L.swapGroups,
    on: {
      click: () => {
        if (parseSafe(groups.b) === REST) return;
        setGroups(groups.b, groups.a);
      },
    },
  });
  const status = h(doc, 'p', { class: 'ct-status', role: 'status' });
  const progress = h(doc, 'progress', { class: 'ct-progress', max: 1, hidden: true, 'aria-label': L.contrasting });
  const signature = h(doc, 'p', { class: 'ct-signature', hidden: true });
  const legend = h(doc, 'ul', { class: 'ct-legend' });
  const plotBox = h(doc, 'div', { class: 'ct-plot-box' });
  const detail = h(doc, 'p', { class: 'ct-detail', 'aria-hidden': 'true' });
  const exports = h(
    doc,
    'div',
    { class: 'row ct-exports', role: 'group', 'aria-label': L.exportPlot, hidden: !opts.onExport },
    h(doc, 'button', {
      type: 'button',
      class: 'btn small',
      text: L.plotSvg,
      'data-export': 'svg',
      on: { click: () => result && opts.onExport('svg', result) },
    }),
    h(doc, 'button', {
      type: 'button',
      class: 'btn small',
      text: L.plotPng,
      'data-export': 'png',
      on: { click: () => result && opts.onExport('png', result) },
    }),
  );
  const figure = h(doc, 'figure', { class: 'ct-figure' }, legend, plotBox, detail, exports);
  const lists = h(doc, 'div', { class: 'ct-lists' });
  const results = h(
    doc,
    'div',
    { class: 'ct-results', hidden: true },
    signature,
    h(doc, 'div', { class: 'ct-main' }, figure, lists),
  );
  view.append(
    h(doc, 'h2', { class: 'visually-hidden', text: L.groups }),
    intro,
    h(doc, 'div', { class: 'ct-pickers' }, pickA.el, pickB.el, h(doc, 'div', { class: 'ct-swap' }, swap)),
    h(doc, 'div', { class: 'ct-status-row' }, status, progress),
    results,
  );
  root.append(view);

  // The plot follows the width it is given.
  const RO = doc.defaultView?.ResizeObserver;
  if (RO) {
    const redraw = debounce(() => {
      if (result && Math.abs(plotWidth() - lastWidth) > 24) drawPlot();
    }, 150);
    new RO(redraw).observe(plotBox);
  }

  function parseSafe(text) {
    try {
      return parseGroup(text);
    } catch {
      return [];
    }
  }

  // ---------- pickers ----------
  function picker(side) {
    const id = `${pid}-${side}`;
    const sel = h(doc, 'select', { id, class: 'input', on: { change: () => modeChanged() } });
    const from = h(doc, 'select', { id: `${id}-from`, class: 'input', on: { change: () => changed() } });
    const to = h(doc, 'select', { id: `${id}-to`, class: 'input', on: { change: () => changed() } });
    const years = h(
      doc,
      'div',
      { class: 'row ct-years', hidden: true },
      h(doc, 'label', { for: from.id, text: L.fromYear }),
      from,
      h(doc, 'label', { for: to.id, text: L.toYear }),
      to,
    );
    const checks = h(doc, 'ul', { class: 'ct-checks' });
    const handSoon = debounce(() => changed(), 300);
    const hand = h(
      doc,
      'fieldset',
      { class: 'ct-hand', hidden: true },
      h(doc, 'legend', { text: L.statementsOf(side.toUpperCase()) }),
      checks,
    );
    const el = h(
      doc,
      'fieldset',
      { class: `ct-group ct-group-${side}` },
      h(doc, 'legend', {}, sideSwatch(doc, side), ' ', L.groupLetter(side.toUpperCase())),
      h(doc, 'label', { for: id, class: 'visually-hidden', text: L.groupLetter(side.toUpperCase()) }),
      sel,
      years,
      hand,
    );

    function read() {
      if (sel.value === '~years')
        return from.value === to.value ? `year=${from.value}` : `year=${from.value}-${to.value}`;
      if (sel.value === '~hand')
        return [...checks.querySelectorAll('input:checked')].map((c) => `id=${c.value}`).join(';');
      return sel.value;
    }

    /** A new choice in the list: a range of years starts at the year chosen (else all of them), the
     * statements chosen by hand are those of the group chosen before. */
    function modeChanged() {
      const was = groups[side];
      if (sel.value === '~hand') {
        const had = new Set(side === 'b' && parseSafe(was) === REST ? [] : membersOf(data.statements, was));
        for (const c of checks.querySelectorAll('input')) c.checked = had.has(c.value);
      } else if (sel.value === '~years') {
        const one = parseSafe(was);
        if (one !== REST && one.length === 1 && one[0].kind === 'year') {
          from.value = String(one[0].from);
          to.value = String(one[0].to);
        }
      }
      changed();
    }

    function changed() {
      const mine = read();
      if (side === 'a') setGroups(mine, groups.b);
      else setGroups(groups.a, mine);
    }

    /** Lists the choices for `statements` and shows group `text`. */
    function fill(statements, text) {
      const found = groupsOf(statements);
      const yearsOf = [...new Set(found.filter((g) => g.kind === 'year').map((g) => g.name))].sort();
      clear(sel);
      if (side === 'b') sel.append(h(doc, 'option', { value: REST, text: L.theRestOption }));
      for (const { kind } of GROUP_KINDS) {
        const of = found.filter((g) => g.kind === kind);
        if (!of.length) continue;
        const og = h(doc, 'optgroup', { label: L.kinds[kind] });
        for (const g of of)
          og.append(h(doc, 'option', { value: `${kind}=${g.name}`, text: L.groupOption(g.name, g.ids.length) }));
        sel.append(og);
      }
      const more = h(doc, 'optgroup', { label: L.otherChoices });
      if (yearsOf.length > 1) more.append(h(doc, 'option', { value: '~years', text: L.yearRange }));
      more.append(h(doc, 'option', { value: '~hand', text: L.byHand }));
      sel.append(more);
      for (const list of [from, to]) {
        clear(list);
        for (const y of yearsOf) list.append(h(doc, 'option', { value: y, text: y }));
      }
      // Which choice shows `text`.
      const sels = parseSafe(text);
      const values = [...sel.options].map((o) => o.value);
      const canon = (x) => `${x.kind}=${x.value}`.toLowerCase();
      let value = null;
      if (sels === REST) value = side === 'b' ? REST : null;
      else if (sels.length === 1 && sels[0].kind !== 'id') {
        const x = sels[0];
        value = values.find((v) => v.toLowerCase() === canon(x)) || null;
        if (!value && x.kind === 'year' && yearsOf.length > 1) {
          value = '~years';
          from.value = yearsOf.find((y) => Number(y) >= x.from) || yearsOf[0];
          to.value = [...yearsOf].reverse().find((y) => Number(y) <= x.to) || yearsOf.at(-1);
        }
      }
      if (!value && sels !== REST && (!sels.length || sels.every((x) => x.kind === 'id'))) value = '~hand';
      if (!value) {
        // A group the choices do not list (an element's attribute): shown as it is.
        sel.prepend(h(doc, 'option', { value: text, text: groupName(statements, text, L) }));
        value = text;
      }
      sel.value = value;
      if (value !== '~years' && yearsOf.length) {
        from.value = yearsOf[0];
        to.value = yearsOf.at(-1);
      }
      years.hidden = value !== '~years';
      hand.hidden = value !== '~hand';
      const chosen = new Set(value === '~hand' ? membersOf(statements, text === REST ? '' : text) : []);
      clear(checks);
      for (const st of statements) {
        const cid = `${id}-s-${st.id}`;
        checks.append(
          h(
            doc,
            'li',
            { class: 'check' },
            h(doc, 'input', {
              type: 'checkbox',
              id: cid,
              value: st.id,
              props: { checked: chosen.has(st.id) },
              on: { change: () => handSoon() },
            }),
            h(doc, 'label', { for: cid, text: statementLabel(st) }),
          ),
        );
      }
    }
    return { el, fill };
  }

  function setGroups(a, b) {
    groups = { a, b };
    fillPickers();
    opts.onGroups?.(a, b);
    refresh();
  }

  function fillPickers() {
    if (!data) return;
    const active = root.getRootNode().activeElement?.id;
    pickA.fill(data.statements, groups.a);
    pickB.fill(data.statements, groups.b);
    swap.disabled = parseSafe(groups.b) === REST;
    const again = active ? root.querySelector(`#${CSS.escape(active)}`) : null;
    if (again) again.focus();
  }

  // ---------- running ----------
  const reports = new WeakMap();
  let reportNo = 0;
  const idOf = (r) => {
    if (!r) return 0;
    if (!reports.has(r)) reports.set(r, ++reportNo);
    return reports.get(r);
  };

  function say(text, state) {
    status.textContent = text;
    view.dataset.state = state;
  }

  let progressTimer = null;
  function busy(on) {
    clearTimeout(progressTimer);
    if (on) {
      progressTimer = setTimeout(() => {
        progress.hidden = false;
      }, 150);
    } else progress.hidden = true;
  }

  function refresh() {
    if (!data) return;
    const sts = data.statements;
    let a;
    let b;
    let both = 0;
    try {
      a = membersOf(sts, groups.a);
      const bAll = membersOf(sts, groups.b, a);
      const inA = new Set(a);
      b = bAll.filter((id) => !inA.has(id));
      both = bAll.length - b.length;
    } catch (e) {
      stop();
      lastKey = null;
      say(e.message, 'error');
      results.hidden = true;
      return;
    }
    const empty = !a.length ? 'A' : !b.length ? 'B' : null;
    if (empty) {
      stop();
      lastKey = null;
      say(sts.length ? L.groupEmpty(empty) : L.noStatements, 'error');
      results.hidden = true;
      return;
    }
    const labelA = groupName(sts, groups.a, L);
    const labelB = groupName(sts, groups.b, L);
    const key = [idOf(data.report), a.join('\u0001'), b.join('\u0001'), labelA, labelB].join('\u0002');
    if (key === lastKey) return;
    lastKey = key;
    run({ a, b, labelA, labelB }, both);
  }

  function stop() {
    if (controller) controller.abort();
    controller = null;
    busy(false);
  }

  async function run(request, both) {
    stop();
    const ac = new AbortController();
    controller = ac;
    say(L.contrasting, 'running');
    busy(true);
    try {
      const rep = await opts.run(request, {
        signal: ac.signal,
        onProgress: ({ done, total }) => {
          if (ac !== controller) return;
          if (total > 1 && done > 0) {
            progress.max = total;
            progress.value = Math.min(total, done);
            status.textContent = `${L.contrasting} ${Math.round((100 * done) / total)}%`;
          } else progress.removeAttribute('value');
        },
      });
      if (ac !== controller) return;
      result = rep;
      controller = null;
      busy(false);
      draw();
      say(summaryText(rep, both), 'ready');
      opts.onReport?.(rep);
    } catch (e) {
      if (ac !== controller) return;
      controller = null;
      busy(false);
      if (e?.code === 'cancelled' || e?.name === 'AbortError') return;
      lastKey = null;
      results.hidden = true;
      say(L.contrastFailed(e?.message || String(e)), 'error');
    }
  }

  function summaryText(rep, both) {
    const sig = (side) => rep.families.filter((f) => sideOf(f.z) === side).length;
    const parts = [
      L.contrastSummary(
        { name: rep.a.label, statements: rep.a.ids.length },
        { name: rep.b.label, statements: rep.b.ids.length },
        sig('a'),
        sig('b'),
        rep.families_found,
      ),
    ];
    if (rep.families.length < rep.families_found) parts.push(L.contrastShown(rep.families.length));
    if (both) parts.push(L.overlapNote(both, rep.a.label));
    parts.push(...(rep.notes || []));
    return parts.join(' ');
  }

  // ---------- drawing ----------
  function plotWidth() {
    return Math.floor(plotBox.clientWidth || 640);
  }

  function draw() {
    results.hidden = false;
    const rep = result;
    const a = rep.a.label;
    const b = rep.b.label;
    clear(legend);
    for (const [side, text] of [
      ['a', L.legendSide(a)],
      ['b', L.legendSide(b)],
      ['n', L.legendNeither],
    ])
      legend.append(h(doc, 'li', {}, sideSwatch(doc, side), ' ', text));
    const rest = parseSafe(groups.b) === REST;
    const sigA = rep.families.filter((f) => sideOf(f.z) === 'a');
    signature.hidden = !rest;
    clear(signature);
    if (rest) {
      const top = (sigA.length ? sigA : rep.families.filter((f) => f.z > 0)).slice(0, 3);
      signature.append(
        h(
          doc,
          'span',
          {},
          h(doc, 'strong', { text: L.signatureOf(a) }),
          ' ',
          top.length ? top.map((cf, i) => [i ? ', ' : '', goButton(cf, `“${cf.family.root}”`, 'link')]) : L.noSignature,
          sigA.length || !top.length ? '' : ` ${L.notSignificant}`,
        ),
      );
    }
    if (focused >= rep.families.length) focused = 0;
    drawPlot();
    clear(lists);
    lists.append(
      list(
        'a',
        L.moreBy(a),
        rep.families.filter((f) => f.z > 0),
      ),
      list('b', L.moreBy(b), rep.families.filter((f) => f.z < 0).reverse()),
    );
    markSelected();
  }

  function drawPlot() {
    lastWidth = plotWidth();
    clear(plotBox);
    const svg = drawContrast(doc, result, L, { width: lastWidth, uid: pid });
    for (const pt of svg.querySelectorAll('.ct-pt'))
      pt.setAttribute('tabindex', Number(pt.dataset.i) === focused ? '0' : '-1');
    plotBox.append(svg);
    detail.textContent = '';
    markSelected();
  }

  function goButton(cf, text, cls) {
    return h(doc, 'button', {
      type: 'button',
      class: cls,
      'data-family': cf.family.root_norm,
      text,
      on: { click: () => go(cf) },
    });
  }

  const PAGE = 10;
  function list(side, title, fams) {
    const ol = h(doc, 'ol', { class: 'ct-list' });
    const shown = showAll[side] ? fams : fams.slice(0, PAGE);
    for (const cf of shown) {
      // The engine's wordings are normalized words: the root as written when it is that wording.
      const written = (w) => (w == null ? w : w === cf.family.root_norm ? cf.family.root : unspaced(w));
      const wa = written(cf.wordings_a?.[0]?.text);
      const wb = written(cf.wordings_b?.[0]?.text);
      const says =
        wa && wb && wa === wb
          ? L.bothSay(wa)
          : [wa && L.groupSays(result.a.label, wa), wb && L.groupSays(result.b.label, wb)].filter(Boolean).join(' · ');
      ol.append(
        h(
          doc,
          'li',
          { class: ['ct-item', `ct-${sideOf(cf.z)}`] },
          h(
            doc,
            'button',
            {
              type: 'button',
              class: 'ct-go',
              'data-family': cf.family.root_norm,
              on: { click: () => go(cf) },
            },
            sideSwatch(doc, sideOf(cf.z)),
            ' ',
            h(doc, 'span', { class: 'ct-root', text: cf.family.root }),
          ),
          h(doc, 'span', {
            class: 'ct-figures',
            text: L.itemFigures(zText(cf.z), cf.count_a, cf.count_b, rateText0(cf.rate_a), rateText0(cf.rate_b)),
          }),
          says ? h(doc, 'span', { class: 'ct-says', text: says }) : null,
        ),
      );
    }
    const sec = h(
      doc,
      'section',
      { class: `ct-side ct-side-${side}`, 'aria-label': title },
      h(doc, 'h3', { text: title }),
    );
    if (fams.length) sec.append(ol);
    else sec.append(h(doc, 'p', { class: 'muted', text: L.noneMore }));
    if (fams.length > PAGE)
      sec.append(
        h(doc, 'button', {
          type: 'button',
          class: 'btn small',
          text: showAll[side] ? L.showFewer : L.showAllOf(fams.length),
          on: {
            click: () => {
              showAll[side] = !showAll[side];
              draw();
            },
          },
        }),
      );
    return sec;
  }

  /** Marks the selected family in the plot and the lists. */
  function markSelected() {
    for (const el of view.querySelectorAll('[data-family]')) {
      const on = !!selected && el.dataset.family === selected;
      el.classList.toggle('is-sel', on);
      if (el.matches('button.ct-go, .ct-pt')) el.setAttribute('aria-pressed', String(on));
    }
  }

  function go(cf) {
    selected = cf.family.root_norm;
    markSelected();
    opts.onContrastFamily(cf, result);
  }

  // The plot's keyboard: the arrow keys move between the points (A's most distinctive first),
  // Home and End to the first and last, Enter or Space reads the family's occurrences.
  plotBox.addEventListener('keydown', (e) => {
    const pt = e.target.closest?.('.ct-pt');
    if (!pt || !result) return;
    const i = Number(pt.dataset.i);
    const n = result.families.length;
    const j = {
      ArrowRight: Math.min(n - 1, i + 1),
      ArrowDown: Math.min(n - 1, i + 1),
      ArrowLeft: Math.max(0, i - 1),
      ArrowUp: Math.max(0, i - 1),
      Home: 0,
      End: n - 1,
    }[e.key];
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      go(result.families[i]);
      return;
    }
    if (j === undefined) return;
    e.preventDefault();
    focusPoint(j);
  });
  plotBox.addEventListener('click', (e) => {
    const pt = e.target.closest?.('.ct-pt');
    if (!pt || !result) return;
    focused = Number(pt.dataset.i);
    go(result.families[focused]);
  });
  const show = (e) => {
    const pt = e.target.closest?.('.ct-pt');
    if (pt && result) detail.textContent = pointText(L, result, result.families[Number(pt.dataset.i)]);
  };
  plotBox.addEventListener('focusin', show);
  plotBox.addEventListener('pointerover', show);

  function focusPoint(j) {
    const next = plotBox.querySelector(`.ct-pt[data-i="${j}"]`);
    if (!next) return;
    for (const p of plotBox.querySelectorAll('.ct-pt[tabindex="0"]')) p.setAttribute('tabindex', '-1');
    next.setAttribute('tabindex', '0');
    focused = j;
    next.focus();
  }

  return {
    /** `next`: {statements (with metadata), report (the comparison's; a new one runs the contrast again), a?, b?}. */
    update(next) {
      data = next;
      const a = next.a ?? groups.a;
      if (a) groups = { a, b: next.b ?? groups.b };
      else {
        groups = { ...defaultGroups(next.statements), ...(next.b ? { b: next.b } : {}) };
        opts.onGroups?.(groups.a, groups.b);
      }
      fillPickers();
      refresh();
    },
    /** The contrast report shown (null before the first). */
    get report() {
      return result;
    },
    get groups() {
      return { ...groups };
    },
    /** The plot's SVG element, or null. */
    svg() {
      return plotBox.querySelector('svg');
    },
  };
}
