// The options as www/pkg/refrain.d.ts documents them (generated from the table in src/options.rs)
// against what the package does: the same names in the same order, types, defaults, and ranges.
//   node --test tests/js/   (after `make wasm`)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';

const PKG = new URL('../../www/pkg/', import.meta.url);
for (const f of ['refrain.js', 'refrain_bg.wasm', 'refrain.d.ts']) {
  if (!existsSync(new URL(f, PKG))) throw new Error('www/pkg is missing: run `make wasm` first');
}
const { initSync, Corpus } = await import(new URL('refrain.js', PKG).href);
initSync({ module: readFileSync(new URL('refrain_bg.wasm', PKG)) });

/** A literal as the declaration writes it (`_` separators allowed, a name in quotes). */
function literal(text) {
  if (text === 'true' || text === 'false') return text === 'true';
  if (text.startsWith('"')) return JSON.parse(text);
  return Number(text.replaceAll('_', ''));
}

/** The names of a union of string literals (`"a" | "b"`), or null for another type. */
function unionNames(type) {
  const parts = type.split(' | ');
  return parts.every((p) => /^"\w+"$/.test(p)) ? parts.map((p) => JSON.parse(p)) : null;
}

/** The documented options: [{ name, type, doc, rule, default }] in declaration order. */
function documentedOptions() {
  const dts = readFileSync(new URL('refrain.d.ts', PKG), 'utf8');
  const body = /export interface Options \{([\s\S]*?)\n\s*\}/.exec(dts);
  assert.ok(body, 'refrain.d.ts declares the Options interface');
  const options = [];
  for (const m of body[1].matchAll(/\/\*\*([\s\S]*?)\*\/\s*(\w+)\?: ([^;]+);/g)) {
    const comment = m[1]
      .split('\n')
      .map((l) => l.replace(/^\s*\*\s?/, '').trim())
      .filter(Boolean);
    const defaultLine = comment.find((l) => l.startsWith('@default '));
    assert.ok(defaultLine, `${m[2]} has an @default`);
    const doc = comment.filter((l) => !l.startsWith('@')).join(' ');
    const rule = /Must be (.*)\.$/.exec(doc);
    options.push({
      name: m[2],
      type: m[3],
      names: unionNames(m[3]),
      doc,
      rule: rule ? rule[1] : null,
      defaultLine,
      default: literal(defaultLine.split(' ')[1]),
    });
  }
  return options;
}

function codeOf(fn) {
  try {
    fn();
  } catch (e) {
    return e.code;
  }
  return null;
}

test('every option is documented with the type and default of new Corpus()', () => {
  const documented = documentedOptions();
  const actual = new Corpus().options;
  assert.deepEqual(
    documented.map((o) => o.name),
    Object.keys(actual),
    'the same names, in the same order',
  );
  assert.equal(documented.length, 19);
  for (const o of documented) {
    if (o.names) {
      assert.equal(typeof actual[o.name], 'string', `${o.name}: a choice is a string`);
      assert.ok(o.names.includes(actual[o.name]), `${o.name}: its value is one of the union's`);
    } else {
      assert.equal(typeof actual[o.name], o.type, `${o.name}: type`);
    }
    assert.equal(actual[o.name], o.default, `${o.name}: the documented default`);
  }
});

test('the browser defaults are the documented ones, and the engine defaults are named beside them', () => {
  const documented = Object.fromEntries(documentedOptions().map((o) => [o.name, o]));
  // The five limits that differ in a browser tab.
  for (const name of ['work_budget', 'work_per_word', 'max_statements', 'max_statement_bytes', 'max_total_bytes']) {
    assert.match(
      documented[name].defaultLine,
      /^@default [\d_]+ \(the Rust library's and the command line's default is [\d_]+\)$/,
      name,
    );
  }
  assert.equal(documented.min_weight.default, 0.85);
  assert.equal(documented.work_budget.default, 150_000_000);
  assert.equal(documented.work_per_word.default, 100);
});

