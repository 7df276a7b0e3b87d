// Bring statements: demo sets, paste or type a statement, drop or pick .txt/.md/.html files; give
// each a title, speaker and date; rename, reorder, remove; engine settings; forget everything.
// Everything stays in the browser. User text is only ever set as text or as form values.

import { h, clear, plural, statementLabel } from './util.js';
import { readStatementFile } from './files.js';

/**
 * @param {Element} root
 * @param {object} callbacks  onAdd(list), onUpdate(id, patch), onMove(id, delta), onRemove(id),
 *   onLoadDemo(setId), onOptions(options), onForget(), onDraft(draft), onRead(id)
 */
export function createStatements(root, callbacks) {
  const doc = root.ownerDocument;
  const win = doc.defaultView;
  const pid = root.id || 'statements';
  const id = (x) => `${pid}-${x}`;
  let data = null;

  // Demo sets.
  const demoSelect = h(doc, 'select', { id: id('demo') });
  const demoBox = h(
    doc,
    'fieldset',
    { class: 'box' },
    h(doc, 'legend', { text: 'Demo sets' }),
    h(
      doc,
      'div',
      { class: 'row' },
      h(doc, 'label', { for: id('demo'), text: 'Set' }),
      demoSelect,
      h(doc, 'button', {
        type: 'button',
        class: 'btn',
        text: 'Load demo set',
        on: { click: () => callbacks.onLoadDemo(demoSelect.value) },
      }),
    ),
    h(doc, 'p', {
      class: 'hint',
      text: 'Loading a demo set replaces the demo statements and keeps the ones you added.',
    }),
  );

  // Add a statement.
  const f = {
    title: h(doc, 'input', { id: id('new-title'), class: 'input', autocomplete: 'off' }),
    speaker: h(doc, 'input', { id: id('new-speaker'), class: 'input', autocomplete: 'off' }),
    date: h(doc, 'input', {
      id: id('new-date'),
      class: 'input',
      autocomplete: 'off',
      placeholder: 'YYYY-MM-DD',
      'aria-describedby': id('date-help'),
    }),
    language: h(doc, 'input', { id: id('new-language'), class: 'input short', autocomplete: 'off', placeholder: 'en' }),
    text: h(doc, 'textarea', {
      id: id('new-text'),
      class: 'input',
      rows: '7',
      spellcheck: 'false',
      placeholder: 'Paste or type a statement here, or drop .txt, .md or .html files on this panel.',
    }),
  };
  const fileInput = h(doc, 'input', {
    type: 'file',
    id: id('files'),
    class: 'file',
    multiple: true,
    accept: '.txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html',
  });
  const message = h(doc, 'p', { class: 'message', role: 'status', 'aria-live': 'polite' });
  const draft = () => ({
    title: f.title.value,
    speaker: f.speaker.value,
    date: f.date.value,
    language: f.language.value,
    text: f.text.value,
  });
  for (const el of Object.values(f)) el.addEventListener('input', () => callbacks.onDraft(draft()));
  const addForm = h(
    doc,
    'form',
    {
      class: 'box add-form',
      'aria-labelledby': id('add-h'),
      on: {
        submit: (e) => {
          e.preventDefault();
          addTyped();
        },
      },
    },
    h(doc, 'h3', { id: id('add-h'), text: 'Add a statement' }),
    h(
      doc,
      'div',
      { class: 'meta-grid' },
      field('Title', f.title),
      field('Speaker', f.speaker),
      field('Date', f.date),
      field('Language', f.language),
    ),
    h(doc, 'p', {
      id: id('date-help'),
      class: 'hint',
      text: 'Dates as YYYY, YYYY-MM or YYYY-MM-DD give the refrains a timeline.',
    }),
    h(doc, 'label', { for: id('new-text'), text: 'Text' }),
    f.text,
    h(
      doc,
      'div',
      { class: 'row' },
      h(doc, 'button', { type: 'submit', class: 'btn primary', text: 'Add statement' }),
      h(doc, 'span', { class: 'or', text: 'or' }),
      h(doc, 'label', { for: id('files'), class: 'btn file-label', text: 'Choose files…' }),
      fileInput,
    ),
    message,
  );
  fileInput.addEventListener('change', () => {
    addFiles([...fileInput.files]);
    fileInput.value = '';
  });

  // The list.
  const count = h(doc, 'h3', { id: id('list-h') });
  const list = h(doc, 'ol', { class: 'statement-list', 'aria-labelledby': id('list-h') });

  // Settings.
  const opt = {
    synonyms: h(doc, 'input', { type: 'checkbox', id: id('o-synonyms') }),
    spelling: h(doc, 'input', { type: 'checkbox', id: id('o-spelling') }),
    inflection: h(doc, 'input', { type: 'checkbox', id: id('o-inflection') }),
    min_words: h(doc, 'input', {
      type: 'number',
      id: id('o-min-words'),
      class: 'input short',
      min: '1',
      max: '50',
      step: '1',
    }),
    fuzzy_threshold: h(doc, 'input', {
      type: 'number',
      id: id('o-fuzzy'),
      class: 'input short',
      min: '0.05',
      max: '1',
      step: '0.05',
    }),
  };
  const readOptions = () => {
    const o = {};
    if (!opt.synonyms.checked) o.synonyms = false;
    if (!opt.spelling.checked) o.spelling = false;
    if (!opt.inflection.checked) o.inflection = false;
    const mw = Number(opt.min_words.value);
    if (Number.isInteger(mw) && mw >= 1 && mw <= 50 && mw !== 2) o.min_words = mw;
    const ft = Number(opt.fuzzy_threshold.value);
    if (ft > 0 && ft <= 1 && ft !== 0.75) o.fuzzy_threshold = ft;
    return o;
  };
  for (const el of Object.values(opt)) el.addEventListener('change', () => callbacks.onOptions(readOptions()));
  const settings = h(
    doc,
    'fieldset',
    { class: 'box settings' },
    h(doc, 'legend', { text: 'Comparison settings' }),
    check(opt.synonyms, 'Near-synonyms fill the same slot (true, genuine, real)'),
    check(opt.spelling, 'British and American spellings count as the same word'),
    check(opt.inflection, 'Ignore plural and third-person -s'),
    h(
      doc,
      'div',
      { class: 'row' },
      h(doc, 'label', { for: opt.min_words.id, text: 'Fewest content words in a refrain' }),
      opt.min_words,
    ),
    h(
      doc,
      'div',
      { class: 'row' },
      h(doc, 'label', { for: opt.fuzzy_threshold.id, text: 'Least similarity for a variant (0 to 1)' }),
      opt.fuzzy_threshold,
    ),
  );

  // Forget.
  const forgetBtn = h(doc, 'button', { type: 'button', class: 'btn danger', text: 'Forget my statements…' });
  const confirmBox = h(
    doc,
    'div',
    { class: 'confirm', hidden: true, role: 'group', 'aria-label': 'Confirm forgetting' },
    h(doc, 'p', {
      text: 'Remove every statement you added, your settings and your draft from this browser, and go back to the demo?',
    }),
    h(doc, 'button', {
      type: 'button',
      class: 'btn danger',
      text: 'Forget everything',
      on: {
        click: () => {
          confirmBox.hidden = true;
          forgetBtn.hidden = false;
          callbacks.onForget();
        },
      },
    }),
    ' ',
    h(doc, 'button', {
      type: 'button',
      class: 'btn',
      text: 'Keep them',
      on: {
        click: () => {
          confirmBox.hidden = true;
          forgetBtn.hidden = false;
          forgetBtn.focus();
        },
      },
    }),
  );
  forgetBtn.addEventListener('click', () => {
    forgetBtn.hidden = true;
    confirmBox.hidden = false;
    confirmBox.querySelector('button').focus();
  });
  const storeNote = h(doc, 'p', { class: 'hint' });
  const privacy = h(
    doc,
    'section',
    { class: 'box', 'aria-labelledby': id('priv-h') },
    h(doc, 'h3', { id: id('priv-h'), text: 'Kept in this browser only' }),
    storeNote,
    forgetBtn,
    confirmBox,
  );

  root.append(
    h(doc, 'h2', { class: 'visually-hidden', text: 'Statements' }),
    h(
      doc,
      'div',
      { class: 'statements-grid' },
      h(doc, 'div', {}, addForm, count, list),
      h(doc, 'div', {}, demoBox, settings, privacy),
    ),
  );

  // Drag and drop anywhere on the panel.
  root.addEventListener('dragover', (e) => {
    if (hasFiles(e)) {
      e.preventDefault();
      root.classList.add('dropping');
    }
  });
  root.addEventListener('dragleave', (e) => {
    if (e.target === root) root.classList.remove('dropping');
  });
  root.addEventListener('drop', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    root.classList.remove('dropping');
    addFiles([...e.dataTransfer.files]);
  });

  function hasFiles(e) {
    return e.dataTransfer && [...e.dataTransfer.types].includes('Files');
  }

  function field(label, input) {
    return h(doc, 'div', { class: 'field' }, h(doc, 'label', { for: input.id, text: label }), input);
  }
  function check(input, label) {
    return h(doc, 'div', { class: 'check' }, input, h(doc, 'label', { for: input.id, text: label }));
  }

  function addTyped() {
    const text = f.text.value;
    if (!text.trim()) {
      message.textContent = 'Type or paste a text first.';
      f.text.focus();
      return;
    }
    callbacks.onAdd([
      {
        title: f.title.value.trim() || null,
        speaker: f.speaker.value.trim() || null,
        date: f.date.value.trim() || null,
        language: f.language.value.trim() || null,
        text,
      },
    ]);
    for (const el of Object.values(f)) el.value = '';
    callbacks.onDraft(null);
    message.textContent = 'Statement added.';
  }

  async function addFiles(files) {
    const ok = [];
    const errors = [];
    for (const file of files) {
      try {
        const r = await readStatementFile(file, win.DOMParser);
        if (!r.text.trim()) throw new Error(`${file.name}: no text found`);
        ok.push({ title: r.title, speaker: null, date: null, language: r.language, text: r.text });
      } catch (e) {
        errors.push(e.message);
      }
    }
    if (ok.length) callbacks.onAdd(ok);
    message.textContent = [ok.length ? `${plural(ok.length, 'file')} added.` : '', ...errors].filter(Boolean).join(' ');
  }

  function renderList() {
    const active = doc.activeElement && root.contains(doc.activeElement) ? doc.activeElement.id : null;
    clear(list);
    const sts = data.statements;
    count.textContent = `${plural(sts.length, 'statement')} compared`;
    sts.forEach((st, i) => {
      const sid = (x) => id(`s-${st.id}-${x}`);
      const input = (key, label, cls = 'input') => {
        const el = h(doc, 'input', {
          id: sid(key),
          class: cls,
          autocomplete: 'off',
          props: { value: st[key] || '' },
          on: { input: (e) => callbacks.onUpdate(st.id, { [key]: e.target.value.trim() || null }) },
        });
        return h(doc, 'div', { class: 'field' }, h(doc, 'label', { for: el.id, text: label }), el);
      };
      const name = st.title || st.speaker || `Statement ${i + 1}`;
      const words = (st.text.match(/\S+/g) || []).length;
      const li = h(
        doc,
        'li',
        { class: 'statement', 'data-id': st.id },
        h(
          doc,
          'div',
          { class: 'statement-head' },
          h(doc, 'h4', { class: 'statement-name', text: `${i + 1}. ${statementLabel(st) || name}` }),
          h(doc, 'span', {
            class: ['tag', st.source === 'demo' ? 'tag-demo' : 'tag-user'],
            text: st.source === 'demo' ? 'demo' : 'yours',
          }),
          h(doc, 'span', { class: 'muted', text: ` ${plural(words, 'word')}` }),
          h(doc, 'span', { class: 'spacer' }),
          h(doc, 'button', {
            type: 'button',
            class: 'btn small',
            text: 'Read',
            'aria-label': `Read ${name}`,
            on: { click: () => callbacks.onRead(st.id) },
          }),
          h(doc, 'button', {
            type: 'button',
            class: 'btn small icon',
            id: sid('up'),
            text: '↑',
            title: 'Move up',
            'aria-label': `Move ${name} up`,
            disabled: i === 0,
            on: { click: () => callbacks.onMove(st.id, -1) },
          }),
          h(doc, 'button', {
            type: 'button',
            class: 'btn small icon',
            id: sid('down'),
            text: '↓',
            title: 'Move down',
            'aria-label': `Move ${name} down`,
            disabled: i === sts.length - 1,
            on: { click: () => callbacks.onMove(st.id, 1) },
          }),
          h(doc, 'button', {
            type: 'button',
            class: 'btn small danger',
            text: 'Remove',
            'aria-label': `Remove ${name}`,
            on: { click: () => callbacks.onRemove(st.id) },
          }),
        ),
        h(
          doc,
          'div',
          { class: 'meta-grid' },
          input('title', 'Title'),
          input('speaker', 'Speaker'),
          input('date', 'Date'),
          input('language', 'Language', 'input short'),
        ),
      );
      if (st.source !== 'demo') {
        const ta = h(doc, 'textarea', {
          id: sid('text'),
          class: 'input',
          rows: '6',
          spellcheck: 'false',
          props: { value: st.text },
          on: { input: (e) => callbacks.onUpdate(st.id, { text: e.target.value }) },
        });
        li.append(
          h(
            doc,
            'details',
            { class: 'edit-text' },
            h(doc, 'summary', { text: 'Edit text' }),
            h(doc, 'label', { for: ta.id, class: 'visually-hidden', text: `Text of ${name}` }),
            ta,
          ),
        );
      } else {
        const excerpt = st.text.slice(0, 160).replace(/\s+/g, ' ');
        li.append(h(doc, 'p', { class: 'excerpt', text: `${excerpt}${st.text.length > 160 ? '…' : ''}` }));
      }
      list.append(li);
    });
    if (active) {
      const el = root.querySelector(`#${CSS.escape(active)}`);
      if (el) el.focus();
    }
  }

  return {
    /** data: {statements, demoSets, demoSet, options, draft, storedIn} */
    update(next) {
      const first = data === null;
      data = next;
      if (first || demoSelect.options.length !== next.demoSets.length) {
        clear(demoSelect);
        for (const s of next.demoSets) demoSelect.append(h(doc, 'option', { value: s.id, text: s.label || s.title }));
      }
      demoSelect.value = next.demoSet || next.demoSets[0]?.id || '';
      const o = next.options || {};
      opt.synonyms.checked = o.synonyms !== false;
      opt.spelling.checked = o.spelling !== false;
      opt.inflection.checked = o.inflection !== false;
      opt.min_words.value = String(o.min_words ?? 2);
      opt.fuzzy_threshold.value = String(o.fuzzy_threshold ?? 0.75);
      if (first && next.draft) for (const k of Object.keys(f)) f[k].value = next.draft[k] || '';
      storeNote.textContent = `Statements you add, edit or drop are analysed on this device and saved in this browser${next.storedIn ? ` (${next.storedIn === 'indexeddb' ? 'IndexedDB' : 'localStorage'})` : ''}, so a reload keeps them. Nothing is uploaded.`;
      renderList();
    },
    message(text) {
      message.textContent = text;
    },
    clearDraft() {
      for (const el of Object.values(f)) el.value = '';
    },
  };
}
