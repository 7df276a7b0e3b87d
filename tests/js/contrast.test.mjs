// The group comparison's pure parts (www/js/contrast.js): groups written as selectors and the
// statements they hold, their names, the plot's layout (zero at the edge, log scales, sides) and
// its label placement (no two label boxes overlap, every box inside the plot), in Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  PLOT,
  REST,
  contrastColumns,
  defaultGroups,
  groupName,
  layoutContrast,
  membersOf,
  overlaps,
  parseGroup,
  placeLabels,
  sideOf,
  textWidth,
} from '../../www/js/contrast.js';
import { labelsFor } from '../../www/js/labels.js';

const L = labelsFor('en');
const STATEMENTS = [
  { id: 'a', speaker: 'Wang  Yi', country: 'China', date: '2019-09-27', language: 'en', group: 'BRICS' },
  { id: 'b', speaker: 'wang yi', country: 'China', date: '2023', language: 'zh-Hans' },
  { id: 'c', speaker: 'Sergey Lavrov', country: 'Russia', date: '2021 (UNGA 76)', language: 'en-GB', group: 'brics' },
  { id: 'd', speaker: null, country: 'United States', date: 'Sept 2020', language: null },
  { id: 'é', speaker: 'Anna 🌍 Müller', date: '2017', group: 'EU' },
];

test('a group is selectors joined by ";", or "rest"; a selector that cannot be read is refused', () => {
  assert.equal(parseGroup('rest'), REST);
  assert.equal(parseGroup(' REST '), REST);
  assert.deepEqual(parseGroup(''), []);
  assert.deepEqual(parseGroup('speaker=Wang Yi; year=2017-2019'), [
    { kind: 'speaker', value: 'Wang Yi' },
    { kind: 'year', value: '2017-2019', from: 2017, to: 2019 },
  ]);
  assert.deepEqual(parseGroup('year=2021'), [{ kind: 'year', value: '2021', from: 2021, to: 2021 }]);
  for (const bad of ['speaker', 'speaker=', 'colour=red', 'year=21', 'year=2024-2017', '=x'])
    assert.throws(() => parseGroup(bad), Error, bad);
});

test('the statements of a group: names without case or extra spaces, years, languages, ids, unions, the rest', () => {
  const ids = (text, others) => membersOf(STATEMENTS, text, others);
  assert.deepEqual(ids('speaker=Wang Yi'), ['a', 'b']);
  assert.deepEqual(ids('speaker=WANG   YI'), ['a', 'b']);
  assert.deepEqual(ids('speaker=Anna 🌍 Müller'), ['é']);
  assert.deepEqual(ids('country=china'), ['a', 'b']);
  assert.deepEqual(ids('group=BRICS'), ['a', 'c']);
  assert.deepEqual(ids('year=2019-2021'), ['a', 'c']);
  assert.deepEqual(ids('year=2020'), [], 'a date the page cannot read has no year');
  assert.deepEqual(ids('language=en'), ['a', 'c']);
  assert.deepEqual(ids('language=zh'), ['b']);
  assert.deepEqual(ids('id=é;id=c'), ['c', 'é'], 'in the statements’ order');
  assert.deepEqual(ids('country=Russia; speaker=wang yi'), ['a', 'b', 'c']);
  assert.deepEqual(ids('rest', ['a', 'b']), ['c', 'd', 'é']);
  assert.deepEqual(ids('speaker=Nobody'), []);
});

test('a group’s name, and the groups a first visit compares', () => {
  assert.equal(groupName(STATEMENTS, 'speaker=Wang Yi', L), 'Wang Yi');
  assert.equal(groupName(STATEMENTS, 'year=2017-2019', L), '2017–2019');
  assert.equal(groupName(STATEMENTS, 'rest', L), 'the rest');
  assert.equal(groupName(STATEMENTS, 'id=c', L), 'Sergey Lavrov, Russia (2021)');
  assert.equal(groupName(STATEMENTS, 'id=a;id=b', L), '2 chosen statements');
  assert.equal(groupName(STATEMENTS, 'country=China; year=2017', L), 'China + 2017');
  assert.deepEqual(defaultGroups(STATEMENTS), { a: 'group=BRICS', b: 'group=EU' });
  assert.deepEqual(defaultGroups(STATEMENTS.slice(1, 2)), { a: 'speaker=wang yi', b: REST });
  assert.deepEqual(defaultGroups([{ id: 'x' }]), { a: 'id=x', b: REST });
});

test('a label’s width: a fixed width per character, wider for Chinese, Japanese and Korean ones', () => {
  assert.equal(textWidth('abc'), 3 * PLOT.charW);
  assert.equal(textWidth('人类命运共同体'), 7 * PLOT.wideW);
  assert.equal(textWidth('win-win 合作'), 8 * PLOT.charW + 2 * PLOT.wideW);
  assert.equal(textWidth('🌍'), PLOT.charW, 'one character, however many UTF-16 units');
});

