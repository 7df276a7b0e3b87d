// The JavaScript API of the WebAssembly package (www/pkg, built by `make wasm`), in Node:
// spans index the caller's strings, errors carry codes, bad input never breaks the instance;
// contrast and select; the TypeScript declarations of refrain.d.ts checked against real reports.
//   node --test tests/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';

const GLUE = new URL('../../www/pkg/refrain.js', import.meta.url);
const WASM = new URL('../../www/pkg/refrain_bg.wasm', import.meta.url);
if (!existsSync(GLUE) || !existsSync(WASM)) {
  throw new Error('www/pkg is missing: run `make wasm` first');
}
const { initSync, Corpus } = await import(GLUE.href);
initSync({ module: readFileSync(WASM) });
// The full package (features parallel and groups: Corpus.align, the cross-language query,
// Corpus.contrast and Corpus.select), which the Translation and Compare groups views load; the
// group and parallel tests use it, and the core package has neither.
const FULL_GLUE = new URL('../../www/pkg/full/refrain.js', import.meta.url);
const FULL_WASM = new URL('../../www/pkg/full/refrain_bg.wasm', import.meta.url);
if (!existsSync(FULL_GLUE) || !existsSync(FULL_WASM)) {
  throw new Error('www/pkg/full is missing: run `make wasm` first');
}
const full = await import(FULL_GLUE.href);
full.initSync({ module: readFileSync(FULL_WASM) });

const utf8 = (s) => Buffer.from(s, 'utf8');

// Every excerpt of a report (root excerpts, occurrences, query occurrences).
function excerpts(report) {
  if (report.families) {
    return report.families.flatMap((f) => [f.root_excerpt, ...f.occurrences]);
  }
  return report.occurrences;
}

// Checks that every excerpt's UTF-16 span slices the caller's own string to `text` (up to
// lone surrogates, which the engine sees as U+FFFD), and its byte span the UTF-8 text.
function checkSpans(report, texts) {
  const all = excerpts(report);
  for (const e of all) {
    const original = texts.get(e.doc);
    assert.ok(original !== undefined, `unknown doc ${e.doc}`);
    assert.ok(e.utf16_start <= e.utf16_end && e.utf16_end <= original.length, 'UTF-16 span inside the string');
    assert.equal(original.slice(e.utf16_start, e.utf16_end).toWellFormed(), e.text);
    assert.equal(utf8(original.toWellFormed()).subarray(e.start, e.end).toString('utf8'), e.text);
    for (const edit of [...(e.diff ?? []), ...(e.explanation ?? [])]) {
      if (edit.start !== undefined) {
        assert.equal(utf8(original.toWellFormed()).subarray(edit.start, edit.end).toString('utf8'), edit.text);
        assert.equal(original.slice(edit.utf16_start, edit.utf16_end).toWellFormed(), edit.text);
      }
    }
  }
  return all.length;
}

function corpusOf(statements, options, engine = Corpus) {
  const corpus = new engine(options);
  for (const s of statements) corpus.add(s);
  return corpus;
}

function codeOf(fn) {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof Error, 'errors are Error objects');
    assert.equal(typeof e.message, 'string');
    assert.ok(e.message.length > 0, 'errors have a message');
    return e.code;
  }
  assert.fail('expected an error');
}

const SCRIPTS = {
  english: [
    'First, we must practise true multilateralism and build common, comprehensive, cooperative and sustainable security.',
    'Ladies and gentlemen, all countries should practise genuine multilateralism and build common, comprehensive, cooperative and sustainable security for the world.',
    'We will build common, comprehensive, cooperative and sustainable security together.',
  ],
  chinese: [
    '我们要践行真正的多边主义，坚持共同、综合、合作、可持续的安全观。',
    '各国应当践行真正的多边主义，共同维护世界和平，坚持共同、综合、合作、可持续的安全观。',
    '中方始终坚持共同、综合、合作、可持续的安全观，践行真正的多边主义。',
  ],
  emoji: [
    '🌍🌏 Build common, comprehensive, cooperative and sustainable security 🤝 for all 👨‍👩‍👧 families.',
    '👍🏽 We build common, comprehensive, cooperative and sustainable security 🤝 together 𝒳.',
    '𝕬 𝕭 𝕮 we will build common, comprehensive, cooperative and sustainable security 🤝.',
  ],
  combining: [
    'Cafe\u0301 owners: we must uphold cooperative and sustainable security in the re\u0301gion.',
    'The ne\u0301e\u0301 delegates uphold cooperative and sustainable security in the re\u0301gion today.',
    'Z\u0351\u0352a\u0353l\u0354g\u0355o: uphold cooperative and sustainable security in the re\u0301gion.',
  ],
  mixed: [
    'Le président: «build common security» — 建设共同安全 — 𝒳 build common security now.',
    '🎉 Мы build common security, 建设共同安全, and build common security again.',
    'Ελλάδα: build common security. 建设共同安全！ 🇨🇳🇺🇸',
  ],
};

