// Chinese and Japanese words in the browser builds: the WebAssembly package cuts runs of Han and
// kana with the JavaScript engine's Intl.Segmenter (a hook the bindings set), and must give the
// words the native build gives (tests/fixtures/segmentation.tsv, written and checked natively by
// tests/segmentation.rs). Checked in Node on the package itself, and in headless Chromium through
// the Worker client under the page's Content Security Policy. On the Chinese statements of
// ../shared/corpus, no family, occurrence or query result may start or end inside a word of the
// engine's Intl.Segmenter. Needs www/pkg (`make wasm`) and /usr/bin/chromium.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { CSP } from '../../scripts/serve.mjs';
import { setUp } from '../e2e/helpers.mjs';

const WWW = new URL('../../www/', import.meta.url);
if (!existsSync(new URL('pkg/refrain_bg.wasm', WWW))) {
  throw new Error('www/pkg is missing: run `make wasm` first');
}
const { initSync, Corpus } = await import(new URL('pkg/refrain.js', WWW).href);
initSync({ module: readFileSync(new URL('pkg/refrain_bg.wasm', WWW)) });

// [text, its words as written] of the fixture.
const FIXTURE = readFileSync(new URL('../fixtures/segmentation.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => {
    const [text, words] = line.split('\t');
    return [text, words.split(' ')];
  });

// The Chinese statements of ../shared/corpus.
const SHARED = new URL('../../../shared/corpus/official/zh/', import.meta.url);
const STATEMENTS = readdirSync(SHARED)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ id: f, text: readFileSync(new URL(f, SHARED), 'utf8') }));

// Phrases searched for; some start or end inside a word.
const QUERIES = [
  '人类命运共同体',
  '践行真正的多边主义',
  '数字鸿沟',
  '全球治理',
  '中国式现代化',
  '建人类命运',
  '行真正的多边',
];

// Every word a query's occurrences found, in text order: a query match stops at a sentence end
// (the engine takes "U.S. policy" for one), so the text's words come in several occurrences.
function wordsOf(hits) {
  return [...hits.occurrences]
    .sort((x, y) => x.start - y.start)
    .flatMap((o) => o.explanation.filter((e) => e.text !== undefined).map((e) => e.text));
}

// Options under which every piece of the text is a query result.
const EVERY_PIECE = { query_min_score: 0.01, query_max_results: 1000 };

// The words the engine finds in `text`: query the text in a corpus of it alone (a lone statement
// joins no words) and read the explanations of its occurrences.
function engineWords(text) {
  const corpus = new Corpus(EVERY_PIECE);
  try {
    corpus.add({ id: 'a', text });
    return wordsOf(corpus.query(text));
  } finally {
    corpus.free();
  }
}

test('the package in Node cuts the fixture into the native words', () => {
  assert.ok(FIXTURE.length > 100, `only ${FIXTURE.length} lines`);
  for (const [text, words] of FIXTURE) {
    assert.deepEqual(engineWords(text), words, `the words of ${JSON.stringify(text)}`);
  }
});

// Every place of a report or query report: [what, doc, utf16_start, utf16_end].
function places(report) {
  const out = [];
  const edits = (what, doc, list) => {
    for (const e of list ?? []) if (e.utf16_start !== undefined) out.push([what, doc, e.utf16_start, e.utf16_end]);
  };
  for (const f of report.families ?? []) {
    out.push(['root', f.root_excerpt.doc, f.root_excerpt.utf16_start, f.root_excerpt.utf16_end]);
    for (const o of f.occurrences) {
      out.push(['occurrence', o.doc, o.utf16_start, o.utf16_end]);
      edits('edit', o.doc, o.diff);
    }
  }
  for (const o of report.occurrences ?? []) {
    out.push(['query result', o.doc, o.utf16_start, o.utf16_end]);
    edits('query word', o.doc, o.explanation);
  }
  return out;
}