test('every documented range is the one the package enforces', () => {
  let checked = 0;
  for (const o of documentedOptions()) {
    if (o.type === 'boolean') {
      assert.equal(o.rule, null, `${o.name}: a flag has no range`);
      assert.equal(
        codeOf(() => new Corpus({ [o.name]: 1 })),
        'invalid_option',
        o.name,
      );
      assert.equal(
        codeOf(() => new Corpus({ [o.name]: !o.default })),
        null,
        o.name,
      );
      continue;
    }
    if (o.rule === null) {
      assert.equal(
        codeOf(() => new Corpus({ [o.name]: 0 })),
        null,
        `${o.name}: no range, 0 is fine`,
      );
      continue;
    }
    let outside;
    let edges;
    const atLeast = /^at least ([\d_.]+)$/.exec(o.rule);
    const between = /^between ([\d_]+) and ([\d_]+)$/.exec(o.rule);
    const oneOf = /^one of (.*)$/.exec(o.rule);
    if (oneOf) {
      assert.deepEqual(oneOf[1].split(', '), o.names, `${o.name}: the rule names the union's values`);
      [outside, edges] = [['bogus', '', o.names[0].toUpperCase(), 1, true], o.names];
    } else if (atLeast) {
      const min = literal(atLeast[1]);
      [outside, edges] = [[min - 1], [min]];
    } else if (between) {
      const [lo, hi] = [literal(between[1]), literal(between[2])];
      [outside, edges] = [
        [lo - 1, hi + 1],
        [lo, hi],
      ];
    } else if (o.rule === 'in (0, 1]') {
      [outside, edges] = [
        [0, 1.001, -0.5],
        [0.001, 1],
      ];
    } else {
      assert.fail(`${o.name}: unknown rule ${o.rule}`);
    }
    for (const v of outside) {
      assert.equal(
        codeOf(() => new Corpus({ [o.name]: v })),
        'invalid_option',
        `${o.name} = ${v} is refused`,
      );
    }
    for (const v of edges) {
      assert.equal(
        codeOf(() => new Corpus({ [o.name]: v })),
        null,
        `${o.name} = ${v} is accepted`,
      );
      const corpus = new Corpus({ [o.name]: v });
      assert.equal(corpus.options[o.name], v, `${o.name} = ${v} reads back`);
      corpus.free();
    }
    checked++;
  }
  assert.equal(checked, 13, 'every option with a range or a choice was checked');
});

test('the order option: a choice the report follows, and a clear error for another name', () => {
  // A long passage two statements share, a short phrase all five use (made-up words: every
  // word is a content word, none is shared by chance).
  const long = 'velmora tashkeen brunoval cadrisse ompherel quillant dravesco hemlark sorvaine patrelux';
  const wide = 'zorbic quintal marnefy';
  const own = [
    ['ardent', 'bolster', 'cobble'],
    ['crimson', 'dapple', 'ferrule'],
    ['ember', 'fathom', 'gimlet'],
    ['gossamer', 'hinter', 'lintel'],
    ['ivory', 'jostle', 'mullion'],
  ];
  const statements = own.map(([a, b, c], i) => ({
    id: `s${i}`,
    text: `${a}. ${i < 2 ? `${long}. ` : ''}${b} ${wide} ${c}.`,
    date: `${2019 + i}`,
  }));
  const families = (order) => {
    const corpus = new Corpus({ order });
    for (const s of statements) corpus.add(s);
    const report = corpus.compare();
    corpus.free();
    assert.deepEqual(
      report.families.map((f) => f.id),
      report.families.map((_, i) => `f${i + 1}`),
      'ids follow the order',
    );
    return report.families;
  };
  const widespread = families('widespread');
  assert.ok(widespread.length >= 2, 'the long passage and the short phrase');
  assert.equal(widespread[0].root_norm, wide, 'most statements first');
  const longest = families('longest');
  assert.equal(longest[0].root_norm, long, 'most content words first');
  assert.deepEqual(new Set(longest.map((f) => f.key)), new Set(widespread.map((f) => f.key)), 'the same families');
  let error;
  try {
    new Corpus({ order: 'newest' });
  } catch (e) {
    error = e;
  }
  assert.equal(error?.code, 'invalid_option');
  assert.match(error.message, /`order`/);
  assert.match(error.message, /one of formulaic, widespread, longest, first_used/);
  assert.equal(
    codeOf(() => new Corpus({ order: 2 })),
    'invalid_option',
  );
});