for (const [script, texts] of Object.entries(SCRIPTS)) {
  test(`UTF-16 spans slice the caller's string exactly: ${script}`, () => {
    const statements = texts.map((text, i) => ({ id: `${script}-${i}`, text }));
    const byId = new Map(statements.map((s) => [s.id, s.text]));
    const corpus = corpusOf(statements, { min_words: 1, min_weight: 0 });
    const report = corpus.compare();
    assert.ok(report.families.length > 0, 'some family found');
    assert.ok(checkSpans(report, byId) > 0);
    const phrase =
      script === 'chinese' ? '可持续的安全观' : script === 'mixed' ? 'build common security' : 'sustainable security';
    const hits = corpus.query(phrase);
    assert.ok(hits.occurrences.length >= 3, `the query finds its ${script} occurrences`);
    checkSpans(hits, byId);
    corpus.free();
  });
}

test("lone surrogates: the spans still index the caller's string; only `text` shows U+FFFD", () => {
  const statements = [
    { id: 'a', text: 'Lone \uD800 high: we must build common, comprehensive, cooperative and sustainable security.' },
    {
      id: 'b',
      text: '\uDC00\uDC00 low ones first; build common, comprehensive, cooperative and sustainable \uDBFF security.',
    },
    {
      id: 'c',
      text: '😀\uD83D build common, comprehensive, cooperative and sustainable security \uDE00 at the end \uD800',
    },
  ];
  const byId = new Map(statements.map((s) => [s.id, s.text]));
  const corpus = corpusOf(statements);
  const report = corpus.compare();
  assert.ok(report.families.length > 0);
  checkSpans(report, byId);
  const hits = corpus.query('build common, comprehensive, cooperative and sustainable security');
  assert.ok(hits.occurrences.length >= 2);
  checkSpans(hits, byId);
  // A span covering the lone surrogate in b shows U+FFFD in `text`, at the same UTF-16 place.
  const b = hits.occurrences.find((o) => o.doc === 'b');
  if (b) {
    const slice = byId.get('b').slice(b.utf16_start, b.utf16_end);
    assert.equal(slice.length, b.text.length, 'one UTF-16 unit for one');
    if (slice.includes('\uDBFF')) assert.ok(b.text.includes('\uFFFD'));
  }
});

