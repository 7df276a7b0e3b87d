// The classroom's pure parts: how a slide's lines are split into steps (deck.js), which worksheet
// blanks would print their answer beside them (presenter.js), and which formulas the group
// comparison's slides show (contrast-deck.js), on small hand-made inputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitLines } from '../../www/embed/deck.js';
import { hasWord, NEAR, withoutGiveaways } from '../../www/embed/presenter.js';
import { contrastSlides, FORMULA_MAX } from '../../www/embed/contrast-deck.js';

test('splitLines fills each step up to its room, gaps between lines, at least one line a step', () => {
  assert.deepEqual(splitLines([100, 100, 100], 10, 210), [
    [0, 2],
    [2, 3],
  ]);
  assert.deepEqual(splitLines([100, 100, 100], 10, 209), [
    [0, 1],
    [1, 2],
    [2, 3],
  ]);
  assert.deepEqual(splitLines([100, 100, 100], 10, 320), [[0, 3]]);
  assert.deepEqual(splitLines([50, 150, 20, 20], 0, 190), [
    [0, 1],
    [1, 4],
  ]);
  assert.equal(splitLines([100, 300], 10, 200), null, 'a line taller than the room cannot be placed');
  assert.deepEqual(splitLines([], 10, 100), [[0, 0]]);
});

test('hasWord: whole words in any case; inside Chinese text anywhere', () => {
  assert.ok(hasWord('Only an Effective Organization', 'effective'));
  assert.ok(!hasWord('international standards', 'and'));
  assert.ok(!hasWord('ineffective', 'effective'));
  assert.ok(hasWord('rules-based order', 'rules'));
  assert.ok(hasWord('坚持真正的多边主义', '多边主义'));
  assert.ok(!hasWord('   ', ''));
});

test('withoutGiveaways drops a blank whose answer stands in clear near it, and only that one', () => {
  const text =
    'We uphold effective multilateralism, for only an effective Organization can deliver. We want true peace.';
  const at = (w, from = 0) => {
    const start = text.indexOf(w, from);
    return { start, end: start + w.length, word: w };
  };
  const first = at('effective');
  const truth = at('true');
  assert.deepEqual(withoutGiveaways(text, 0, text.length, [first, truth]), [truth]);
  // Both "effective" blanked: neither is in clear, both stay.
  const second = at('effective', first.end);
  assert.deepEqual(withoutGiveaways(text, 0, text.length, [first, second, truth]), [first, second, truth]);
  // Far enough away, the same word is no giveaway.
  const far = `We uphold effective multilateralism.${' Other words.'.repeat(Math.ceil(NEAR / 12) + 1)} An effective plan.`;
  const blank = { start: far.indexOf('effective'), end: far.indexOf('effective') + 9, word: 'effective' };
  assert.deepEqual(withoutGiveaways(far, 0, far.length, [blank]), [blank]);
  // Dropping one blank can give another away: the first "real" is in clear near the second, which,
  // left in clear, is near the third (the first is not).
  const pad = ' and so on'.repeat(Math.ceil((NEAR * 0.7) / 10));
  const chain = `A real plan${pad}, a real plan${pad}, a real plan, a genuine one.`;
  const reals = [...chain.matchAll(/real/g)].map((m) => ({ start: m.index, end: m.index + 4, word: 'real' }));
  assert.ok(reals[2].start - reals[0].end > NEAR && reals[1].start - reals[0].end < NEAR);
  const genuine = { start: chain.indexOf('genuine'), end: chain.indexOf('genuine') + 7, word: 'genuine' };
  assert.deepEqual(withoutGiveaways(chain, 0, chain.length, [reals[1], reals[2], genuine]), [genuine]);
});

const fam = (root, z, extra = {}) => ({
  z,
  count_a: z > 0 ? 5 : 1,
  count_b: z > 0 ? 1 : 5,
  wordings_a: [],
  wordings_b: [],
  family: { root, root_norm: root, occurrences: [] },
  ...extra,
});

test('contrastSlides: each group’s significant formulas, the most distinctive of both, the closest when none is significant', () => {
  const report = {
    a: { label: 'North', ids: ['n1'] },
    b: { label: 'South', ids: ['s1'] },
    families: [fam('rules-based order', 3.1), fam('effective', 2.0), fam('peace', 0.5), fam('shared future', -2.5)],
  };
  const c = contrastSlides(report);
  assert.deepEqual(
    c.sigA.map((f) => f.family.root),
    ['rules-based order', 'effective'],
  );
  assert.deepEqual(
    c.sigB.map((f) => f.family.root),
    ['shared future'],
  );
  assert.equal(c.closeA, false);
  assert.equal(c.closeB, false);
  assert.deepEqual(
    c.formulas.map((f) => f.family.root),
    ['rules-based order', 'shared future', 'effective'],
  );
  const weak = contrastSlides({
    ...report,
    families: [fam('peace', 1.2), fam('order', 0.3), fam('future', -0.4), fam('climate', -1.5)],
  });
  assert.equal(weak.closeA, true);
  assert.equal(weak.closeB, true);
  assert.deepEqual(
    weak.sigB.map((f) => f.family.root),
    ['climate', 'future'],
    'most distinctive of B first',
  );
  assert.deepEqual(
    weak.formulas.map((f) => f.family.root),
    ['climate', 'peace', 'future', 'order'],
  );
  const many = contrastSlides({
    ...report,
    families: Array.from({ length: 20 }, (_, i) => fam(`f${i}`, 10 - i)),
  });
  assert.equal(many.formulas.length, FORMULA_MAX);
});
