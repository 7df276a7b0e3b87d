// Groups of statements: a label the user gives (a bloc, a side, anything), or one derived from the
// statements' speaker, country or year. `groupsOf` lists them with their statements' ids, for the
// filter that narrows the reader, the refrains and the search, and for the group comparison.
// A statement with no speaker (or country, or date) is in no group of that kind: an unknown speaker
// is never a speaker of its own. No side effect on import.

import { clear, h, plural } from './util.js';

/** The kinds of group, in the order they are offered, and how a statement's value is found. */
export const GROUP_KINDS = Object.freeze([
  { kind: 'group', label: 'Groups', of: (st) => st.group },
  { kind: 'speaker', label: 'Speakers', of: (st) => st.speaker },
  { kind: 'country', label: 'Countries', of: (st) => st.country },
  { kind: 'year', label: 'Years', of: (st) => /^\d{4}/.exec(String(st.date || '').trim())?.[0] },
]);

const norm = (v) =>
  String(v ?? '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The groups of `statements` ({id, group?, speaker?, country?, date?}): [{key, kind, name, ids}],
 * kind by kind (GROUP_KINDS), then by name. Names compare without case and extra spaces; the
 * first spelling met names the group. `key` ("speaker:wang yi") is stable across reloads.
 */
export function groupsOf(statements) {
  const out = [];
  for (const { kind, of } of GROUP_KINDS) {
    const byKey = new Map();
    for (const st of statements) {
      const name = norm(of(st));
      if (!name) continue;
      const key = `${kind}:${name.toLowerCase()}`;
      if (!byKey.has(key)) byKey.set(key, { key, kind, name, ids: [] });
      byKey.get(key).ids.push(st.id);
    }
    out.push(...[...byKey.values()].sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true })));
  }
  return out;
}

/** The ids of group `key` among `statements`, or null for "all statements" (or a group that is gone). */
export function groupIds(statements, key) {
  if (!key) return null;
  const g = groupsOf(statements).find((x) => x.key === key);
  return g ? new Set(g.ids) : null;
}

/**
 * A small control that chooses the group the views show: "All statements" or one group, listed
 * by kind; `id` is the select's. `onChange(key|null)` is told the user's choice. Hidden while there is
 * no group.
 */
export function createGroupFilter(root, { id = 'group-filter', onChange }) {
  const doc = root.ownerDocument;
  const sel = h(doc, 'select', {
    id,
    class: 'input',
    on: { change: () => onChange(sel.value || null) },
  });
  const wrap = h(doc, 'span', { class: 'group-filter' }, h(doc, 'label', { for: sel.id, text: 'Show' }), ' ', sel);
  root.append(wrap);
  return {
    /** Lists the groups of `statements` and shows `value` (a group key or null) as chosen. */
    update(statements, value) {
      const groups = groupsOf(statements);
      clear(sel);
      sel.append(h(doc, 'option', { value: '', text: `All statements (${statements.length})` }));
      for (const { kind, label } of GROUP_KINDS) {
        const of = groups.filter((g) => g.kind === kind);
        if (!of.length) continue;
        const og = h(doc, 'optgroup', { label });
        for (const g of of)
          og.append(h(doc, 'option', { value: g.key, text: `${g.name} (${plural(g.ids.length, 'statement')})` }));
        sel.append(og);
      }
      sel.value = value && groups.some((g) => g.key === value) ? value : '';
      wrap.hidden = !groups.length;
      return sel.value || null;
    },
  };
}