test('errors have stable codes and readable messages', () => {
  assert.equal(
    codeOf(() => new Corpus({ bogus: 1 })),
    'invalid_option',
  );
  assert.equal(
    codeOf(() => new Corpus({ min_words: 'three' })),
    'invalid_option',
  );
  assert.equal(
    codeOf(() => new Corpus({ min_words: 2.5 })),
    'invalid_option',
  );
  assert.equal(
    codeOf(() => new Corpus({ max_statements: -1 })),
    'invalid_option',
  );
  assert.equal(
    codeOf(() => new Corpus({ spelling: 1 })),
    'invalid_option',
  );
  assert.equal(
    codeOf(() => new Corpus({ min_statements: 1 })),
    'invalid_option',
  );
  assert.equal(
    codeOf(() => new Corpus({ fuzzy_threshold: NaN })),
    'invalid_option',
  );
  assert.equal(
    codeOf(() => new Corpus({ max_total_bytes: 2 ** 60 })),
    'invalid_option',
  );
  assert.equal(
    codeOf(() => new Corpus(5)),
    'invalid_input',
  );
  assert.equal(
    codeOf(() => new Corpus('min_words=2')),
    'invalid_input',
  );
  assert.equal(
    codeOf(() => new Corpus([])),
    'invalid_input',
  );
  try {
    new Corpus({ min_wrods: 2 });
  } catch (e) {
    assert.match(e.message, /min_wrods/, 'the message names the unknown option');
  }

  const corpus = new Corpus();
  assert.equal(
    codeOf(() => corpus.add()),
    'invalid_input',
  );
  assert.equal(
    codeOf(() => corpus.add(null)),
    'invalid_input',
  );
  assert.equal(
    codeOf(() => corpus.add('text')),
    'invalid_input',
  );
  assert.equal(
    codeOf(() => corpus.add([1, 2])),
    'invalid_input',
  );
  assert.equal(
    codeOf(() => corpus.add({ id: 'a' })),
    'invalid_input',
  );
  assert.equal(
    codeOf(() => corpus.add({ text: 'no id' })),
    'invalid_input',
  );
  assert.equal(
    codeOf(() => corpus.add({ id: 1, text: 'x' })),
    'invalid_input',
  );
  assert.equal(
    codeOf(() => corpus.add({ id: 'a', text: 42 })),
    'invalid_input',
  );
  assert.equal(
    codeOf(() => corpus.add({ id: 'a', text: 'x', title: 7 })),
    'invalid_input',
  );
  assert.equal(
    codeOf(() => corpus.add({ id: 'a', text: 'x', date: {} })),
    'invalid_input',
  );
  assert.equal(
    codeOf(() =>
      corpus.add({
        id: 'a',
        get text() {
          throw new Error('getter');
        },
      }),
    ),
    'invalid_input',
  );
  assert.equal(
    codeOf(() => corpus.add({ id: '', text: 'x' })),
    'empty_id',
  );
  corpus.add({ id: 'a', text: 'We must build common security.' });
  assert.equal(
    codeOf(() => corpus.add({ id: 'a', text: 'again' })),
    'duplicate_id',
  );
  assert.equal(
    codeOf(() => corpus.remove(5)),
    'invalid_input',
  );
  assert.equal(
    codeOf(() => corpus.query()),
    'invalid_input',
  );
  assert.equal(
    codeOf(() => corpus.query(3)),
    'invalid_input',
  );
  assert.equal(
    codeOf(() => corpus.query('')),
    'empty_query',
  );
  assert.equal(
    codeOf(() => corpus.query('word '.repeat(65))),
    'query_too_long',
  );
  assert.equal(
    codeOf(() => corpus.compare('not a function')),
    'invalid_input',
  );
  assert.equal(
    codeOf(() => corpus.compare({})),
    'invalid_input',
  );
  assert.equal(corpus.length, 1);
  corpus.free();
});

test('the instance keeps working after errors', () => {
  const corpus = new Corpus();
  for (const bad of [null, 5, { id: 3 }, { id: 'x', text: null }, { id: '', text: 'y' }]) {
    assert.throws(() => corpus.add(bad));
  }
  assert.throws(() => corpus.query(''));
  corpus.add({ id: 'a', text: 'We must practise true multilateralism and build common security.' });
  corpus.add({ id: 'b', text: 'They practise genuine multilateralism and build common security.' });
  assert.throws(() => corpus.add({ id: 'b', text: 'duplicate' }));
  assert.throws(() => corpus.compare(() => false));
  assert.equal(corpus.length, 2);
  const report = corpus.compare();
  assert.equal(report.statements.length, 2);
  assert.ok(report.families.length > 0);
  assert.ok(corpus.query('build common security').occurrences.length >= 2);
  corpus.free();
});

