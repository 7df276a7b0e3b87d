// Reading dropped or picked files into statements: .txt and .md as they are, .html reduced to its
// text with DOMParser (an inert document: nothing in it runs or loads, and since its scripts,
// styles, base and inline handlers are renamed away before parsing, the browser does not even try
// to apply them, so the page's Content Security Policy has nothing to report). Never uses innerHTML.
// Metadata comes with the texts: a sidecar (USA_76_2021.json beside USA_76_2021.txt, the same
// sidecars the CLI reads) or a manifest of many statements (.json or .csv).

import { LIMITS, sizeText } from './limits.js';
import { thousands } from './util.js';

export const MAX_FILE_BYTES = LIMITS.statementBytes;
const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'MATH',
  'IFRAME',
  'OBJECT',
  'HEAD',
  'BUTTON',
  'SELECT',
  'TITLE',
]);

// Elements left out before parsing (with the contents of scripts and styles), so that the parsed
// copy holds nothing the browser would try to run or apply.
const DROP = new Set(['script', 'style', 'base', 'link', 'meta']);
const DROP_CONTENT = new Set(['script', 'style']);
// Elements whose content the HTML parser reads as text up to their end tag: copied as they are.
const RAW = new Set(['textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);

/**
 * `html` without its script, style, base, link and meta elements (nor the contents of scripts and
 * styles) and without style and on* attributes; everything else as it was.
 * Follows the HTML tokenizer for tags, quoted attributes, comments and raw-text elements.
 */
export function inertHtml(html) {
  const src = String(html);
  const out = [];
  let i = 0;
  const n = src.length;
  const endOf = (name, from) => {
    const re = new RegExp(`</${name}(?=[\\s/>])`, 'ig');
    re.lastIndex = from;
    const m = re.exec(src);
    return m ? m.index : n;
  };
  while (i < n) {
    const lt = src.indexOf('<', i);
    if (lt < 0) {
      out.push(src.slice(i));
      break;
    }
    out.push(src.slice(i, lt));
    if (src.startsWith('<!--', lt)) {
      const end = src.indexOf('-->', lt + 4);
      const stop = end < 0 ? n : end + 3;
      out.push(src.slice(lt, stop));
      i = stop;
      continue;
    }
    const m = /^<(\/?)([a-zA-Z][^\s/>]*)/.exec(src.slice(lt, lt + 64));
    if (!m) {
      if (src[lt + 1] === '!' || src[lt + 1] === '?' || src[lt + 1] === '/') {
        const end = src.indexOf('>', lt);
        const stop = end < 0 ? n : end + 1;
        out.push(src.slice(lt, stop));
        i = stop;
      } else {
        out.push('<');
        i = lt + 1;
      }
      continue;
    }
    const closing = m[1] === '/';
    const name = m[2].toLowerCase();
    // The attributes, up to the tag's end (quotes respected).
    let j = lt + m[0].length;
    const attrs = [];
    while (j < n && src[j] !== '>') {
      const ws = /^[\s/]+/.exec(src.slice(j, j + 256));
      if (ws) {
        j += ws[0].length;
        continue;
      }
      const a = /^[^\s/>][^\s/>=]*/.exec(src.slice(j, j + 1024));
      const an = a ? a[0] : src[j];
      let k = j + an.length;
      const eq = /^\s*=\s*/.exec(src.slice(k, k + 256));
      if (eq) {
        k += eq[0].length;
        const q = src[k];
        if (q === '"' || q === "'") {
          const close = src.indexOf(q, k + 1);
          k = close < 0 ? n : close + 1;
        } else {
          const v = /^[^\s>]*/.exec(src.slice(k));
          k += v[0].length;
        }
      }
      const lower = an.toLowerCase();
      if (lower !== 'style' && !lower.startsWith('on')) attrs.push(src.slice(j, k));
      j = k;
    }
    const stop = Math.min(n, j + 1);
    if (!DROP.has(name)) out.push(`<${closing ? '/' : ''}${m[2]}${attrs.length ? ` ${attrs.join(' ')}` : ''}>`);
    i = stop;
    if (closing) continue;
    if (DROP_CONTENT.has(name)) {
      i = endOf(name, i);
    } else if (RAW.has(name)) {
      const end = endOf(name, i);
      out.push(src.slice(i, end));
      i = end;
    } else if (name === 'plaintext') {
      out.push(src.slice(i));
      i = n;
    }
  }
  return out.join('');
}

/**
 * The readable text of an HTML document: text nodes in order, a line break around block elements,
 * runs of blank lines collapsed. Returns {text, title, language}.
 */
export function htmlToText(html, DOMParserCtor) {
  const parsed = new DOMParserCtor().parseFromString(inertHtml(html), 'text/html');
  const out = [];
  const walk = (node) => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) out.push(n.nodeValue.replace(/[ \t\r\n\f]+/g, ' '));
      else if (n.nodeType === 1) {
        const tag = n.tagName.toUpperCase();
        if (SKIP.has(tag)) continue;
        const block = BLOCK.has(tag);
        if (block) out.push('\n');
        walk(n);
        if (block) out.push('\n');
      }
    }
  };
  if (parsed.body) walk(parsed.body);
  const text = out
    .join('')
    .split('\n')
    .map((l) => l.replace(/^ +| +$/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const h1 = parsed.querySelector('h1');
  const title = (parsed.title || h1?.textContent || '').replace(/\s+/g, ' ').trim() || null;
  const language = parsed.documentElement?.getAttribute('lang') || null;
  return { text, title, language };
}

/** The file's kind by name and type: 'html', 'md', 'txt' or null (not supported). */
export function fileKind(file) {
  const name = (file.name || '').toLowerCase();
  if (/\.(html?|xhtml)$/.test(name) || file.type === 'text/html') return 'html';
  if (/\.(md|markdown)$/.test(name) || file.type === 'text/markdown') return 'md';
  if (/\.txt$/.test(name) || file.type === 'text/plain') return 'txt';
  return null;
}

/**
 * Reads one File into {title, text, language}. Throws an Error with a readable message when the
 * file is not supported, too large or not text.
 */
export async function readStatementFile(file, DOMParserCtor) {
  const kind = fileKind(file);
  if (!kind) throw new Error(`${file.name}: only .txt, .md and .html files can be read`);
  if (file.size > MAX_FILE_BYTES) throw new Error(`${file.name}: larger than ${MAX_FILE_BYTES >> 20} MB`);
  const raw = await file.text();
  if (raw.includes('\u0000')) throw new Error(`${file.name}: not a text file`);
  const base = file.name.replace(/\.[^.]+$/, '');
  if (kind === 'html') {
    const r = htmlToText(raw, DOMParserCtor);
    return { title: r.title || base, text: r.text, language: r.language };
  }
  const text = raw.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  let title = base;
  if (kind === 'md') {
    const m = /^#\s+(.+)$/m.exec(text);
    if (m) title = m[1].trim();
  }
  return { title, text, language: null };
}

// ---------- metadata: sidecars and manifests ----------

/** "a.b.txt" -> "a.b"; "dir/x.txt" -> "x". */
function baseName(name) {
  return String(name || '')
    .replace(/^.*[\\/]/, '')
    .replace(/\.[^.]+$/, '');
}

function lastSegment(name) {
  return String(name || '').replace(/^.*[\\/]/, '');
}

/**
 * The metadata in `obj` (a sidecar or a manifest entry): title, speaker, date and language as the CLI
 * reads them (a string, or a number written as text; null or blank is none), plus country (or
 * organisation), which also suggests the statement's group unless `group` is given. Throws an
 * Error naming `where` and the field when a field is of another type.
 */
export function metadataOf(obj, where) {
  const out = {};
  const field = (key) => {
    if (!Object.hasOwn(obj, key)) return null;
    const v = obj[key];
    if (v === null || v === undefined) return null;
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    if (typeof v !== 'string') throw new Error(`${where}: “${key}” must be a string`);
    const t = v.replace(/\s+/g, ' ').trim();
    return t ? t.slice(0, 1_000) : null;
  };
  for (const key of ['title', 'speaker', 'date', 'language']) {
    const v = field(key);
    if (v) out[key] = v;
  }
  const country = field('country') || field('organisation') || field('organization');
  if (country) out.country = country;
  const group = field('group') || country;
  if (group) out.group = group;
  return out;
}

/** The rows of an RFC 4180 CSV text (quoted fields, doubled quotes, CRLF or LF), as arrays of strings. */
export function parseCsv(text) {
  const src = String(text).replace(/^\ufeff/, '');
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((x) => x.trim() !== ''));
}

