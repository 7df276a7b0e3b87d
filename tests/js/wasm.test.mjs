// The JavaScript API of the WebAssembly package (www/pkg, built by `make wasm`), in Node:
// spans index the caller's strings, errors carry codes, bad input never breaks the instance.
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

function corpusOf(statements, options) {
  const corpus = new Corpus(options);
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
  for (const line of table.split('\n').filter(Boolean)) {
    const [word, norm] = line.split('\t');
    assert.equal(corpus.query(word).query_norm, norm, `normalizing ${JSON.stringify(word)}`);
  }
  corpus.free();
});