test('oversize input gives a clear error; browser limits are the defaults and can be changed', () => {
  const corpus = new Corpus();
  assert.equal(corpus.options.max_total_bytes, 32 * 1024 * 1024);
  assert.equal(corpus.options.max_statement_bytes, 8 * 1024 * 1024);
  assert.equal(corpus.options.max_statements, 2000);
  const big = 'word '.repeat((8 * 1024 * 1024) / 5 + 1);
  let error;
  try {
    corpus.add({ id: 'big', text: big });
  } catch (e) {
    error = e;
  }
  assert.equal(error.code, 'statement_too_large');
  assert.match(error.message, /8388608/);
  assert.match(error.message, /max_statement_bytes/);
  assert.equal(corpus.length, 0);
  corpus.free();

  const roomy = new Corpus({ max_statement_bytes: 16 * 1024 * 1024 });
  roomy.add({ id: 'big', text: big });
  assert.equal(roomy.length, 1);
  roomy.free();

  const small = new Corpus({ max_total_bytes: 100, max_statements: 3 });
  small.add({ id: 'a', text: 'x'.repeat(60) });
  assert.equal(
    codeOf(() => small.add({ id: 'b', text: 'y'.repeat(60) })),
    'corpus_too_large',
  );
  small.add({ id: 'c', text: 'z' });
  small.add({ id: 'd', text: 'z' });
  assert.equal(
    codeOf(() => small.add({ id: 'e', text: 'z' })),
    'too_many_statements',
  );
  small.free();
});

test('remove, clear and length', () => {
  const corpus = corpusOf([
    { id: 'a', text: 'one two three' },
    { id: 'b', text: 'four five six' },
  ]);
  assert.equal(corpus.length, 2);
  assert.equal(corpus.remove('a'), true);
  assert.equal(corpus.remove('a'), false);
  assert.equal(corpus.length, 1);
  corpus.clear();
  assert.equal(corpus.length, 0);
  assert.equal(corpus.compare().statements.length, 0);
  corpus.free();
});

test('progress reports stages; returning false cancels; a throwing callback rethrows', () => {
  const statements = SCRIPTS.english.map((text, i) => ({ id: `s${i}`, text }));
  const corpus = corpusOf(statements);
  const seen = [];
  corpus.compare((stage, done, total) => {
    seen.push(stage);
    assert.equal(typeof done, 'number');
    assert.equal(typeof total, 'number');
    assert.ok(done <= total || total === 0);
  });
  assert.ok(seen.length > 0, 'progress was reported');
  for (const stage of seen) assert.ok(['tokenize', 'repeats', 'families', 'report'].includes(stage), stage);

  corpus.add({ id: 'extra', text: 'Something new to compare.' });
  assert.equal(
    codeOf(() => corpus.compare(() => false)),
    'cancelled',
  );
  const boom = new Error('boom');
  assert.throws(
    () =>
      corpus.compare(() => {
        throw boom;
      }),
    (e) => e === boom,
  );
  // Calling back into the corpus from the callback is refused, and the corpus survives.
  assert.throws(() =>
    corpus.compare(() => {
      corpus.add({ id: 'inside', text: 'reentrant' });
    }),
  );
  assert.equal(corpus.length, 4);
  assert.equal(corpus.compare().statements.length, 4);
  corpus.free();
});

test('reports are plain JSON-compatible objects with null for missing metadata', () => {
  const corpus = corpusOf([
    { id: 'a', text: SCRIPTS.english[0], title: 'A', speaker: 'X', date: '2021-04-20', language: 'en' },
    { id: 'b', text: SCRIPTS.english[1], title: null },
    { id: 'c', text: SCRIPTS.english[2], extra: 'ignored' },
  ]);
  const report = corpus.compare();
  assert.deepEqual(JSON.parse(JSON.stringify(report)), report);
  assert.equal(Object.getPrototypeOf(report), Object.prototype);
  assert.equal(report.schema_version, 1);
  const [a, b] = report.statements;
  assert.equal(a.speaker, 'X');
  assert.equal(a.date, '2021-04-20');
  assert.equal(b.title, null);
  assert.equal(b.speaker, null);
  assert.deepEqual(report.similarity.ids, ['a', 'b', 'c']);
  const hits = corpus.query('sustainable security');
  assert.deepEqual(JSON.parse(JSON.stringify(hits)), hits);
  corpus.free();
});

test('a freed corpus throws instead of trapping; other instances go on', () => {
  const gone = corpusOf([{ id: 'a', text: 'one two' }]);
  const alive = corpusOf([
    { id: 'a', text: 'one two' },
    { id: 'b', text: 'one two' },
  ]);
  gone.free();
  assert.throws(() => gone.compare());
  assert.throws(() => gone.length);
  assert.equal(alive.length, 2);
  alive.compare();
  alive.free();
});