/** The entries of a manifest: a JSON array, {statements: [...]} or {statements: {id: {...}}}, or CSV rows. */
function manifestEntries(name, kind, text) {
  if (kind === 'csv') {
    const [head, ...rows] = parseCsv(text);
    const cols = (head || []).map((x) => x.trim().toLowerCase());
    if (!cols.includes('text') && !cols.includes('file'))
      throw new Error(`${name}: a list of statements needs a “text” or a “file” column`);
    return rows.map((r) => Object.fromEntries(cols.map((c, i) => [c, r[i] ?? null]).filter(([c]) => c)));
  }
  const list = text;
  if (Array.isArray(list)) return list;
  if (Array.isArray(list.statements)) return list.statements;
  return Object.entries(list.statements).map(([id, e]) => ({ id, ...e }));
}

function isManifest(value) {
  return (
    Array.isArray(value) ||
    (value !== null && typeof value === 'object' && value.statements !== null && typeof value.statements === 'object')
  );
}

function fileType(file) {
  const name = (file.name || '').toLowerCase();
  if (/\.json$/.test(name) || file.type === 'application/json') return 'json';
  if (/\.csv$/.test(name) || file.type === 'text/csv') return 'csv';
  return fileKind(file);
}

/**
 * Reads dropped or picked files into statements, with their metadata: a sidecar (a .json object
 * named like a text file: title, speaker, date, language, country or organisation, group) or a
 * manifest of many statements (a .json array or {statements}, or a .csv with a header row; each
 * entry names a dropped `file` or carries its `text`). `room` ({statements, bytes}) is what the
 * workspace can still take: files beyond it are left out, and said so.
 * Returns {statements: [{title, speaker, date, language, country, group, text, listed?}], errors:
 * [message]}; `listed` marks a statement whose text came in a list rather than in a file of its own.
 */
