// Find a phrase and its variants: a search box and keyword-in-context lines with the match aligned,
// ranked by score; each line links to its place in the reader.

import { clear, familyClasses, h, pct, statementLabel } from './util.js';

/**
 * @param {Element} root
 * @param {object} L  The labels (labels.js).
 * @param {{onSearch: (q: string) => void, onGo: (index: number) => void, onRead: (id: string) => void,
 *   suggestions?: string[]}} opts  `suggestions`: phrases offered under the box ("Try: …").
 */
export function createSearch(root, L, opts) {
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
  const table = h(doc, 'table', { class: 'kwic', part: 'hits', hidden: true });
  root.append(h(doc, 'h2', { class: 'visually-hidden', text: L.findPhrase }), form, summary, table);

  function render(result, statements, model) {
    clear(table);
    if (!result) {
      table.hidden = true;
      summary.textContent = '';
      return;
    }
    const occ = result.occurrences || [];
    const docs = new Set(occ.map((o) => o.doc));
    summary.textContent = occ.length
      ? L.foundFor(result.total ?? occ.length, docs.size, result.query, occ.length)
      : L.nothingFound(result.query);
    table.hidden = !occ.length;
    if (!occ.length) return;
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
    occ.forEach((o, i) => {
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