test("NFKC in WebAssembly (the JavaScript engine's) gives the native comparison forms", () => {
  // tests/fixtures/normalization.tsv is checked natively by src/text/normalize.rs.
  const table = readFileSync(new URL('../fixtures/normalization.tsv', import.meta.url), 'utf8');
  const corpus = new Corpus();
  corpus.add({ id: 'a', text: 'x' });
  // The second round finds each word's NFKC in the bindings' cache.
  for (const round of [1, 2]) {
    for (const line of table.split('\n').filter(Boolean)) {
      const [word, norm] = line.split('\t');
      assert.equal(corpus.query(word).query_norm, norm, `normalizing ${JSON.stringify(word)} (round ${round})`);
    }
  }
  corpus.free();
});

test('a query report says whether the exact phrase occurs, and no match crosses a sentence end', () => {
  const corpus = new Corpus();
  corpus.add({ id: 'a', text: 'We 🌍 practise genuine multilateralism. True results. Multilateralism needs trust.' });
  const q = corpus.query('true multilateralism');
  assert.equal(q.exact, false);
  assert.deepEqual(
    q.occurrences.map((o) => o.text),
    ['genuine multilateralism'],
  );
  assert.equal(corpus.query('genuine multilateralism').exact, true);
  corpus.free();
});

// ---- Contrast and selection.

// Group North practises "true multilateralism" in every statement (one Chinese, one with emoji);
// South says "uphold real multilateralism" once; both name the sustainable development goals alike.
const GROUPS = [
  {
    id: 'n0',
    speaker: 'North',
    date: '2019',
    text: 'Today we practise true multilateralism and we pursue the sustainable development goals. Owls call in the old barn.',
  },
  {
    id: 'n1',
    speaker: 'Mr. North',
    date: '2020',
    text: 'This country shall practise true multilateralism 🌍, and the sustainable development goals stay our guide. Snow falls.',
  },
  {
    id: 'n2',
    speaker: 'North',
    date: '2021',
    text: '我们要践行真正的多边主义。May every nation practise genuine multilateralism, keeping the sustainable development goals close.',
  },
  {
    id: 's0',
    speaker: 'South',
    date: '2019',
    text: 'Here we uphold real multilateralism and work for the sustainable development goals. Ferries leave at noon.',
  },
  {
    id: 's1',
    speaker: 'South',
    date: '2022',
    text: 'The sustainable development goals lead our planning, as does faith in institutions. Figs ripen in late summer.',
  },
  {
    id: 's2',
    speaker: 'South',
    date: '2023',
    text: 'Citizens expect the sustainable development goals met within ten years. Kites rise over the dunes.',
  },
];

function errorOf(fn) {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof Error);
    return e;
  }
  assert.fail('expected an error');
}

test('select chooses statements by metadata, or the rest; a bad selector is invalid_input', () => {
  const corpus = corpusOf(GROUPS, undefined, full.Corpus);
  assert.deepEqual(corpus.select('speaker=north'), ['n0', 'n1', 'n2'], 'titles left out, case ignored');
  assert.deepEqual(corpus.select('year=2019'), ['n0', 's0']);
  assert.deepEqual(corpus.select('year=2020-2022'), ['n1', 'n2', 's1']);
  assert.deepEqual(corpus.select('id=s2'), ['s2']);
  assert.deepEqual(corpus.select(null, ['speaker=North']), ['s0', 's1', 's2']);
  assert.deepEqual(corpus.select(null, ['year=2019', 'speaker=South']), ['n1', 'n2']);
  assert.deepEqual(corpus.select(null), corpus.select(null, []), 'the rest of nothing is everything');
  assert.equal(corpus.select(null).length, 6);
  assert.deepEqual(corpus.select('speaker=Nobody'), []);
  for (const [bad, words] of [
    ['colour=red', /colour/],
    ['year=19', /not a year/],
    ['speaker', /key=value/],
  ]) {
    const e = errorOf(() => corpus.select(bad));
    assert.equal(e.code, 'invalid_input', bad);
    assert.match(e.message, words);
  }
  assert.equal(errorOf(() => corpus.select(null, ['year=2024-2017'])).code, 'invalid_input');
  assert.equal(errorOf(() => corpus.select(5)).code, 'invalid_input');
  assert.equal(errorOf(() => corpus.select(null, 'speaker=North')).code, 'invalid_input');
  assert.equal(errorOf(() => corpus.select(null, [3])).code, 'invalid_input');
  corpus.free();
});

