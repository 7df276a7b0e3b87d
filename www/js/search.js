// Find a phrase and its variants: a search box and keyword-in-context lines with the match aligned,
// ranked by score; each line links to its place in the reader.

import { h, clear, pct, plural, familyClasses, statementLabel } from './util.js';

/**
 * @param {Element} root
 * @param {{onSearch:(q:string)=>void, onGo:(index:number)=>void, onFamily:(id:string)=>void}} callbacks
 */
export function createSearch(root, callbacks) {
  const doc = root.ownerDocument;
  const inputId = `${root.id || 'search'}-q`;
  const input = h(doc, 'input', { type: 'search', id: inputId, name: 'q', class: 'input wide', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'genuine multilateralism', 'aria-describedby': `${inputId}-help` });
  const form = h(doc, 'form', { class: 'search-form', role: 'search', 'aria-label': 'Find a phrase', on: { submit: (e) => { e.preventDefault(); callbacks.onSearch(input.value.trim()); } } },
    h(doc, 'label', { for: inputId, text: 'Find a phrase and its variants' }),
    h(doc, 'div', { class: 'row' }, input, h(doc, 'button', { type: 'submit', class: 'btn primary', text: 'Find' })),
    h(doc, 'p', { id: `${inputId}-help`, class: 'hint', text: 'Finds every place where the phrase or a variant of it occurs (other spellings, inflections, near-synonyms such as true, genuine, real), best first.' }));
  const tries = h(doc, 'p', { class: 'tries' }, 'Try: ',
    ['genuine multilateralism', 'win-win cooperation', 'sovereignty and territorial integrity', 'reform of the Security Council'].map((q, i) => [i ? ' · ' : '',
      h(doc, 'button', { type: 'button', class: 'link', text: q, on: { click: () => { input.value = q; callbacks.onSearch(q); } } })]));
  form.append(tries);
  const summary = h(doc, 'p', { class: 'summary', role: 'status', 'aria-live': 'polite' });
  const table = h(doc, 'table', { class: 'kwic', hidden: true });
  root.append(h(doc, 'h2', { class: 'visually-hidden', text: 'Find a phrase' }), form, summary, table);

  function render(result, statements, model) {
    clear(table);
    if (!result) { table.hidden = true; summary.textContent = ''; return; }
    const occ = result.occurrences || [];
    const docs = new Set(occ.map((o) => o.doc));
    summary.textContent = occ.length
      ? `${plural(result.total ?? occ.length, 'place')} in ${plural(docs.size, 'statement')} for “${result.query}”${result.total > occ.length ? ` (best ${occ.length} shown)` : ''}.`
      : `Nothing found for “${result.query}”.`;
    table.hidden = !occ.length;
    if (!occ.length) return;
    table.append(h(doc, 'caption', { class: 'visually-hidden', text: `Occurrences of “${result.query}” in context, best first` }),
      h(doc, 'thead', {}, h(doc, 'tr', {},
        h(doc, 'th', { scope: 'col', text: 'Score' }),
        h(doc, 'th', { scope: 'col', text: 'Statement' }),
        h(doc, 'th', { scope: 'col', class: 'k-before', text: 'Before' }),
        h(doc, 'th', { scope: 'col', class: 'k-match', text: 'Match' }),
        h(doc, 'th', { scope: 'col', class: 'k-after', text: 'After' }))));
    const body = h(doc, 'tbody');
    const byId = new Map(statements.map((st) => [st.id, st]));
    occ.forEach((o, i) => {
      const st = byId.get(o.doc) || { id: o.doc };
      const match = h(doc, 'button', { type: 'button', class: 'k-go', title: 'Show in the reader', 'data-family': o.family || null,
        'aria-label': `${o.text}, in ${statementLabel(st)}: show in the reader`, on: { click: () => callbacks.onGo(i) } });
      explain(match, o);
      const fam = o.family && model && model.family(o.family);
      body.append(h(doc, 'tr', { 'data-doc': o.doc },
        h(doc, 'td', { class: 'k-score', text: pct(o.score) }),
        h(doc, 'td', { class: 'k-doc' }, statementLabel(st),
          fam ? [' ', h(doc, 'button', { type: 'button', class: ['fam-tag', ...familyClasses(model.rank(fam.id))], 'data-family': fam.id,
            title: `Part of refrain ${fam.id}: “${fam.root}”`, text: fam.id, on: { click: () => callbacks.onFamily(fam.id) } })] : null),
        h(doc, 'td', { class: 'k-before' }, h(doc, 'span', { text: trimBefore(o.before || '') })),
        h(doc, 'td', { class: 'k-match' }, match),
        h(doc, 'td', { class: 'k-after' }, h(doc, 'span', { text: trimAfter(o.after || '') }))));
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
    if (!words.length) { el.append(o.text); return; }
    // Rebuild from the original text so punctuation and spacing stay as written.
    let pos = o.start;
    const text = o.text;
    const enc = new TextEncoder();
    const bytes = enc.encode(text);
    const dec = new TextDecoder();
    const sorted = words.filter((w) => w.start !== undefined && w.start !== null).sort((a, b) => a.start - b.start);
    if (sorted.length !== words.length) { el.append(text); return; }
    for (const w of sorted) {
      const a = w.start - o.start;
      const b = w.end - o.start;
      if (a < pos - o.start || b > bytes.length) continue;
      if (a > pos - o.start) el.append(dec.decode(bytes.subarray(pos - o.start, a)));
      const t = dec.decode(bytes.subarray(a, b));
      el.append(w.op === 'equal' ? h(doc, 'strong', { text: t })
        : h(doc, 'span', { class: w.op === 'variant' ? 'w-variant' : 'w-change', title: w.reference ? `${w.op} of “${w.reference}”` : w.op, text: t }));
      pos = w.end;
    }
    if (pos - o.start < bytes.length) el.append(dec.decode(bytes.subarray(pos - o.start)));
  }

  return {
    update({ result, statements, model, query }) {
      if (query !== undefined && doc.activeElement !== input) input.value = query || '';
      render(result, statements, model);
    },
    setBusy(busy) { form.setAttribute('aria-busy', String(!!busy)); },
    get value() { return input.value.trim(); },
    set value(v) { input.value = v; },
  };
}
