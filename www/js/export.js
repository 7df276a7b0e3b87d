// Exports: the report as JSON, families and occurrences as CSV, the heatmap and the group
// comparison's plot as SVG and PNG.
// Builders are pure (return strings or blobs); `download` in util.js saves them.

import { contrastSvgString } from './contrast.js';
import { heatmapSvgString } from './heatmap.js';

/** The columns of the CSV export, in order: the same as `refrain compare --csv` (docs/report.md, "CSV";
 * tests/js/csv.test.mjs compares the two). */
export const CSV_COLUMNS = [
  'family',
  'family_root',
  'family_score',
  'family_statements',
  'family_speakers',
  'family_stability',
  'statement',
  'title',
  'speaker',
  'date',
  'utf16_start',
  'utf16_end',
  'byte_start',
  'byte_end',
  'similarity',
  'text',
];

/** One CSV cell: quoted when needed; numbers rounded to 4 decimals; a text starting with =, +, -, @, tab or CR
 * gets a leading ' so that spreadsheets do not run it as a formula. */
export function csvCell(v) {
  if (v === null || v === undefined) return '';
  let t = typeof v === 'number' ? (Number.isInteger(v) ? String(v) : String(Math.round(v * 10000) / 10000)) : String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(t)) t = `'${t}`;
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/** Families and their occurrences, one row per occurrence (RFC 4180, CRLF line ends, a byte order mark first). */
export function reportCsv(report, statements) {
  const byId = new Map(statements.map((st) => [st.id, st]));
  const rows = [CSV_COLUMNS.join(',')];
  for (const f of report.families || []) {
    for (const o of f.occurrences || []) {
      const st = byId.get(o.doc) || {};
      const row = {
        family: f.id,
        family_root: f.root,
        family_score: f.score,
        family_statements: f.statements,
        family_speakers: f.speakers,
        family_stability: f.stability,
        statement: o.doc,
        title: st.title,
        speaker: st.speaker,
        date: st.date,
        utf16_start: o.utf16_start,
        utf16_end: o.utf16_end,
        byte_start: o.start,
        byte_end: o.end,
        similarity: o.similarity,
        text: o.text,
      };
      rows.push(CSV_COLUMNS.map((c) => csvCell(row[c])).join(','));
    }
  }
  return `\ufeff${rows.join('\r\n')}\r\n`;
}

/** The columns of the search summary's CSV, in order: the query, then one row per group with places
 * (`kind` is group, speaker, country or year, as in groups.js; `places` counts occurrences,
 * `statements` the statements they are in). */
export const SEARCH_SUMMARY_COLUMNS = ['query', 'kind', 'name', 'places', 'statements'];

/** The search summary (rows of search.js `searchSummary`) as CSV, like `reportCsv`. */
export function searchSummaryCsv(query, rows) {
  const lines = [SEARCH_SUMMARY_COLUMNS.join(',')];
  for (const r of rows) lines.push(SEARCH_SUMMARY_COLUMNS.map((c) => csvCell(c === 'query' ? query : r[c])).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** The report as pretty JSON, with the statements' metadata as given. */
export function reportJson(report) {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** The heatmap as an SVG blob. */
export function heatmapSvgBlob(doc, report, statements) {
  return new Blob([heatmapSvgString(doc, report, statements)], { type: 'image/svg+xml' });
}

/** The heatmap as a PNG blob (drawn at twice its size). */
export function heatmapPngBlob(doc, report, statements) {
  return svgPngBlob(doc, heatmapSvgString(doc, report, statements));
}

/** The group comparison's plot (a ContrastReport) as an SVG blob, with labels `L`. */
export function contrastSvgBlob(doc, report, L) {
  return new Blob([contrastSvgString(doc, report, L)], { type: 'image/svg+xml' });
}

/** The group comparison's plot as a PNG blob (drawn at twice its size). */
export function contrastPngBlob(doc, report, L) {
  return svgPngBlob(doc, contrastSvgString(doc, report, L));
}

/** A standalone SVG document (text with a viewBox) drawn on a white PNG at twice its size. */
export async function svgPngBlob(doc, svgText) {
  const m = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svgText);
  const w = m ? Number(m[1]) : 600;
  const hgt = m ? Number(m[2]) : 600;
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    await new Promise((ok, fail) => {
      img.onload = ok;
      img.onerror = () => fail(new Error('the drawing could not be made'));
      img.src = url;
    });
    const scale = 2;
    const canvas = doc.createElement('canvas');
    canvas.width = Math.ceil(w * scale);
    canvas.height = Math.ceil(hgt * scale);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise((ok, fail) =>
      canvas.toBlob((b) => (b ? ok(b) : fail(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
