// The N x N similarity heatmap as SVG, an ARIA grid navigable with the arrow keys. Clicking or
// pressing Enter on a cell opens that pair side by side. The same drawing, with every colour
// written as an attribute, is what the SVG and PNG exports contain (in English).

import { labelsFor } from './labels.js';
import { clear, h, pct, s, statementLabel } from './util.js';

const LOW = [242, 246, 251];
const HIGH = [8, 48, 107];

function lum([r, g, b]) {
  const f = (c) => {
    c /= 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}
const hex = (rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** Fill and text colour of a cell whose value is `t` in [0, 1] of the scale. */
export function cellColours(t) {
  const rgb = LOW.map((lo, i) => lo + (HIGH[i] - lo) * Math.max(0, Math.min(1, t)));
  const L = lum(rgb);
  const onBlack = (L + 0.05) / 0.05;
  const onWhite = 1.05 / (L + 0.05);
  return { fill: hex(rgb), ink: onBlack >= onWhite ? '#111111' : '#ffffff' };
}

/**
 * Draws the heatmap. `report.similarity` gives ids and matrix; `statements` give the names.
 * `opts.forExport` writes every colour as an attribute and adds a title and a background;
 * `opts.labels` gives the strings (English by default).
 */
export function drawHeatmap(doc, report, statements, opts = {}) {
  const L = opts.labels || labelsFor('en');
  const sim = report.similarity || { ids: [], matrix: [] };
  const ids = sim.ids || [];
  const M = sim.matrix || [];
  const n = ids.length;
  const byId = new Map(statements.map((st) => [st.id, st]));
  const names = ids.map((id) => statementLabel(byId.get(id) || { id }));
  const MAXC = 42;
  // Compact: row labels are numbers only (the key below the heatmap names them), for phones.
  const short = opts.compact
    ? names.map(() => '')
    : names.map((x) => (x.length > MAXC ? `${x.slice(0, MAXC - 1)}…` : x));
  const avail = opts.compact ? Math.max(180, (opts.width || 320) - 100) : 560;
  const cell = Math.max(22, Math.min(56, Math.floor(avail / Math.max(1, n))));
  const labelW = opts.compact ? 32 : 36 + Math.max(8, ...short.map((x) => x.length)) * 6.9;
  const top = opts.forExport ? 56 : 34;
  const W = labelW + n * cell + 8;
  const H = top + n * cell + 8;
  let max = 0;
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (a !== b) max = Math.max(max, Number(M[a]?.[b]) || 0);
  const ink = opts.forExport ? '#111111' : 'currentColor';
  const svg = s(doc, 'svg', {
    class: 'heatmap',
    part: opts.forExport ? null : 'heatmap',
    viewBox: `0 0 ${W} ${H}`,
    width: W,
    height: H,
    role: opts.forExport ? 'img' : 'grid',
    'aria-label': L.heatmapLabel(n),
    'font-family': 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif',
    'font-size': '12',
  });
  if (opts.forExport) {
    svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    svg.append(s(doc, 'rect', { x: 0, y: 0, width: W, height: H, fill: '#ffffff' }));
    svg.append(
      s(doc, 'text', { x: 8, y: 18, fill: ink, 'font-size': '13', 'font-weight': '600', text: L.heatmapTitle }),
    );
  }
  const headerRow = s(doc, 'g', { role: opts.forExport ? null : 'row' });
  headerRow.append(
    s(doc, 'text', {
      role: opts.forExport ? null : 'columnheader',
      x: 8,
      y: top - 10,
      fill: ink,
      class: 'hm-corner',
      text: opts.compact ? '→' : L.rowSharesWith,
      'aria-label': opts.compact ? L.rowSharesWithColumn : null,
    }),
  );
  names.forEach((name, b) => {
    headerRow.append(
      s(doc, 'text', {
        role: opts.forExport ? null : 'columnheader',
        'aria-label': name,
        x: labelW + b * cell + cell / 2,
        y: top - 10,
        'text-anchor': 'middle',
        fill: ink,
        'font-weight': '600',
        text: String(b + 1),
      }),
    );
  });
  svg.append(headerRow);
  let firstCell = true;
  for (let a = 0; a < n; a++) {
    const row = s(doc, 'g', { role: opts.forExport ? null : 'row' });
    const rh = s(doc, 'text', {
      role: opts.forExport ? null : 'rowheader',
      'aria-label': opts.forExport ? null : names[a],
      x: 8,
      y: top + a * cell + cell / 2 + 4,
      fill: ink,
      'font-weight': opts.compact ? '600' : null,
      text: short[a] ? `${a + 1}  ${short[a]}` : String(a + 1),
    });
    if (short[a] !== names[a]) rh.append(s(doc, 'title', { text: names[a] }));
    row.append(rh);
    for (let b = 0; b < n; b++) {
      const v = Number(M[a]?.[b]) || 0;
      const diag = a === b;
      const { fill, ink: cellInk } = diag ? { fill: '#d9d9d9', ink: '#111111' } : cellColours(max > 0 ? v / max : 0);
      const label = diag ? L.withItself(names[a]) : L.cellLabel(names[a], pct(v), names[b]);
      const g = s(
        doc,
        'g',
        opts.forExport
          ? {}
          : {
              role: 'gridcell',
              class: diag ? 'hm-cell diag' : 'hm-cell',
              tabindex: !diag && firstCell ? '0' : '-1',
              'aria-label': label,
              'data-row': a,
              'data-col': b,
            },
      );
      if (!diag) firstCell = false;
      g.append(
        s(doc, 'rect', {
          x: labelW + b * cell + 1,
          y: top + a * cell + 1,
          width: cell - 2,
          height: cell - 2,
          rx: 3,
          fill,
        }),
      );
      if (cell >= 30) {
        g.append(
          s(doc, 'text', {
            x: labelW + b * cell + cell / 2,
            y: top + a * cell + cell / 2 + 4,
            'text-anchor': 'middle',
            fill: cellInk,
            'font-size': '11',
            'aria-hidden': 'true',
            text: diag ? '–' : pct(v),
          }),
        );
      }
      if (!opts.forExport) g.append(s(doc, 'title', { text: label }));
      row.append(g);
    }
    svg.append(row);
  }
  return svg;
}

/** The heatmap as a standalone SVG document string (English). */
export function heatmapSvgString(doc, report, statements) {
  const svg = drawHeatmap(doc, report, statements, { forExport: true });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
}

/**
 * @param {Element} root
 * @param {object} L  The labels (labels.js).
 * @param {{onOpenPair: (a: string, b: string) => void}} opts
 */
export function createHeatmap(root, L, opts) {
  const doc = root.ownerDocument;
  const box = h(doc, 'div', { class: 'heatmap-box' });
  const note = h(doc, 'p', { class: 'hint', text: L.heatmapNote });
  const key = h(doc, 'ol', { class: 'hm-key', 'aria-label': L.byNumber });
  root.append(note, box, key);
  let ids = [];
  let last = null;
  const win = doc.defaultView;
  const narrow = win?.matchMedia ? win.matchMedia('(max-width: 719px)') : null;
  if (narrow)
    narrow.addEventListener('change', () => {
      if (last) draw(last);
    });

  box.addEventListener('click', (e) => {
    const g = e.target.closest('[role="gridcell"]');
    if (g && !g.classList.contains('diag')) open(g);
  });
  box.addEventListener('keydown', (e) => {
    const g = e.target.closest('[role="gridcell"]');
    if (!g) return;
    const a = Number(g.dataset.row),
      b = Number(g.dataset.col),
      n = ids.length;
    let na = a,
      nb = b;
    if (e.key === 'ArrowRight') nb = Math.min(n - 1, b + 1);
    else if (e.key === 'ArrowLeft') nb = Math.max(0, b - 1);
    else if (e.key === 'ArrowDown') na = Math.min(n - 1, a + 1);
    else if (e.key === 'ArrowUp') na = Math.max(0, a - 1);
    else if (e.key === 'Home') nb = 0;
    else if (e.key === 'End') nb = n - 1;
    else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (a !== b) open(g);
      return;
    } else return;
    e.preventDefault();
    const next = box.querySelector(`[role="gridcell"][data-row="${na}"][data-col="${nb}"]`);
    if (next) {
      for (const c of box.querySelectorAll('[role="gridcell"][tabindex="0"]')) c.setAttribute('tabindex', '-1');
      next.setAttribute('tabindex', '0');
      next.focus();
    }
  });

  function open(g) {
    opts.onOpenPair(ids[Number(g.dataset.row)], ids[Number(g.dataset.col)]);
  }

  function draw({ report, statements }) {
    clear(box);
    clear(key);
    ids = report.similarity?.ids || [];
    if (!ids.length || !(report.similarity.matrix || []).length) {
      box.append(h(doc, 'p', { class: 'muted', text: ids.length ? L.noMatrix : L.noStatements }));
      return;
    }
    const compact = !!narrow?.matches;
    box.append(drawHeatmap(doc, report, statements, { labels: L, compact, width: win ? win.innerWidth : 360 }));
    const byId = new Map(statements.map((st) => [st.id, st]));
    for (const id of ids) key.append(h(doc, 'li', { text: statementLabel(byId.get(id) || { id }) }));
  }

  return {
    update(data) {
      last = data;
      draw(data);
    },
    svg() {
      return box.querySelector('svg');
    },
  };
}
