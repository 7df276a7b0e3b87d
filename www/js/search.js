// Find a phrase and its variants: a search box and keyword-in-context lines with the match aligned,
// ranked by score (or by date); each line links to its place in the reader. Beside the lines, with
// `summaries`, the places counted per year (a bar chart), per speaker and per group, a group's
// "show only" button, and the summary's CSV export.

import { GROUP_KINDS, groupsOf } from './groups.js';
import { withViewLabels } from './labels-views.js';
import { clear, familyClasses, h, pct, statementLabel } from './util.js';

/**
 * The places of `occurrences` counted per group of `statements` (groupsOf: group, speaker, country,
 * year), groups with none left out: [{key, kind, name, places, statements}], kind by kind, most
 * places first, then by name. A statement with no speaker (or date) counts in no speaker (year).
 */
export function searchSummary(occurrences, statements) {
  const places = new Map();
  for (const o of occurrences) places.set(o.doc, (places.get(o.doc) || 0) + 1);
  const rows = [];
  for (const { kind } of GROUP_KINDS) {
    const of = [];
    for (const g of groupsOf(statements).filter((x) => x.kind === kind)) {
      const ids = g.ids.filter((id) => places.has(id));
      if (!ids.length) continue;
      const n = ids.reduce((a, id) => a + places.get(id), 0);
      of.push({ key: g.key, kind, name: g.name, places: n, statements: ids.length });
    }
    // Years read as a timeline, oldest first; the others most places first.
    if (kind !== 'year')
      of.sort((a, b) => b.places - a.places || a.name.localeCompare(b.name, 'en', { numeric: true }));
    rows.push(...of);
  }
  return rows;
}

/** The sortable date of a statement ("" when it has none, sorted last). */
const dateOf = (st) => String(st?.date || '').trim();

/**
 * @param {Element} root
 * @param {object} given  The labels (labels.js; the summary's English is in labels-views.js).
 * @param {{onSearch: (q: string) => void, onGo: (index: number) => void, onRead: (id: string) => void,
 *   suggestions?: string[], summaries?: boolean, onFilter?: (key: string) => void,
 *   onExport?: (query: string, rows: object[]) => void}} opts  `suggestions`: phrases offered under the
 *   box ("Try: …"); `summaries`: counts beside the lines and the order control; `onFilter(groupKey)`: a
 *   group's "show only"; `onExport(query, rows)`: the summary's CSV (rows of `searchSummary`).
 */