test('contrast tells which group uses a formula more, with each group’s wording and exact spans', () => {
  const corpus = corpusOf(GROUPS, undefined, full.Corpus);
  const north = corpus.select('speaker=North');
  const south = corpus.select(null, ['speaker=North']);
  const stages = [];
  const report = corpus.contrast(north, south, 'speaker=North', 'the rest', (stage) => {
    stages.push(stage);
  });
  assert.ok(stages.length > 0, 'progress is reported');
  assert.deepEqual(JSON.parse(JSON.stringify(report)), report, 'a plain JSON-compatible object');
  assert.equal(report.schema_version, 1);
  assert.deepEqual(report.a, { label: 'speaker=North', ids: north, content_words: report.a.content_words });
  assert.equal(report.b.label, 'the rest');
  assert.ok(report.a.content_words > 0 && report.b.content_words > 0);
  const z = report.families.map((f) => f.z);
  assert.deepEqual(
    z,
    [...z].sort((x, y) => y - x),
    'most distinctive of A first',
  );
  const formula = report.families.find((f) => f.family.root_norm.includes('multilateralism'));
  assert.ok(formula, 'the formula is contrasted');
  assert.ok(formula.z > 0, `North uses it more (z = ${formula.z})`);
  assert.equal(formula.count_a, 3);
  assert.equal(formula.count_b, 1);
  assert.deepEqual(formula.wordings_b, [{ text: 'uphold real multilateralism', count: 1 }]);
  assert.equal(
    formula.wordings_a.reduce((n, w) => n + w.count, 0),
    3,
  );
  assert.ok(Math.abs(formula.rate_a - (3 / report.a.content_words) * 10000) < 1e-3);
  // Every occurrence's UTF-16 span slices the caller's string.
  const byId = new Map(GROUPS.map((s) => [s.id, s.text]));
  for (const f of report.families) {
    for (const o of f.family.occurrences) assert.equal(byId.get(o.doc).slice(o.utf16_start, o.utf16_end), o.text);
  }
  // Swapping the groups flips the signs; labels default to A and B.
  const back = corpus.contrast(south, north);
  assert.deepEqual([back.a.label, back.b.label], ['A', 'B']);
  const again = back.families.find((f) => f.family.key === formula.family.key);
  assert.ok(Math.abs(again.z + formula.z) < 1e-6);
  corpus.free();
});

test('contrast errors have codes; the corpus keeps working', () => {
  const corpus = corpusOf(GROUPS, undefined, full.Corpus);
  const unknown = errorOf(() => corpus.contrast(['n0', 'zz'], ['s0']));
  assert.equal(unknown.code, 'unknown_statement');
  assert.match(unknown.message, /zz/);
  assert.equal(
    codeOf(() => corpus.contrast(['n0'], [])),
    'invalid_groups',
  );
  const both = errorOf(() => corpus.contrast(['n0', 's0'], ['s0']));
  assert.equal(both.code, 'invalid_groups');
  assert.match(both.message, /s0/);
  assert.equal(
    codeOf(() => corpus.contrast('n0', ['s0'])),
    'invalid_input',
  );
  assert.equal(
    codeOf(() => corpus.contrast(['n0'], [1])),
    'invalid_input',
  );
  assert.equal(
    codeOf(() => corpus.contrast(['n0'], ['s0'], 5)),
    'invalid_input',
  );
  assert.equal(
    codeOf(() => corpus.contrast(['n0'], ['s0'], 'A', 'B', 'not a function')),
    'invalid_input',
  );
  assert.equal(
    codeOf(() => corpus.contrast(['n0'], ['s0'], 'A', 'B', () => false)),
    'cancelled',
  );
  const boom = new Error('boom');
  assert.throws(
    () =>
      corpus.contrast(['n0'], ['s0'], undefined, undefined, () => {
        throw boom;
      }),
    (e) => e === boom,
  );
  assert.ok(corpus.contrast(['n0', 'n1'], ['s0', 's1']).families.length > 0);
  corpus.free();
});

