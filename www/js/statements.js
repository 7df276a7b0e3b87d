// Bring statements: demo sets, paste or type a statement, drop or pick .txt/.md/.html files (with
// their .json sidecars, or a .json or .csv list of many statements); give each a title, speaker,
// date and group, or set them for many statements at once (select, then edit); rename, reorder,
// remove; switch between workspaces; engine settings; forget everything.
// Everything stays in the browser. User text is only ever set as text or as form values.
// The page acknowledges a change ("Statement added.") once it is stored: the callbacks that store
// return promises, and this view waits for them.

import { h, clear, plural, statementLabel } from './util.js';
import { readStatementFiles } from './files.js';
import { LIMITS, SETTINGS, sizesText, utf8Bytes } from './limits.js';
import { MINE } from './storage.js';

const META = ['title', 'speaker', 'date', 'language', 'group'];
const LABELS = { title: 'Title', speaker: 'Speaker', date: 'Date', language: 'Language', group: 'Group' };

/** Whether a statement has a date the timeline can place (YYYY, YYYY-MM or YYYY-MM-DD first). */
export function isDated(st) {
  return /^\d{4}(?:-\d{2}(?:-\d{2})?)?\b/.test(String(st.date || '').trim());
}

/** "4 undated statements are not in the timeline." (null when every statement is dated). */
export function undatedNote(statements) {
  const n = statements.filter((st) => !isDated(st)).length;
  if (!n) return null;
  if (n === statements.length) return 'No statement has a date, so the refrains have no timeline.';
  return `${plural(n, 'undated statement')} ${n === 1 ? 'is' : 'are'} not in the timeline.`;
}

/**
 * @param {Element} root
 * @param {object} callbacks  onAdd(list) -> Promise<{added, refused: string[]}>,
 *   onUpdate(id, patch) -> Promise<string|null> (why the change was refused), onBulk(ids, patch),
 *   onMove(id, delta), onRemove(ids), onLoadDemo(setId), onOptions(options), onForget(),
 *   onDraft(draft), onRead(id), onSignature(id), onWorkspace(id), onDropWorkspace(id)
 */