export function createSearch(root, given, opts) {
  const L = withViewLabels(given);
  const doc = root.ownerDocument;
  const inputId = `${root.id || 'search'}-q`;
  const input = h(doc, 'input', {
    type: 'search',
    id: inputId,
    name: 'q',
    class: 'input wide',
    part: 'search-input',
    autocomplete: 'off',
    spellcheck: 'false',
    enterkeyhint: 'search',
    placeholder: L.searchPlaceholder,
    'aria-describedby': `${inputId}-help`,
  });
  const form = h(
    doc,
    'form',
    {
      class: 'search-form',
      part: 'search',
      role: 'search',
      'aria-label': L.findPhrase,
      on: {
        submit: (e) => {
          e.preventDefault();
          opts.onSearch(input.value.trim());
        },
      },
    },
    h(doc, 'label', { for: inputId, text: L.findLabel }),
    h(
      doc,
      'div',
      { class: 'row' },
      input,
      h(doc, 'button', { type: 'submit', class: 'btn primary', part: 'button', text: L.find }),
    ),
    h(doc, 'p', { id: `${inputId}-help`, class: 'hint', text: L.findHelp }),
  );
  const tries = opts.suggestions || [];
  if (tries.length) {
    form.append(
      h(
        doc,
        'p',
        { class: 'tries' },
        `${L.tryThese} `,
        tries.map((q, i) => [
          i ? ' · ' : '',
          h(doc, 'button', {
            type: 'button',
            class: 'link',
            text: q,
            on: {
              click: () => {
                input.value = q;
                opts.onSearch(q);
              },
            },
          }),
        ]),
      ),
    );
  }
  const summary = h(doc, 'p', { class: 'summary', role: 'status', 'aria-live': 'polite' });
  const noExact = h(doc, 'p', { class: 'no-exact', hidden: true, text: L.noExactMatch });
  const table = h(doc, 'table', { class: 'kwic', part: 'hits', hidden: true });
  let order = 'score';
  let last = null;
  const orderSel = h(
    doc,
    'select',
    {
      id: `${inputId}-order`,
      class: 'input',
      on: {
        change: () => {
          order = orderSel.value;
          if (last) render(...last);
        },
      },
    },
    h(doc, 'option', { value: 'score', text: L.orderBest }),
    h(doc, 'option', { value: 'date', text: L.orderDate }),
  );
  const tools = h(
    doc,
    'p',
    { class: 'search-tools', hidden: true },
    h(doc, 'label', { for: orderSel.id, text: L.orderLabel }),
    ' ',
    orderSel,
  );
  const side = h(doc, 'aside', { class: 'search-summary', 'aria-label': L.summaryTitle, hidden: true });
  const results = opts.summaries
    ? h(doc, 'div', { class: 'search-results' }, h(doc, 'div', { class: 'search-lines' }, tools, table), side)
    : table;
  root.append(h(doc, 'h2', { class: 'visually-hidden', text: L.findPhrase }), form, summary, noExact, results);

  function render(result, statements, model) {
    last = [result, statements, model];
    clear(table);
    clear(side);
    const occ = result?.occurrences || [];
    table.hidden = !occ.length;
    side.hidden = tools.hidden = !occ.length || !opts.summaries;
    noExact.hidden = !occ.length || result.exact !== false;
    if (!result) {
      summary.textContent = '';
      return;
    }
    const docs = new Set(occ.map((o) => o.doc));
    summary.textContent = occ.length
      ? L.foundFor(result.total ?? occ.length, docs.size, result.query, occ.length)
      : L.nothingFound(result.query);
    if (!occ.length) return;
    if (opts.summaries) renderSummary(result, statements);
    table.append(
      h(doc, 'caption', { class: 'visually-hidden', text: L.kwicCaption(result.query) }),
      h(
        doc,
        'thead',
        {},
        h(
          doc,
          'tr',
          {},
          h(doc, 'th', { scope: 'col', text: L.score }),
          h(doc, 'th', { scope: 'col', text: L.statement }),
          h(doc, 'th', { scope: 'col', class: 'k-before', text: L.before }),
          h(doc, 'th', { scope: 'col', class: 'k-match', text: L.match }),
          h(doc, 'th', { scope: 'col', class: 'k-after', text: L.after }),
        ),
      ),
    );
    const body = h(doc, 'tbody');
    const byId = new Map(statements.map((st) => [st.id, st]));
    // By date: oldest first, undated last, best first within a date (the index stays the hit's own).
    const lines = occ.map((o, i) => [o, i]);
    if (order === 'date') {
      const key = (o) => dateOf(byId.get(o.doc)) || '\uffff';
      lines.sort((a, b) => (key(a[0]) < key(b[0]) ? -1 : key(a[0]) > key(b[0]) ? 1 : a[1] - b[1]));
    }
    lines.forEach(([o, i]) => {
      const name = statementLabel(byId.get(o.doc) || { id: o.doc });
      const match = h(doc, 'button', {
        type: 'button',
        class: 'k-go',
        part: 'occurrence',
        title: L.showInReader,
        'data-family': o.family || '',
        'aria-label': L.goToMatch(o.text, name),
        on: { click: () => opts.onGo(i) },
      });
      explain(match, o);
      const fam = o.family && model?.family(o.family);
      body.append(
        h(
          doc,
          'tr',
          { 'data-doc': o.doc },
          h(doc, 'td', { class: 'k-score', text: pct(o.score) }),
          h(
            doc,
            'td',
            { class: 'k-doc' },
            name,
            fam
              ? [
                  ' ',
                  h(doc, 'button', {
                    type: 'button',
                    class: ['fam-tag', ...familyClasses(model.rank(fam.id))],
                    'data-family': fam.id,
                    title: L.partOf(fam.id, fam.root),
                    text: fam.id,
                    on: { click: () => opts.onRead(fam.id) },
                  }),
                ]
              : null,
            // Found through the bilingual lexicon: the query's phrase it translates.
            o.translation
              ? [
                  ' ',
                  h(doc, 'span', {
                    class: 'tr-of',
                    text: L.translationOf(
                      o.translation.language === 'en' ? o.translation.entry_zh : o.translation.entry_en,
                    ),
                  }),
                ]
              : null,
          ),
          h(doc, 'td', { class: 'k-before' }, h(doc, 'span', { text: trimBefore(o.before || '') })),
          h(doc, 'td', { class: 'k-match' }, match),
          h(doc, 'td', { class: 'k-after' }, h(doc, 'span', { text: trimAfter(o.after || '') })),
        ),
      );
    });
    table.append(body);
  }

  /** A bar `percent` wide (set through the CSSOM: the page's CSP allows no style attribute). */
  function bar(percent) {
    const el = h(doc, 'span', { class: 'yb-bar' });
    el.style.inlineSize = `${percent}%`;
    return el;
  }

  /** Counts per year (bars), per speaker and per group, beside the lines; a group can be shown alone. */
  function renderSummary(result, statements) {
    const rows = searchSummary(result.occurrences, statements);
    side.append(h(doc, 'h3', { text: L.summaryTitle }));
    const years = rows.filter((r) => r.kind === 'year');
    if (years.length) {
      const most = Math.max(...years.map((r) => r.places));
      side.append(
        h(doc, 'h4', { text: L.perYear }),
        h(
          doc,
          'ul',
          { class: 'year-bars', 'aria-label': L.perYear },
          years.map((r) =>
            h(
              doc,
              'li',
              { 'data-key': r.key },
              h(doc, 'span', { class: 'yb-name', text: r.name }),
              bar((100 * r.places) / most),
              h(doc, 'span', { class: 'yb-n', text: String(r.places) }),
            ),
          ),
        ),
      );
    }
    const dated = new Set(statements.filter((st) => dateOf(st)).map((st) => st.id));
    const undated = result.occurrences.filter((o) => !dated.has(o.doc)).length;
    if (undated) side.append(h(doc, 'p', { class: 'hint', text: L.undatedPlaces(undated) }));
    for (const { kind, label } of GROUP_KINDS) {
      if (kind === 'year') continue;
      const of = rows.filter((r) => r.kind === kind);
      if (!of.length) continue;
      side.append(
        h(
          doc,
          'table',
          { class: 'counts', 'data-kind': kind },
          h(doc, 'caption', {
            text: { speaker: L.perSpeaker, country: L.perCountry, group: L.perGroup }[kind] || label,
          }),
          h(
            doc,
            'thead',
            {},
            h(
              doc,
              'tr',
              {},
              h(doc, 'th', { scope: 'col', text: L.groupName }),
              h(doc, 'th', { scope: 'col', text: L.places }),
              opts.onFilter ? h(doc, 'th', { scope: 'col', class: 'visually-hidden', text: L.showOnly }) : null,
            ),
          ),
          h(
            doc,
            'tbody',
            {},
            of.map((r) =>
              h(
                doc,
                'tr',
                { 'data-key': r.key },
                h(doc, 'th', { scope: 'row', text: r.name }),
                h(doc, 'td', { class: 'n', text: String(r.places) }),
                opts.onFilter
                  ? h(
                      doc,
                      'td',
                      {},
                      h(doc, 'button', {
                        type: 'button',
                        class: 'link',
                        text: L.showOnly,
                        'aria-label': L.showOnlyGroup(r.name),
                        on: { click: () => opts.onFilter(r.key) },
                      }),
                    )
                  : null,
              ),
            ),
          ),
        ),
      );
    }
    if (opts.onExport)
      side.append(
        h(doc, 'button', {
          type: 'button',
          class: 'btn',
          text: L.exportSummary,
          on: { click: () => opts.onExport(result.query, rows) },
        }),
      );
  }

  // The context is cut at a character count: drop a word cut in half at the far end, and line breaks.
  function trimBefore(t) {
    const x = t.length >= 50 ? t.replace(/^\S*\s+/, '… ') : t;
    return x.replace(/\s+/g, ' ');
  }
  function trimAfter(t) {
    const x = t.length >= 50 ? t.replace(/\s+\S*$/, ' …') : t;
    return x.replace(/\s+/g, ' ');
  }

  /** The match with each word marked by how it relates to the query's words. */
  function explain(el, o) {
    const words = (o.explanation || []).filter((e) => e.op !== 'delete' && e.text);
    if (!words.length) {
      el.append(o.text);
      return;
    }
    // Rebuild from the original text so punctuation and spacing stay as written.
    let pos = o.start;
    const text = o.text;
    const bytes = new TextEncoder().encode(text);
    const dec = new TextDecoder();
    const sorted = words.filter((w) => w.start !== undefined && w.start !== null).sort((a, b) => a.start - b.start);
    if (sorted.length !== words.length) {
      el.append(text);
      return;
    }
    for (const w of sorted) {
      const a = w.start - o.start;
      const b = w.end - o.start;
      if (a < pos - o.start || b > bytes.length) continue;
      if (a > pos - o.start) el.append(dec.decode(bytes.subarray(pos - o.start, a)));
      const t = dec.decode(bytes.subarray(a, b));
      el.append(
        w.op === 'equal'
          ? h(doc, 'strong', { text: t })
          : h(doc, 'span', {
              class: w.op === 'variant' ? 'w-variant' : 'w-change',
              title: L.wordTitle(w.op, w.reference),
              text: t,
            }),
      );
      pos = w.end;
    }
    if (pos - o.start < bytes.length) el.append(dec.decode(bytes.subarray(pos - o.start)));
  }

  return {
    update({ result, statements, model, query }) {
      if (query !== undefined && root.getRootNode().activeElement !== input) input.value = query || '';
      render(result, statements, model);
    },
    setBusy(busy) {
      form.setAttribute('aria-busy', String(!!busy));
    },
    get value() {
      return input.value.trim();
    },
    set value(v) {
      input.value = v;
    },
  };
}