// ---- The declarations, checked against the objects the package returns.

const DTS = readFileSync(new URL('../../www/pkg/refrain.d.ts', import.meta.url), 'utf8');
const FULL_DTS = readFileSync(new URL('../../www/pkg/full/refrain.d.ts', import.meta.url), 'utf8');

/** The fields an interface of refrain.d.ts declares: { name: { type, optional } }. */
function declared(name) {
  const m = new RegExp(`export interface ${name}(?: extends (\\w+))? \\{([\\s\\S]*?)\\n\\}`).exec(DTS);
  assert.ok(m, `refrain.d.ts declares ${name}`);
  const fields = m[1] ? declared(m[1]) : {};
  const body = m[2].replace(/\/\*\*[\s\S]*?\*\//g, '');
  for (const f of body.matchAll(/^\s*(\w+)(\??): ([^;]+);/gm)) fields[f[1]] = { type: f[3], optional: f[2] === '?' };
  return fields;
}

/** Checks that `value` has exactly the declared fields, with values of the declared types. */
function conforms(value, name) {
  const fields = declared(name);
  const required = Object.keys(fields).filter((k) => !fields[k].optional);
  for (const k of required) assert.ok(k in value, `${name}.${k} is present`);
  for (const [k, v] of Object.entries(value)) {
    assert.ok(k in fields, `${name} declares ${k}`);
    const { type } = fields[k];
    const types = type.split(' | ');
    const ok = types.some((t) => {
      if (t === 'null') return v === null;
      if (t === 'number' || t === 'string' || t === 'boolean') return typeof v === t;
      if (t.endsWith('[]')) return Array.isArray(v);
      if (/^"\w+"$/.test(t)) return v === JSON.parse(t);
      return typeof v === 'object' && v !== null; // another interface, checked below
    });
    assert.ok(ok, `${name}.${k}: ${JSON.stringify(v)} is a ${type}`);
  }
}

test('refrain.d.ts declares the contrast, the selection, why and the new error codes as they are', () => {
  const corpus = corpusOf(GROUPS, undefined, full.Corpus);
  const report = corpus.contrast(corpus.select('speaker=North'), corpus.select(null, ['speaker=North']));
  conforms(report, 'ContrastReport');
  conforms(report.a, 'GroupSummary');
  assert.ok(report.families.length > 0);
  for (const f of report.families) {
    conforms(f, 'ContrastFamily');
    for (const w of [...f.wordings_a, ...f.wordings_b]) conforms(w, 'Wording');
    conforms(f.family, 'Family');
    conforms(f.family.why, 'Why');
    conforms(f.family.why.factors, 'Factors');
  }
  const compared = corpus.compare();
  for (const f of compared.families) {
    conforms(f, 'Family');
    conforms(f.why, 'Why');
  }
  assert.equal(declared('Family').why.type, 'Why');
  assert.equal(declared('ContrastFamily').family.type, 'Family');
  assert.equal(declared('ContrastFamily').wordings_a.type, 'Wording[]');
  assert.equal(declared('ContrastReport').families.type, 'ContrastFamily[]');
  // The methods' signatures (in the full package's declarations; the core has neither method).
  assert.match(
    FULL_DTS,
    /contrast\(a: string\[\], b: string\[\], labelA\?: string, labelB\?: string, onProgress\?: ProgressCallback\): ContrastReport;/,
  );
  assert.match(FULL_DTS, /select\(selector: string \| null, others\?: string\[\]\): string\[\];/);
  assert.doesNotMatch(DTS, /contrast\(a: string/);
  // Every code the engine gives is in ErrorCode.
  const codes = /export type ErrorCode =([^;]*);/.exec(DTS)[1];
  for (const code of ['unknown_statement', 'invalid_groups', 'invalid_input', 'cancelled']) {
    assert.ok(codes.includes(`"${code}"`), code);
  }
  corpus.free();
});

// ---- Parallel texts: Corpus.align and the cross-language query (docs/parallel.md), in the full
// package; the core package has neither.

const PARALLEL = [
  {
    id: 'zh',
    language: 'zh',
    text: '主席先生：🌍我们要坚持多边主义，推动构建人类命运共同体。中国将提供20亿美元国际援助。（新华社北京9月22日电）',
  },
  {
    id: 'en',
    language: 'en',
    text: 'Mr.\u00a0President, 🌍 We should uphold multilateralism and build a community with a shared future for mankind. China will provide US$2 billion in international assistance.',
  },
];

test('the core package has no align, contrast or select, and its cross_language option finds nothing in the other language', () => {
  const corpus = corpusOf(PARALLEL);
  assert.equal(typeof corpus.align, 'undefined');
  assert.equal(typeof corpus.contrast, 'undefined', 'contrast is in the full package');
  assert.equal(typeof corpus.select, 'undefined', 'select is in the full package');
  assert.doesNotMatch(DTS, /align\(zhId/);
  assert.equal(corpus.options.cross_language, true);
  assert.deepEqual(
    corpus.query('人类命运共同体').occurrences.map((o) => [o.doc, o.translation]),
    [['zh', null]],
  );
  corpus.free();
});

test('Corpus.align aligns two statements by id, with exact UTF-16 spans and the formulas linked', () => {
  const corpus = corpusOf(PARALLEL, undefined, full.Corpus);
  const a = corpus.align('zh', 'en');
  conforms(a, 'Alignment');
  conforms(a.stats, 'AlignmentStats');
  const texts = { zh: PARALLEL[0].text, en: PARALLEL[1].text };
  for (const s of [...a.zh, ...a.en]) {
    conforms(s, 'AlignedSentence');
    assert.equal(texts[s.doc].slice(s.utf16_start, s.utf16_end), s.text);
  }
  for (const b of a.beads) conforms(b, 'Bead');
  const links = a.beads.flatMap((b) => b.formulas);
  for (const f of links) conforms(f, 'FormulaLink');
  const community = links.find((f) => f.entry_zh === '人类命运共同体');
  assert.ok(community, 'the formula is found');
  assert.equal(texts.zh.slice(community.zh.utf16_start, community.zh.utf16_end), '人类命运共同体');
  assert.equal(
    texts.en.slice(community.en.utf16_start, community.en.utf16_end),
    'community with a shared future for mankind',
  );
  // The source line only the Chinese edition has is not paired by guess.
  const source = a.zh.findIndex((s) => s.text.includes('新华社'));
  assert.ok(a.unaligned_zh.includes(source));
  assert.equal(a.beads.find((b) => b.zh.includes(source)).status, 'no_counterpart');
  assert.equal(
    codeOf(() => corpus.align('zh', 'nope')),
    'unknown_statement',
  );
  assert.equal(
    codeOf(() => corpus.align(1, 'en')),
    'invalid_input',
  );
  assert.match(FULL_DTS, /align\(zhId: string, enId: string\): Alignment;/);
  corpus.free();
});

test('a query finds the other language through the lexicon, marked, unless cross_language is off', () => {
  const corpus = corpusOf(PARALLEL, undefined, full.Corpus);
  const q = corpus.query('人类命运共同体');
  for (const o of q.occurrences) conforms(o, 'QueryOccurrence');
  assert.deepEqual(
    q.occurrences.map((o) => [o.doc, o.text, o.translation ? o.translation.phrase : null]),
    [
      ['zh', '人类命运共同体', null],
      ['en', 'community with a shared future for mankind', 'community with a shared future for mankind'],
    ],
  );
  const t = q.occurrences[1].translation;
  conforms(t, 'QueryTranslation');
  assert.deepEqual(
    [t.language, t.entry_zh, t.entry_en],
    ['en', '人类命运共同体', 'community with a shared future for mankind'],
  );
  assert.ok(t.evidence.length >= 1);
  for (const e of t.evidence) conforms(e, 'LexiconEvidence');
  assert.ok(t.evidence[0].zh_file.startsWith('official/zh/'));
  corpus.free();

  const off = corpusOf(PARALLEL, { cross_language: false }, full.Corpus);
  assert.equal(off.options.cross_language, false);
  assert.deepEqual(
    off.query('人类命运共同体').occurrences.map((o) => [o.doc, o.translation]),
    [['zh', null]],
  );
  off.free();
});
