// The search summary: places counted per group, speaker, country and year (search.js
// `searchSummary`), and its CSV (export.js `searchSummaryCsv`, the schema SEARCH_SUMMARY_COLUMNS).
//   node --test tests/js/search-summary.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SEARCH_SUMMARY_COLUMNS, searchSummaryCsv } from '../../www/js/export.js';
import { searchSummary } from '../../www/js/search.js';

const statements = [
  { id: 'a', speaker: 'Wang Yi', country: 'China', date: '2021-09-25', group: 'BRICS' },
  { id: 'b', speaker: 'wang  yi', country: 'China', date: '2023' },
  { id: 'c', speaker: 'Lavrov', country: 'Russia', date: '2021', group: 'brics' },
  { id: 'd', title: 'No speaker, no date' },
  { id: 'e', speaker: 'Nobody found', date: '2020' },
];
const hits = ['a', 'a', 'b', 'c', 'd', 'd', 'd'].map((doc) => ({ doc }));

test('counts places and statements per kind of group, none for an unknown speaker or date', () => {
  const rows = searchSummary(hits, statements);
  const of = (kind) => rows.filter((r) => r.kind === kind).map((r) => [r.name, r.places, r.statements]);
  assert.deepEqual(of('group'), [['BRICS', 3, 2]]);
  assert.deepEqual(of('speaker'), [
    ['Wang Yi', 3, 2],
    ['Lavrov', 1, 1],
  ]);
  assert.deepEqual(of('country'), [
    ['China', 3, 2],
    ['Russia', 1, 1],
  ]);
  // Years oldest first; d (undated, three places) and e (no place) are in none.
  assert.deepEqual(of('year'), [
    ['2021', 3, 2],
    ['2023', 1, 1],
  ]);
  assert.equal(rows[0].key, 'group:brics');
});

test('the CSV has one row per summary row, quoted and formula-guarded like the other exports', () => {
  const rows = searchSummary(hits, [...statements, { id: 'f', speaker: '=HYPERLINK("x")' }]);
  const csv = searchSummaryCsv('true "multilateralism"', [
    ...rows,
    { kind: 'speaker', name: '=HYPERLINK("x")', places: 1, statements: 1 },
  ]);
  assert.ok(csv.startsWith('\ufeff'));
  const lines = csv.slice(1).split('\r\n');
  assert.equal(lines.at(-1), '');
  assert.equal(lines[0], SEARCH_SUMMARY_COLUMNS.join(','));
  assert.equal(lines[0], 'query,kind,name,places,statements');
  assert.equal(lines.length - 2, rows.length + 1);
  assert.equal(lines[1], '"true ""multilateralism""",group,BRICS,3,2');
  assert.equal(lines.at(-2), `"true ""multilateralism""",speaker,"'=HYPERLINK(""x"")",1,1`);
});