export async function readStatementFiles(files, DOMParserCtor, room = { statements: Infinity, bytes: Infinity }) {
  const errors = [];
  const texts = [];
  const sidecars = new Map(); // base name -> metadata
  const byFile = new Map(); // file name -> metadata from a manifest
  const entries = []; // manifest entries with a text
  const jsons = [];
  for (const file of files) {
    const t = fileType(file);
    if (t === 'json' || t === 'csv') jsons.push([file, t]);
    else if (t) texts.push(file);
    else
      errors.push(
        `${file.name}: only .txt, .md and .html files (with .json sidecars) and .json or .csv lists can be read`,
      );
  }
  const textBases = new Set(texts.map((f) => baseName(f.name)));
  for (const [file, t] of jsons) {
    try {
      if (file.size > MAX_FILE_BYTES) throw new Error(`${file.name}: larger than ${sizeText(MAX_FILE_BYTES)}`);
      const raw = (await file.text()).replace(/^\ufeff/, '');
      let value = raw;
      if (t === 'json') {
        try {
          value = JSON.parse(raw);
        } catch {
          throw new Error(`${file.name}: not valid JSON`);
        }
      }
      if (t === 'csv' || isManifest(value)) {
        manifestEntries(file.name, t, value).forEach((e, i) => {
          const where = `${file.name}, ${t === 'csv' ? 'row' : 'entry'} ${i + 1}`;
          if (e === null || typeof e !== 'object') throw new Error(`${where}: not a statement`);
          const meta = metadataOf(e, where);
          const ref = typeof e.file === 'string' ? e.file : typeof e.src === 'string' ? e.src : '';
          if (typeof e.text === 'string' && e.text.trim()) entries.push({ ...meta, text: e.text, where });
          else if (ref.trim()) byFile.set(lastSegment(ref.trim()), { meta, where, used: false });
          else throw new Error(`${where}: neither a “text” nor a “file”`);
        });
      } else if (value !== null && typeof value === 'object') {
        const base = baseName(file.name);
        if (!textBases.has(base))
          throw new Error(`${file.name}: a sidecar, but no ${base}.txt (or .md, .html) came with it`);
        sidecars.set(base, metadataOf(value, `sidecar ${file.name}`));
      } else throw new Error(`${file.name}: neither a sidecar (an object) nor a list of statements`);
    } catch (e) {
      errors.push(e.message);
    }
  }
  const statements = [];
  const left = [];
  let bytes = 0;
  const fits = (size) => statements.length < room.statements && bytes + size <= room.bytes;
  for (const file of texts) {
    if (!fits(Math.min(file.size, MAX_FILE_BYTES))) {
      left.push(file.name);
      continue;
    }
    try {
      const r = await readStatementFile(file, DOMParserCtor);
      if (!r.text.trim()) throw new Error(`${file.name}: no text found`);
      const listed = byFile.get(lastSegment(file.name));
      if (listed) listed.used = true;
      statements.push({
        title: r.title,
        language: r.language,
        ...sidecars.get(baseName(file.name)),
        ...listed?.meta,
        text: r.text,
      });
      bytes += file.size;
    } catch (e) {
      errors.push(e.message);
    }
  }
  for (const { where, ...st } of entries) {
    if (!fits(st.text.length)) left.push(st.title || where);
    else {
      statements.push({ ...st, listed: true });
      bytes += st.text.length;
    }
  }
  for (const [name, { where, used }] of byFile)
    if (!used) errors.push(`${where}: names ${name}, which was not dropped or picked with it`);
  if (left.length)
    errors.push(
      `${left.length === 1 ? `${left[0]} was` : `${thousands(left.length)} files were`} not added: a workspace holds at most ${thousands(LIMITS.statements)} statements and ${sizeText(LIMITS.totalBytes)} of text${left.length > 1 ? ` (the first left out: ${left[0]})` : ''}.`,
    );
  return { statements, errors };
}
