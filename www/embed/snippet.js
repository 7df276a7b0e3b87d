// The "Embed" button of the main page: HTML to paste into another page that shows the current
// view, either as the <refrain-compare> element (the page runs a module script and serves
// refrain's files itself, ELEMENT_FILES, from a folder the dialog names; every statement's text
// is in the snippet) or as an iframe of embed.html (no script needed on the page).
//
//   import { mountEmbedButton } from '../embed/snippet.js';
//   mountEmbedButton(container, () => ({ statements, view, family, query, options }));
//
// No side effect on import. Everything the user typed is escaped; nothing is sent anywhere.

import { pack } from '../js/share.js';
import { adoptSheet, coded, h, statementLabel } from '../js/util.js';

const VIEW_OF = {
  read: 'reader',
  reader: 'reader',
  refrains: 'refrains',
  search: 'search',
  overview: 'heatmap',
  heatmap: 'heatmap',
  statements: 'reader',
  presenter: 'presenter',
};
/** The longest iframe address the snippet makes (the rest would not survive many publishing systems). */
export const MAX_IFRAME_URL = 24_000;

const ATTRIBUTION = 'UN General Debate Corpus (CC0): Baturo, Dasandi & Mikhaylov 2017; Jankin, Baturo & Dasandi';

/** Escapes text for an HTML attribute value or text content. */
export function escapeHtml(s) {
  return String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function attrs(pairs) {
  return pairs
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${escapeHtml(v)}"`)
    .join('');
}

/** The words of the focused family: a Family object gives its root; a string is kept. */
function familyWords(family) {
  if (!family) return null;
  if (typeof family === 'object') return family.root || family.id || null;
  return String(family);
}

const nameOf = (st) => statementLabel(st) || st.demoId || 'statement';

const manifests = new Map();
/** The text of a demo statement, read from refrain's demo folder at `base` (the dialog's own origin). */
async function demoText(base, id) {
  const url = new URL('demo/manifest.json', base).href;
  if (!manifests.has(url)) {
    manifests.set(
      url,
      fetch(url)
        .then((r) => (r.ok ? r.json() : null))
        .catch(() => null),
    );
  }
  const m = await manifests.get(url);
  const r = await fetch(new URL(`demo/${m?.statements?.[id]?.file || `${id}.txt`}`, base));
  if (!r.ok) throw coded('not_found', `the text of the demo statement ${id} could not be read (HTTP ${r.status})`);
  return r.text();
}

/**
 * What the element needs of refrain's www/ folder, to copy beside the page that embeds it (a
 * module Worker must come from the page's own origin). The dialog lists them; the snippet's
 * comment names them.
 */
export const ELEMENT_FILES = ['embed/', 'js/', 'css/views.css', 'refrain-client.js', 'refrain-worker.js', 'pkg/'];
/** Where the snippet expects those files by default: a folder beside the page. */
export const DEFAULT_FOLDER = 'refrain/';

/** The folder as the snippet writes it: a relative or absolute path or an address, ending in "/". */
function folderOf(folder) {
  const f = String(folder ?? DEFAULT_FOLDER).trim() || DEFAULT_FOLDER;
  return f.endsWith('/') ? f : `${f}/`;
}

const isDemo = (st) => st.source === 'demo' || (!st.source && st.demoId && typeof st.text !== 'string');

/**
 * The HTML snippet for the current view.
 * @param {{statements: Array<{id?: string, source?: 'demo'|'user', demoId?: string, text?: string, title?: string, speaker?: string, date?: string, language?: string}>,
 *   view?: string, family?: string|{root: string}|null, query?: string, theme?: 'light'|'dark'|'auto', lang?: string,
 *   options?: object, kind?: 'element'|'iframe', baseUrl: string|URL, title?: string, folder?: string}} state
 *   `view` takes the element's names or the page's tabs (read, refrains, search, overview).
 *   `baseUrl` is the address of refrain's www/ folder (the main page's directory); the demo
 *   statements' texts are read there. `folder` (element only) is where the page that embeds
 *   it keeps refrain's files (ELEMENT_FILES), relative to that page: default "refrain/".
 * @returns {Promise<string>}
 */
export async function embedSnippet(state) {
  const { statements = [], query = '', theme = null, lang = null, kind = 'element' } = state;
  const base = new URL('.', new URL(String(state.baseUrl ?? document.baseURI), document.baseURI)).href;
  const view = VIEW_OF[state.view] || 'reader';
  const family = familyWords(state.family);
  const usable = statements.filter((st) =>
    isDemo(st) ? st.demoId || st.id : typeof st.text === 'string' && st.text.trim(),
  );
  if (!usable.length) throw coded('no_statements', 'there are no statements to embed');
  const title =
    state.title || `Shared phrasing: ${usable.slice(0, 3).map(nameOf).join(', ')}${usable.length > 3 ? '…' : ''}`;
  const anyDemo = usable.some(isDemo);
  const credit = anyDemo ? `<!-- Statements: ${ATTRIBUTION}. -->\n` : '';

  if (kind === 'iframe') {
    const url = new URL('embed/embed.html', base);
    const q = url.searchParams;
    if (usable.every(isDemo)) q.set('demo', usable.map((st) => st.demoId || st.id).join(','));
    if (view !== 'reader') q.set('view', view);
    if (family) q.set('family', family);
    if (query) q.set('query', query);
    if (theme && theme !== 'auto') q.set('theme', theme);
    if (lang) q.set('lang', lang);
    if (!usable.every(isDemo) || (state.options && Object.keys(state.options).length)) {
      const packed = await pack({
        v: 1,
        set: null,
        cols: [],
        tab: 'read',
        fam: null,
        q: '',
        opt: state.options || {},
        st: usable.map((st) =>
          isDemo(st)
            ? { d: st.demoId || st.id, ti: st.title ?? null, sp: st.speaker ?? null, da: st.date ?? null }
            : {
                t: st.text,
                ti: st.title ?? null,
                sp: st.speaker ?? null,
                da: st.date ?? null,
                la: st.language ?? null,
              },
        ),
      });
      q.delete('demo');
      url.hash = `s=${packed}`;
    }
    const src = url.href;
    if (src.length > MAX_IFRAME_URL) {
      throw coded(
        'too_long',
        `these statements make an address of ${src.length} characters, too long for an iframe: embed them as an element instead`,
      );
    }
    return (
      `${credit}<iframe${attrs([
        ['src', src],
        ['title', title],
        ['width', '100%'],
        ['height', '640'],
        ['loading', 'lazy'],
      ])}></iframe>\n` +
      '<!-- Optional, if the page may run a script: the frame then takes the height of its content. -->\n' +
      `<script type="module" src="${escapeHtml(new URL('embed/resize.js', base).href)}"></script>\n`
    );
  }

  const folder = folderOf(state.folder);
  const texts = await Promise.all(
    usable.map((st) => (typeof st.text === 'string' ? st.text : demoText(base, st.demoId || st.id))),
  );
  const lines = [
    '<!-- refrain’s <refrain-compare> element. Its files must be on this site (a Worker cannot come from another origin):',
    `     copy ${ELEMENT_FILES.join(', ')} from refrain’s www/ folder (with pkg/ built)`,
    `     or from node_modules/refrain/ (npm install refrain) into the folder ${folder} beside this page,`,
    '     or change the address of the script below to where they are.',
    "     A Content-Security-Policy needs script-src 'self' 'wasm-unsafe-eval' and worker-src 'self'. -->",
  ];
  if (credit) lines.push(credit.trimEnd());
  lines.push(`<script type="module" src="${escapeHtml(`${folder}embed/define.js`)}"></script>`);
  const host = attrs([
    ['view', view === 'reader' ? null : view],
    ['family', family],
    ['query', query || null],
    ['theme', theme && theme !== 'auto' ? theme : null],
    ['lang', lang],
    ['aria-label', title],
  ]);
  lines.push(`<refrain-compare${host}>`);
  usable.forEach((st, i) => {
    const meta = [
      ['data-title', st.title],
      ['data-speaker', st.speaker],
      ['data-date', st.date],
      ['lang', st.language],
    ];
    lines.push(`  <blockquote${attrs(meta)}>`);
    for (const para of texts[i]
      .split(/\r?\n/)
      .map((p) => p.trim())
      .filter(Boolean))
      lines.push(`    <p>${escapeHtml(para)}</p>`);
    lines.push('  </blockquote>');
  });
  lines.push('</refrain-compare>');
  return `${lines.join('\n')}\n`;
}

// ---------- the button and its dialog ----------

const UI_CSS = `
.refrain-embed-dialog { width: min(44rem, 94vw); max-height: 90vh; border: 1px solid currentColor; border-radius: 8px; padding: 1rem 1.2rem; }
.refrain-embed-dialog::backdrop { background: rgb(0 0 0 / .45); }
.refrain-embed-dialog h2 { margin: 0 0 .5rem; font-size: 1.15rem; }
.refrain-embed-dialog fieldset { border: 0; margin: 0 0 .5rem; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; }
.refrain-embed-dialog legend { padding: 0; margin-bottom: .3rem; font-weight: 600; }
.refrain-embed-dialog label { display: inline-flex; gap: .4rem; align-items: center; }
.refrain-embed-dialog textarea { box-sizing: border-box; width: 100%; min-height: 12rem; font: .82rem/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: pre-wrap; overflow-wrap: anywhere; overflow: auto; }
.refrain-embed-dialog .embed-files { margin: 0 0 .5rem; font-size: .88rem; }
.refrain-embed-dialog .embed-files p { margin: .3rem 0; }
.refrain-embed-dialog .embed-files ul { margin: .2rem 0; padding-left: 1.2rem; columns: 2 10rem; }
.refrain-embed-dialog .embed-files input { font: inherit; width: 12rem; max-width: 100%; }
.refrain-embed-dialog .embed-actions { display: flex; flex-wrap: wrap; gap: .5rem; justify-content: flex-end; margin-top: .6rem; }
.refrain-embed-dialog .embed-note { margin: .4rem 0 0; font-size: .88rem; }
`;

/**
 * Adds an "Embed" button to `container`; it opens a dialog with the snippet of the current view
 * (element or iframe) and a Copy button.
 * @param {Element} container
 * @param {() => object} getState  returns what embedSnippet takes, read when the dialog opens
 *   (baseUrl defaults to the page's directory).
 * @param {{label?: string, buttonClass?: string}} [how]
 * @returns {{button: HTMLButtonElement, dialog: HTMLDialogElement, open: () => Promise<void>, close: () => void}}
 */
export function mountEmbedButton(container, getState, { label = 'Embed', buttonClass = 'btn small' } = {}) {
  const doc = container.ownerDocument;
  adoptSheet(doc, UI_CSS);
  const uid = `refrain-embed-${Math.random().toString(36).slice(2, 8)}`;
  const button = h(doc, 'button', {
    type: 'button',
    class: buttonClass,
    'aria-haspopup': 'dialog',
    'data-refrain-embed': '',
    text: label,
  });
  const radio = (value, text, checked) => {
    const input = h(doc, 'input', { type: 'radio', name: `${uid}-kind`, value });
    input.checked = checked;
    return h(doc, 'label', {}, input, text);
  };
  const area = h(doc, 'textarea', {
    class: 'input wide',
    readonly: '',
    rows: '12',
    spellcheck: 'false',
    id: `${uid}-code`,
    'aria-labelledby': `${uid}-title`,
  });
  const note = h(doc, 'p', { class: 'embed-note hint', role: 'status' });
  // The element's hosting: which of refrain's files to copy, and to which folder of the site.
  const folder = h(doc, 'input', {
    type: 'text',
    id: `${uid}-folder`,
    value: DEFAULT_FOLDER,
    spellcheck: 'false',
    autocomplete: 'off',
  });
  const files = h(
    doc,
    'div',
    { class: 'embed-files', 'data-embed-files': '' },
    h(
      doc,
      'p',
      {},
      '1. Copy these files from refrain’s ',
      h(doc, 'code', { text: 'www/' }),
      ' folder (with ',
      h(doc, 'code', { text: 'pkg/' }),
      ' built), or from ',
      h(doc, 'code', { text: 'node_modules/refrain/' }),
      ' after ',
      h(doc, 'code', { text: 'npm install refrain' }),
      ', to your site:',
    ),
    h(doc, 'ul', {}, ...ELEMENT_FILES.map((f) => h(doc, 'li', {}, h(doc, 'code', { text: f })))),
    h(doc, 'p', {}, h(doc, 'label', { for: `${uid}-folder`, text: 'Their folder, seen from your page: ' }), folder),
    h(doc, 'p', {
      text: "2. Paste the snippet into your page. The statements’ texts are in it; nothing is loaded from this site. A Content-Security-Policy needs script-src 'self' 'wasm-unsafe-eval' and worker-src 'self'.",
    }),
  );
  const copy = h(doc, 'button', { type: 'button', class: 'btn small primary', text: 'Copy' });
  const closeBtn = h(doc, 'button', { type: 'button', class: 'btn small', text: 'Close' });
  const dialog = h(
    doc,
    'dialog',
    { class: 'refrain-embed-dialog', 'aria-labelledby': `${uid}-title` },
    h(doc, 'h2', { id: `${uid}-title`, text: 'Embed this view in another page' }),
    h(
      doc,
      'fieldset',
      {},
      h(doc, 'legend', { text: 'As' }),
      radio('element', 'an element (the page runs a script and hosts refrain’s files)', true),
      radio('iframe', 'an iframe (no script needed)', false),
    ),
    files,
    area,
    note,
    h(doc, 'div', { class: 'embed-actions' }, copy, closeBtn),
  );
  container.append(button);
  (doc.body || doc.documentElement).append(dialog);

  const kind = () => dialog.querySelector(`input[name="${uid}-kind"]:checked`).value;
  let made = 0; // the latest fill; an earlier one that ends later is dropped
  async function fill() {
    const mine = ++made;
    note.textContent = '';
    area.value = '';
    try {
      const state = { baseUrl: new URL('.', doc.baseURI).href, ...getState() };
      files.hidden = kind() !== 'element';
      const code = await embedSnippet({ ...state, kind: kind(), folder: folder.value });
      if (mine !== made) return;
      area.value = code;
      note.textContent =
        kind() === 'iframe'
          ? 'Paste this where your publishing system accepts HTML. The statements travel in the address; nothing is uploaded.'
          : `On a page at /news/article.html, this snippet loads ${new URL(`${folderOf(folder.value)}embed/define.js`, 'https://example.org/news/article.html').pathname}.`;
    } catch (e) {
      if (mine === made) note.textContent = `No snippet: ${e.message}.`;
    }
  }
  async function open() {
    if (!dialog.open) dialog.showModal();
    await fill();
    area.focus();
    area.select();
    area.scrollTop = 0;
  }
  function close() {
    dialog.close();
  }
  button.addEventListener('click', open);
  closeBtn.addEventListener('click', close);
  dialog.addEventListener('change', (e) => {
    if (e.target.matches('input[type="radio"]')) fill();
  });
  folder.addEventListener('input', () => fill());
  dialog.addEventListener('close', () => button.focus());
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(area.value);
      note.textContent = 'Copied.';
    } catch {
      area.focus();
      area.select();
      note.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
    }
  });
  return { button, dialog, open, close };
}