// The UTF-16 offsets strictly inside a word of a run of Han and kana, by Intl.Segmenter. Written as
// a function's source too, to run in Chromium.
function insideWords(text) {
  const words = new Intl.Segmenter('zh', { granularity: 'word' });
  const inside = new Set();
  for (const run of text.matchAll(/[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u30FC\uFF70\uFF9E\uFF9F]+/gu)) {
    for (const w of words.segment(run[0])) {
      for (let i = 1; i < w.segment.length; i++) inside.add(run.index + w.index + i);
    }
  }
  return inside;
}

function checkPlaces(all, inside) {
  for (const [what, doc, start, end] of all) {
    const cut = inside.get(doc);
    assert.ok(cut, `unknown statement ${doc}`);
    assert.ok(!cut.has(start) && !cut.has(end), `${what} ${doc} ${start}..${end} starts or ends inside a word`);
  }
}

test('in Node, no family, occurrence or query result on the Chinese statements cuts a word', () => {
  assert.ok(STATEMENTS.length >= 15, `only ${STATEMENTS.length} Chinese statements`);
  const corpus = new Corpus({ max_families: 100000 });
  try {
    for (const s of STATEMENTS) corpus.add(s);
    const all = places(corpus.compare());
    for (const q of QUERIES) {
      const hits = corpus.query(q);
      assert.ok(hits.occurrences.length > 0, `${q} finds something`);
      all.push(...places(hits));
    }
    assert.ok(all.length > 10000, `only ${all.length} places`);
    checkPlaces(all, new Map(STATEMENTS.map((s) => [s.id, insideWords(s.text)])));
  } finally {
    corpus.free();
  }
});

let env;
let page;

before(async () => {
  env = await setUp();
  page = await env.browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.route('**/__segmentation_test__.html', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      headers: { 'content-security-policy': CSP },
      body: '<!doctype html><meta charset="utf-8"><title>segmentation test</title>',
    }),
  );
  await page.goto(`${env.url}__segmentation_test__.html`);
  await page.evaluate(async () => {
    const module = await import('/refrain-client.js');
    window.client = new module.RefrainClient();
  });
  // The same function in the page, with Chromium's Intl.Segmenter (evaluated by the test driver,
  // which the page's policy does not restrict).
  await page.evaluate(`window.insideWords = ${insideWords.toString()}`);
});

after(async () => {
  await env?.close();
});

test('in Chromium, the worker cuts the fixture into the native words', async () => {
  const got = await page.evaluate(
    async ([texts, options]) => {
      const out = [];
      for (const text of texts) {
        await client.compare([{ id: 'a', text }], options);
        const hits = await client.query(text);
        out.push(
          [...hits.occurrences]
            .sort((x, y) => x.start - y.start)
            .flatMap((o) => o.explanation.filter((e) => e.text !== undefined).map((e) => e.text)),
        );
      }
      return out;
    },
    [FIXTURE.map(([text]) => text), EVERY_PIECE],
  );
  for (const [i, [text, words]] of FIXTURE.entries()) {
    assert.deepEqual(got[i], words, `the words of ${JSON.stringify(text)}`);
  }
});

test('in Chromium, no family, occurrence or query result on the Chinese statements cuts a word', async () => {
  const { reports, inside } = await page.evaluate(
    async ({ statements, queries }) => {
      const reports = [await client.compare(statements, { max_families: 100000 })];
      for (const q of queries) reports.push(await client.query(q));
      const inside = statements.map((s) => [s.id, [...window.insideWords(s.text)]]);
      return { reports, inside };
    },
    { statements: STATEMENTS, queries: QUERIES },
  );
  for (const [i, q] of QUERIES.entries()) {
    assert.ok(reports[i + 1].occurrences.length > 0, `${q} finds something`);
  }
  const all = reports.flatMap(places);
  assert.ok(all.length > 10000, `only ${all.length} places`);
  checkPlaces(all, new Map(inside.map(([id, offsets]) => [id, new Set(offsets)])));
});