export function createStatements(root, callbacks) {
  const doc = root.ownerDocument;
  const win = doc.defaultView;
  const pid = root.id || 'statements';
  const id = (x) => `${pid}-${x}`;
  let data = null;
  const picked = new Set(); // the ids of the selected statements

  // Workspaces.
  const wsSelect = h(doc, 'select', { id: id('ws'), class: 'input' });
  const wsDrop = h(doc, 'button', {
    type: 'button',
    class: 'btn danger',
    text: 'Delete this workspace',
    on: { click: () => callbacks.onDropWorkspace(data.wsId) },
  });
  const wsBox = h(
    doc,
    'fieldset',
    { class: 'box workspaces' },
    h(doc, 'legend', { text: 'Workspaces' }),
    h(
      doc,
      'div',
      { class: 'row' },
      h(doc, 'label', { for: wsSelect.id, text: 'Open' }),
      wsSelect,
      h(doc, 'button', {
        type: 'button',
        class: 'btn',
        text: 'Open',
        on: { click: () => callbacks.onWorkspace(wsSelect.value) },
      }),
    ),
    h(doc, 'p', {
      class: 'hint',
      text: 'Each workspace keeps its own statements and settings. A shared link you edit or keep becomes a workspace of its own; your statements stay in “My statements”.',
    }),
    wsDrop,
  );

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
  const input = (key, extra = {}) =>
    h(doc, 'input', { id: id(`new-${key}`), class: 'input', autocomplete: 'off', ...extra });
  const f = {
    title: input('title'),
    speaker: input('speaker'),
    date: input('date', { placeholder: 'YYYY-MM-DD', 'aria-describedby': id('date-help') }),
    language: input('language', { class: 'input short', placeholder: 'en' }),
    group: input('group', { 'aria-describedby': id('group-help') }),
    text: h(doc, 'textarea', {
      id: id('new-text'),
      class: 'input',
      rows: '7',
      spellcheck: 'false',
      placeholder:
        'Paste or type a statement here, or drop .txt, .md or .html files on this panel (with their .json sidecars, or a .csv or .json list of statements).',
    }),
  };
  const fileInput = h(doc, 'input', {
    type: 'file',
    id: id('files'),
    class: 'file',
    multiple: true,
    accept: '.txt,.md,.markdown,.html,.htm,.json,.csv,text/plain,text/markdown,text/html,application/json,text/csv',
  });
  const message = h(doc, 'p', { class: 'message', role: 'status', 'aria-live': 'polite' });
  const draft = () => Object.fromEntries(Object.entries(f).map(([k, el]) => [k, el.value]));
  for (const el of Object.values(f)) el.addEventListener('input', () => callbacks.onDraft(draft()));
  f.text.addEventListener('input', () => {
    const tooBig = tooLarge(f.text.value, f.title.value.trim() || 'This statement');
    if (tooBig) message.textContent = tooBig;
  });
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
    h(doc, 'div', { class: 'meta-grid' }, ...META.map((k) => field(LABELS[k], f[k]))),
    h(doc, 'p', {
      id: id('date-help'),
      class: 'hint',
      text: 'Dates as YYYY, YYYY-MM or YYYY-MM-DD give the refrains a timeline.',
    }),
    h(doc, 'p', {
      id: id('group-help'),
      class: 'hint',
      text: 'A group (a bloc, a side, any label) lets you show only its statements in the reader, the refrains and the search.',
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
    h(doc, 'p', {
      class: 'hint',
      text: 'A file’s metadata comes with it: USA_76_2021.json beside USA_76_2021.txt (title, speaker, date, language, country or group), or a .csv or .json list with a “file” or “text” column and the same fields.',
    }),
    message,
  );
  fileInput.addEventListener('change', () => {
    addFiles([...fileInput.files]);
    fileInput.value = '';
  });

  // Many at once.
  const bulk = {
    speaker: h(doc, 'input', { id: id('bulk-speaker'), class: 'input', autocomplete: 'off' }),
    date: h(doc, 'input', { id: id('bulk-date'), class: 'input', autocomplete: 'off', placeholder: 'YYYY-MM-DD' }),
    group: h(doc, 'input', { id: id('bulk-group'), class: 'input', autocomplete: 'off' }),
  };
  const pickedCount = h(doc, 'span', { class: 'muted', 'aria-live': 'polite' });
  const applyBtn = h(doc, 'button', {
    type: 'button',
    class: 'btn',
    text: 'Apply to the selected',
    on: { click: () => applyBulk() },
  });
  const removeBtn = h(doc, 'button', {
    type: 'button',
    class: 'btn danger',
    text: 'Remove the selected',
    on: { click: () => removeBulk() },
  });
  const selectBtn = (text, which) =>
    h(doc, 'button', { type: 'button', class: 'btn small', text, on: { click: () => selectWhich(which) } });
  const bulkBox = h(
    doc,
    'fieldset',
    { class: 'box bulk' },
    h(doc, 'legend', { text: 'Edit many at once' }),
    h(
      doc,
      'div',
      { class: 'row' },
      h(doc, 'span', { text: 'Select' }),
      selectBtn('All', 'all'),
      selectBtn('None', 'none'),
      selectBtn('Undated', 'undated'),
      selectBtn('Yours', 'user'),
      pickedCount,
    ),
    h(
      doc,
      'div',
      { class: 'meta-grid bulk-grid' },
      field('Speaker', bulk.speaker),
      field('Date', bulk.date),
      field('Group', bulk.group),
    ),
    h(doc, 'p', { class: 'hint', text: 'Fields left empty are not changed.' }),
    h(doc, 'div', { class: 'row' }, applyBtn, removeBtn),
  );

  // The list.
  const count = h(doc, 'h3', { id: id('list-h') });
  const undated = h(doc, 'p', { class: 'hint undated', hidden: true });
  const list = h(doc, 'ol', { class: 'statement-list', 'aria-labelledby': id('list-h') });

  // Settings.
  const opt = {};
  const settingRows = [];
  const BOOL_LABELS = {
    synonyms: 'Near-synonyms fill the same slot (true, genuine, real)',
    spelling: 'British and American spellings count as the same word',
    inflection: 'Ignore plural and third-person -s',
  };
  const NUM_LABELS = {
    min_words: 'Fewest content words in a refrain',
    fuzzy_threshold: 'Least similarity for a variant (0 to 1)',
    max_families: 'Most refrains shown',
  };
  for (const [name, s] of Object.entries(SETTINGS)) {
    const oid = id(`o-${name.replace(/_/g, '-')}`);
    if (s.kind === 'boolean') {
      opt[name] = h(doc, 'input', { type: 'checkbox', id: oid });
      settingRows.push(check(opt[name], BOOL_LABELS[name]));
    } else {
      opt[name] = h(doc, 'input', {
        type: 'number',
        id: oid,
        class: 'input short',
        min: String(s.min),
        max: String(s.max),
        step: s.kind === 'integer' ? '1' : '0.05',
      });
      settingRows.push(
        h(doc, 'div', { class: 'row' }, h(doc, 'label', { for: oid, text: NUM_LABELS[name] }), opt[name]),
      );
    }
  }
  const readOptions = () => {
    const o = {};
    for (const [name, s] of Object.entries(SETTINGS)) {
      if (s.kind === 'boolean') {
        if (opt[name].checked !== s.default) o[name] = opt[name].checked;
        continue;
      }
      const v = Number(opt[name].value);
      const ok = Number.isFinite(v) && v >= s.min && v <= s.max && (s.kind !== 'integer' || Number.isInteger(v));
      if (ok && v !== s.default) o[name] = v;
    }
    return o;
  };
  for (const el of Object.values(opt)) el.addEventListener('change', () => callbacks.onOptions(readOptions()));
  const settings = h(
    doc,
    'fieldset',
    { class: 'box settings' },
    h(doc, 'legend', { text: 'Comparison settings' }),
    ...settingRows,
  );

  // Forget.
  const forgetBtn = h(doc, 'button', { type: 'button', class: 'btn danger', text: 'Forget my statements…' });
  const confirmBox = h(
    doc,
    'div',
    { class: 'confirm', hidden: true, role: 'group', 'aria-label': 'Confirm forgetting' },
    h(doc, 'p', {
      text: 'Remove every statement you added, in every workspace, your settings and your draft from this browser, and go back to the demo?',
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
      h(doc, 'div', {}, addForm, count, undated, bulkBox, list),
      h(doc, 'div', {}, wsBox, demoBox, settings, privacy),
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

  function field(label, el) {
    return h(doc, 'div', { class: 'field' }, h(doc, 'label', { for: el.id, text: label }), el);
  }
  function check(el, label) {
    return h(doc, 'div', { class: 'check' }, el, h(doc, 'label', { for: el.id, text: label }));
  }

  /** Why `text` cannot be a statement (too large), or null. */
  function tooLarge(text, name) {
    const bytes = utf8Bytes(text);
    if (bytes <= LIMITS.statementBytes) return null;
    const [has, most] = sizesText(bytes, LIMITS.statementBytes);
    return `“${name}” has ${has} of text; a statement may have at most ${most}.`;
  }

  async function addTyped() {
    const text = f.text.value;
    if (!text.trim()) {
      message.textContent = 'Type or paste a text first.';
      f.text.focus();
      return;
    }
    const st = { text };
    for (const k of META) st[k] = f[k].value.trim() || null;
    message.textContent = 'Adding…';
    const r = await callbacks.onAdd([st]);
    if (!r.added) {
      message.textContent = r.refused.join(' ');
      return;
    }
    for (const el of Object.values(f)) el.value = '';
    await callbacks.onDraft(null);
    message.textContent = 'Statement added.';
  }

  async function addFiles(files) {
    message.textContent = `Reading ${plural(files.length, 'file')}…`;
    const { statements, errors } = await readStatementFiles(files, win.DOMParser, data.room);
    const r = statements.length ? await callbacks.onAdd(statements) : { added: 0, refused: [] };
    const fromFiles = statements.every((st) => !st.listed);
    const added = r.added ? `${plural(r.added, fromFiles ? 'file' : 'statement')} added.` : '';
    message.textContent = [added, ...errors, ...r.refused].filter(Boolean).join(' ');
  }

  function selectWhich(which) {
    picked.clear();
    for (const st of data.statements) {
      if (which === 'all' || (which === 'undated' && !isDated(st)) || (which === 'user' && st.source !== 'demo'))
        picked.add(st.id);
    }
    renderList();
  }

  async function applyBulk() {
    const patch = {};
    for (const [k, el] of Object.entries(bulk)) if (el.value.trim()) patch[k] = el.value.trim();
    if (!picked.size || !Object.keys(patch).length) {
      message.textContent = picked.size
        ? 'Type a speaker, a date or a group to set first.'
        : 'Select the statements to change first.';
      return;
    }
    const n = picked.size;
    message.textContent = 'Saving…';
    await callbacks.onBulk([...picked], patch);
    for (const el of Object.values(bulk)) el.value = '';
    message.textContent = `${Object.keys(patch)
      .map((k) => LABELS[k].toLowerCase())
      .join(', ')} set for ${plural(n, 'statement')}.`;
  }

  async function removeBulk() {
    if (!picked.size) {
      message.textContent = 'Select the statements to remove first.';
      return;
    }
    const ids = [...picked];
    picked.clear();
    await callbacks.onRemove(ids);
    message.textContent = `${plural(ids.length, 'statement')} removed.`;
  }

  function renderList() {
    const active = doc.activeElement && root.contains(doc.activeElement) ? doc.activeElement.id : null;
    clear(list);
    const sts = data.statements;
    for (const pidv of [...picked]) if (!sts.some((st) => st.id === pidv)) picked.delete(pidv);
    count.textContent = `${plural(sts.length, 'statement')} compared`;
    const note = undatedNote(sts);
    undated.hidden = !note;
    undated.textContent = note ? `${note} Select them with “Undated” below and give them a date.` : '';
    pickedCount.textContent = picked.size ? `${picked.size} selected` : 'none selected';
    applyBtn.disabled = removeBtn.disabled = !picked.size;
    sts.forEach((st, i) => {
      const sid = (x) => id(`s-${st.id}-${x}`);
      const metaInput = (key, cls = 'input') => {
        const el = h(doc, 'input', {
          id: sid(key),
          class: cls,
          autocomplete: 'off',
          props: { value: st[key] || '' },
          on: { input: (e) => callbacks.onUpdate(st.id, { [key]: e.target.value.trim() || null }) },
        });
        return h(doc, 'div', { class: 'field' }, h(doc, 'label', { for: el.id, text: LABELS[key] }), el);
      };
      const name = st.title || st.speaker || `Statement ${i + 1}`;
      const words = (st.text?.match(/\S+/g) || []).length;
      const pick = h(doc, 'input', {
        type: 'checkbox',
        id: sid('pick'),
        class: 'pick',
        'aria-label': `Select ${name}`,
        props: { checked: picked.has(st.id) },
        on: {
          change: (e) => {
            if (e.target.checked) picked.add(st.id);
            else picked.delete(st.id);
            pickedCount.textContent = picked.size ? `${picked.size} selected` : 'none selected';
            applyBtn.disabled = removeBtn.disabled = !picked.size;
          },
        },
      });
      const li = h(
        doc,
        'li',
        { class: 'statement', 'data-id': st.id },
        h(
          doc,
          'div',
          { class: 'statement-head' },
          pick,
          h(doc, 'h4', { class: 'statement-name', text: `${i + 1}. ${statementLabel(st) || name}` }),
          h(doc, 'span', {
            class: ['tag', st.source === 'demo' ? 'tag-demo' : 'tag-user'],
            text: st.source === 'demo' ? 'demo' : 'yours',
          }),
          h(doc, 'span', { class: 'muted', text: ` ${plural(words, 'word')}` }),
          isDated(st) ? null : h(doc, 'span', { class: 'tag tag-undated', text: 'undated' }),
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
            class: 'btn small',
            text: 'Signature formulas',
            title: 'The refrains this statement uses much more than the others do',
            'aria-label': `Signature formulas of ${name}: the refrains it uses much more than the others`,
            on: { click: () => callbacks.onSignature(st.id) },
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
            on: { click: () => callbacks.onRemove([st.id]) },
          }),
        ),
        h(
          doc,
          'div',
          { class: 'meta-grid' },
          metaInput('title'),
          metaInput('speaker'),
          metaInput('date'),
          metaInput('language', 'input short'),
          metaInput('group'),
        ),
      );
      if (st.source !== 'demo') {
        const ta = h(doc, 'textarea', {
          id: sid('text'),
          class: 'input',
          rows: '6',
          spellcheck: 'false',
          props: { value: st.text },
          on: {
            input: async (e) => {
              const why = await callbacks.onUpdate(st.id, { text: e.target.value });
              if (why) {
                message.textContent = why;
                e.target.value = st.text;
              }
            },
          },
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
      } else if (typeof st.text === 'string') {
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
    /**
     * data: {statements, demoSets, demoSet, options, draft, storedIn, workspaces: [{id, name}],
     * wsId (null while a shared link is shown unsaved), room: {statements, bytes}}
     */
    update(next) {
      const first = data === null;
      const otherWorkspace = !first && data.wsId !== next.wsId;
      data = next;
      if (first || demoSelect.options.length !== next.demoSets.length) {
        clear(demoSelect);
        for (const s of next.demoSets) demoSelect.append(h(doc, 'option', { value: s.id, text: s.label || s.title }));
      }
      demoSelect.value = next.demoSet || next.demoSets[0]?.id || '';
      const o = next.options || {};
      for (const [name, s] of Object.entries(SETTINGS)) {
        if (s.kind === 'boolean') opt[name].checked = (o[name] ?? s.default) !== false;
        else opt[name].value = String(o[name] ?? s.default);
      }
      if (first || otherWorkspace) for (const k of Object.keys(f)) f[k].value = next.draft?.[k] || '';
      const wss = next.workspaces || [];
      clear(wsSelect);
      for (const w of wss) wsSelect.append(h(doc, 'option', { value: w.id, text: w.name }));
      if (next.wsId) wsSelect.value = next.wsId;
      wsBox.hidden = wss.length < 2;
      wsDrop.hidden = !next.wsId || next.wsId === MINE;
      storeNote.textContent = next.wsId
        ? `Statements you add, edit or drop are analysed on this device and saved in this browser${next.storedIn ? ` (${next.storedIn === 'indexeddb' ? 'IndexedDB' : 'localStorage'})` : ''} as soon as you make them, so a reload keeps them. Nothing is uploaded.`
        : 'You are looking at a shared link: nothing is saved until you keep it or change something, and then it becomes a workspace of its own beside yours.';
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
