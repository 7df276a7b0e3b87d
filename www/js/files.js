// Reading dropped or picked files into statements: .txt and .md as they are, .html reduced to its
// text with DOMParser (an inert document: nothing in it runs or loads). Never uses innerHTML.

export const MAX_FILE_BYTES = 8 << 20;
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
]);

/**
 * The readable text of an HTML document: text nodes in order, a line break around block elements,
 * runs of blank lines collapsed. Returns {text, title, language}.
 */
export function htmlToText(html, DOMParserCtor) {
  const parsed = new DOMParserCtor().parseFromString(String(html), 'text/html');
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