test('sides: beyond ±1.96 only', () => {
  assert.equal(sideOf(1.97), 'a');
  assert.equal(sideOf(1.96), 'n');
  assert.equal(sideOf(-1.96), 'n');
  assert.equal(sideOf(-2), 'b');
  assert.equal(sideOf(0), 'n');
});

/** A contrast family with these rates and z (counts follow the rates). */
const fam = (root, rate_a, rate_b, z, docs = ['a']) => ({
  z,
  rate_a,
  rate_b,
  count_a: Math.round(rate_a),
  count_b: Math.round(rate_b),
  wordings_a: [],
  wordings_b: [],
  family: { id: root, root, root_norm: root.toLowerCase(), occurrences: docs.map((doc) => ({ doc })) },
});

test('the plot: zero at the edge of each axis, more use further out, one point per family', () => {
  const report = {
    a: { label: 'A', ids: ['a'] },
    b: { label: 'B', ids: ['b'] },
    families: [
      fam('only in A', 20, 0, 3.1),
      fam('more in A', 30, 3, 2.5),
      fam('even', 5, 5, 0),
      fam('more in B', 0.5, 40, -2.2),
      fam('only in B', 0, 12, -2.9),
    ],
  };
  const g = layoutContrast(report, { width: 640 });
  assert.equal(g.points.length, 5);
  assert.deepEqual(
    g.points.map((p) => p.side),
    ['a', 'a', 'n', 'b', 'b'],
  );
  const [onlyA, moreA, even, moreB, onlyB] = g.points;
  assert.equal(onlyA.y, g.area.y1, 'no use in B: on the x axis');
  assert.equal(onlyB.x, g.area.x0, 'no use in A: on the y axis');
  assert.ok(moreA.x > onlyA.x && onlyA.x > even.x && even.x > moreB.x, 'x grows with the use in A');
  assert.ok(moreB.y < onlyB.y && onlyB.y < even.y, 'up is more use in B');
  assert.ok(g.lo <= 0.5 && g.hi >= 40, `scale ${g.lo}..${g.hi}`);
  for (const p of g.points)
    assert.ok(p.x >= g.area.x0 && p.x <= g.area.x1 && p.y >= g.area.y0 && p.y <= g.area.y1, 'inside the plot');
  // Labels name the most distinctive of each side.
  const named = g.labels.map((l) => l.text).sort();
  assert.deepEqual(named, ['more in A', 'more in B', 'only in A', 'only in B']);
  for (const l of g.labels) assert.equal(report.families[l.point].family.root, l.text);
});

test('labels never overlap and stay inside the plot, however crowded; those with no room are left out', () => {
  const area = { x0: 50, y0: 10, x1: 350, y1: 250 };
  // 60 points on a small grid, some at one place, with long and short names (CJK and emoji count as characters).
  const items = Array.from({ length: 60 }, (_, i) => ({
    x: 60 + ((i * 37) % 280),
    y: 20 + ((i * 53) % 220),
    r: 4,
    text: ['a', 'genuine multilateralism', '人类命运共同体', 'win-win 🌍 cooperation', 'x'.repeat(30)][i % 5],
  }));
  const placed = placeLabels(items, area);
  assert.ok(placed.length > 5 && placed.length < items.length, `placed ${placed.length}`);
  for (const [k, p] of placed.entries()) {
    assert.ok(p.x0 >= area.x0 && p.y0 >= area.y0 && p.x1 <= area.x1 && p.y1 <= area.y1, `label ${k} inside`);
    assert.equal(p.x1 - p.x0, textWidth(p.text) + 2 * PLOT.pad, 'width from the characters');
    assert.equal(p.y1 - p.y0, PLOT.lineH);
    for (const q of placed.slice(k + 1)) assert.ok(!overlaps(p, q), `“${p.text}” and “${q.text}” overlap`);
  }
  // The first label always finds a place next to its point when there is room.
  assert.equal(placed[0].i, 0);
  assert.ok(!overlaps(placed[0], { x0: items[0].x - 4, y0: items[0].y - 4, x1: items[0].x + 4, y1: items[0].y + 4 }));
  // A label wider than the plot has no place.
  assert.deepEqual(placeLabels([{ x: 100, y: 100, r: 4, text: 'y'.repeat(60) }], area), []);
});

test('a family is read in a statement of group A and one of group B that use it', () => {
  const report = { a: { ids: ['a', 'c'] }, b: { ids: ['b', 'd'] } };
  assert.deepEqual(contrastColumns(fam('f', 1, 1, 0, ['c', 'c', 'd', 'a']), report), ['c', 'd']);
  assert.deepEqual(contrastColumns(fam('f', 1, 0, 3, ['a', 'c']), report), ['a', 'c']);
  assert.deepEqual(contrastColumns(fam('f', 0, 1, -3, ['x', 'd']), report), ['d', 'x']);
});
