// The Worker client (www/refrain-client.js + www/refrain-worker.js) in headless Chromium, served
// by scripts/serve.mjs with the page's Content Security Policy. Needs www/pkg (`make wasm`) and
// /usr/bin/chromium (scripts/setup.sh installs it).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CSP, startServer } from '../../scripts/serve.mjs';

const WWW = new URL('../../www/', import.meta.url);
if (!existsSync(new URL('pkg/refrain_bg.wasm', WWW))) {
  throw new Error('www/pkg is missing: run `make wasm` first');
}

/** Serves an empty test page on the server's origin to `page`, under the page's real Content Security Policy. */
async function serveTestPage(page) {
  await page.route('**/__client_test__.html', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      headers: { 'content-security-policy': CSP },
      body: '<!doctype html><meta charset="utf-8"><title>client test</title>',
    }),
  );
}

let server;
let browser;
let page;
let workerFetches = 0;

before(async () => {
  server = await startServer({ root: new URL(WWW).pathname, port: 0 });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await serveTestPage(page);
  // A worker that throws on every message, to test crash handling; counts its starts.
  await page.route('**/__crashing_worker__.js', (route) => {
    workerFetches += 1;
    route.fulfill({
      contentType: 'text/javascript',
      headers: { 'content-security-policy': CSP },
      body: "self.onmessage = () => { throw new Error('simulated crash'); };",
    });
  });
  await page.goto(`${server.url}__client_test__.html`);
  await page.evaluate(async () => {
    const module = await import('/refrain-client.js');
    window.refrain = module;
    window.client = new module.RefrainClient();
    // Runs a promise and returns its outcome as plain data.
    window.outcome = async (promise) => {
      try {
        return { ok: true, value: await promise };
      } catch (e) {
        return { ok: false, code: e.code, message: e.message, isError: e instanceof Error };
      }
    };
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const STATEMENTS = [
  {
    id: 'a',
    text: 'We must practise true multilateralism and build common, comprehensive, cooperative and sustainable security.',
    speaker: 'A',
    date: '2021-01-01',
  },
  {
    id: 'b',
    text: 'All countries should practise genuine multilateralism and build common, comprehensive, cooperative and sustainable security.',
    speaker: 'B',
    date: '2022-01-01',
  },
  {
    id: 'c',
    text: '我们要践行真正的多边主义 🌍 and build common, comprehensive, cooperative and sustainable security.',
    speaker: 'C',
  },
];

// A corpus large enough that comparing it takes a while, to cancel it mid-run.
function bigCorpus(n = 400) {
  const words =
    'security cooperation development multilateralism peace dialogue partnership sovereignty climate trade health digital divide future shared common genuine true real global governance order'.split(
      ' ',
    );
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  return Array.from({ length: n }, (_, i) => ({
    id: `s${i}`,
    text: Array.from({ length: 1500 }, () => words[Math.floor(next() * words.length)]).join(' '),
  }));
}

test('compare resolves to a report and reports progress', async () => {
  const result = await page.evaluate(async (statements) => {
    const progress = [];
    const out = await outcome(client.compare(statements, {}, { onProgress: (p) => progress.push(p) }));
    return { out, progress };
  }, STATEMENTS);
  assert.ok(result.out.ok, result.out.message);
  const report = result.out.value;
  assert.equal(report.schema_version, 1);
  assert.deepEqual(
    report.statements.map((s) => s.id),
    ['a', 'b', 'c'],
  );
  assert.ok(report.families.length > 0);
  assert.ok(result.progress.length > 0, 'progress events arrive');
  for (const p of result.progress) {
    assert.ok(['tokenize', 'repeats', 'families', 'report'].includes(p.stage), p.stage);
    assert.equal(typeof p.done, 'number');
    assert.equal(typeof p.total, 'number');
  }
  // UTF-16 offsets index the page's strings.
  const byId = new Map(STATEMENTS.map((s) => [s.id, s.text]));
  for (const f of report.families) {
    for (const o of f.occurrences) assert.equal(byId.get(o.doc).slice(o.utf16_start, o.utf16_end), o.text);
  }
});

test('query searches the statements of the last compare; the same statements are not indexed again', async () => {
  const result = await page.evaluate(async (statements) => {
    await client.compare(statements);
    const hits = await outcome(client.query('build common, comprehensive, cooperative and sustainable security'));
    const progress = [];
    const again = await outcome(
      client.compare(
        statements.map((s) => ({ ...s })),
        {},
        { onProgress: (p) => progress.push(p) },
      ),
    );
    const changed = [];
    const other = await outcome(
      client.compare(
        [...statements, { id: 'd', text: 'something else entirely' }],
        {},
        { onProgress: (p) => changed.push(p) },
      ),
    );
    return { hits, again, progressAgain: progress.length, other, progressChanged: changed.length };
  }, STATEMENTS);
  assert.ok(result.hits.ok, result.hits.message);
  assert.equal(result.hits.value.occurrences.length, 3);
  assert.ok(result.again.ok);
  assert.equal(result.progressAgain, 0, 'identical statements re-use the corpus and its report');
  assert.ok(result.other.ok);
  assert.ok(result.progressChanged > 0, 'changed statements are compared afresh');
});

test('a query before any compare, and engine errors, reject with codes', async () => {
  const result = await page.evaluate(async (statements) => {
    const fresh = new refrain.RefrainClient();
    const early = await outcome(fresh.query('anything'));
    const duplicate = await outcome(fresh.compare([statements[0], statements[0]]));
    const queryAfterFailure = await outcome(fresh.query('security'));
    const option = await outcome(fresh.compare(statements, { bogus: true }));
    const notArray = await outcome(fresh.compare('text'));
    const uncloneable = await outcome(fresh.compare([{ id: 'a', text: 'x', f: () => 1 }]));
    const emptyQuery = await outcome(
      (async () => {
        await fresh.compare(statements);
        return fresh.query('');
      })(),
    );
    const stillWorks = await outcome(fresh.query('sustainable security'));
    fresh.terminate();
    return { early, duplicate, queryAfterFailure, option, notArray, uncloneable, emptyQuery, stillWorks };
  }, STATEMENTS);
  assert.equal(result.early.code, 'no_statements');
  assert.equal(result.duplicate.code, 'duplicate_id');
  assert.ok(result.duplicate.isError);
  assert.match(result.duplicate.message, /"a"/);
  assert.equal(result.queryAfterFailure.code, 'duplicate_id', 'a query re-sends the failed statements');
  assert.equal(result.option.code, 'invalid_option');
  assert.equal(result.notArray.code, 'invalid_input');
  assert.equal(result.uncloneable.code, 'invalid_input');
  assert.equal(result.emptyQuery.code, 'empty_query');
  assert.ok(result.stillWorks.ok, result.stillWorks.message);
  assert.ok(result.stillWorks.value.occurrences.length >= 3);
});

test('cancel() rejects pending calls with code cancelled; the next call starts a new worker', async () => {
  const result = await page.evaluate(
    async ({ big, statements }) => {
      const c = new refrain.RefrainClient();
      let firstProgress;
      const started = new Promise((resolve) => (firstProgress = resolve));
      const running = outcome(c.compare(big, {}, { onProgress: firstProgress }));
      const queued = outcome(c.query('security'));
      await started;
      c.cancel();
      const [r, q] = await Promise.all([running, queued]);
      const after = await outcome(c.compare(statements));
      const hits = await outcome(c.query('sustainable security'));
      c.terminate();
      return { r, q, after, hits };
    },
    { big: bigCorpus(), statements: STATEMENTS },
  );
  assert.equal(result.r.code, 'cancelled');
  assert.ok(result.r.isError);
  assert.equal(result.q.code, 'cancelled');
  assert.ok(result.after.ok, result.after.message);
  assert.ok(result.hits.ok, result.hits.message);
});

test('an AbortSignal cancels its own call only', async () => {
  const result = await page.evaluate(
    async ({ big, statements }) => {
      const c = new refrain.RefrainClient();
      const pre = new AbortController();
      pre.abort();
      const already = await outcome(c.compare(statements, {}, { signal: pre.signal }));

      // Abort the running call: the queued one still runs, on a new worker.
      const a = new AbortController();
      let firstProgress;
      const started = new Promise((resolve) => (firstProgress = resolve));
      const running = outcome(c.compare(big, {}, { signal: a.signal, onProgress: firstProgress }));
      const next = outcome(c.compare(statements));
      await started;
      a.abort();
      const [r, n] = await Promise.all([running, next]);

      // Abort a queued call: it is dropped, the running one finishes.
      const q = new AbortController();
      const first = outcome(c.compare(statements));
      const dropped = outcome(c.query('security', { signal: q.signal }));
      q.abort();
      const [f, d] = await Promise.all([first, dropped]);
      const hits = await outcome(c.query('sustainable security'));
      c.terminate();
      return { already, r, n, f, d, hits };
    },
    { big: bigCorpus(), statements: STATEMENTS },
  );
  assert.equal(result.already.code, 'cancelled');
  assert.equal(result.r.code, 'cancelled');
  assert.ok(result.n.ok, result.n.message);
  assert.ok(result.f.ok, result.f.message);
  assert.equal(result.d.code, 'cancelled');
  assert.ok(result.hits.ok, result.hits.message);
  assert.ok(result.hits.value.occurrences.length >= 3);
});

test('a crashing worker rejects pending calls with worker_crashed; the next call starts a new one', async () => {
  workerFetches = 0;
  const result = await page.evaluate(async (statements) => {
    const c = new refrain.RefrainClient({ workerUrl: '/__crashing_worker__.js' });
    const first = outcome(c.compare(statements));
    const queued = outcome(c.query('security'));
    const [a, b] = await Promise.all([first, queued]);
    const again = await outcome(c.compare(statements));
    c.terminate();
    return { a, b, again };
  }, STATEMENTS);
  assert.equal(result.a.code, 'worker_crashed');
  assert.equal(result.b.code, 'worker_crashed');
  assert.equal(result.again.code, 'worker_crashed');
  assert.equal(workerFetches, 2, 'a new worker for the call after the crash');
});

test('contrast resolves to a contrast report, re-using the compared corpus; errors have codes', async () => {
  const result = await page.evaluate(async (statements) => {
    const c = new refrain.RefrainClient();
    await c.compare(statements);
    const stages = [];
    const same = await outcome(
      c.contrast({
        statements: statements.map((s) => ({ ...s })),
        a: ['a', 'b'],
        b: ['c'],
        labelA: 'English',
        labelB: 'mixed',
        onProgress: (p) => stages.push(p.stage),
      }),
    );
    // The first contrast moves the statements to the full engine (indexed there once); a second
    // one of the same statements re-uses them.
    const againStages = [];
    await outcome(
      c.contrast({
        statements: statements.map((s) => ({ ...s })),
        a: ['a', 'b'],
        b: ['c'],
        onProgress: (p) => againStages.push(p.stage),
      }),
    );
    // The query still searches the compared statements, on the same worker.
    const hits = await outcome(c.query('sustainable security'));
    const changedStages = [];
    const changed = await outcome(
      c.contrast({
        statements: [...statements, { id: 'd', text: 'A note on gardens, tea and bicycles.' }],
        a: ['d'],
        b: ['a', 'b', 'c'],
        onProgress: (p) => changedStages.push(p.stage),
      }),
    );
    const unknown = await outcome(c.contrast({ statements, a: ['a'], b: ['zz'] }));
    const empty = await outcome(c.contrast({ statements, a: ['a'], b: [] }));
    const notArray = await outcome(c.contrast({ statements, a: 'a', b: ['b'] }));
    const aborted = new AbortController();
    aborted.abort();
    const cancelled = await outcome(c.contrast({ statements, a: ['a'], b: ['b'], signal: aborted.signal }));
    const after = await outcome(c.contrast({ statements, a: ['c'], b: ['a'] }));
    c.terminate();
    return { same, stages, againStages, hits, changed, changedStages, unknown, empty, notArray, cancelled, after };
  }, STATEMENTS);
  assert.ok(result.same.ok, result.same.message);
  const report = result.same.value;
  assert.equal(report.schema_version, 1);
  assert.deepEqual([report.a.label, report.a.ids], ['English', ['a', 'b']]);
  assert.deepEqual([report.b.label, report.b.ids], ['mixed', ['c']]);
  const formula = report.families.find((f) => f.family.root_norm.includes('multilateralism'));
  assert.ok(formula, 'the multilateralism formula of a and b');
  assert.ok(formula.z > 0);
  assert.equal(formula.count_a, 2);
  assert.equal(formula.count_b, 0);
  assert.deepEqual(formula.wordings_b, []);
  const byId = new Map(STATEMENTS.map((s) => [s.id, s.text]));
  for (const f of report.families) {
    for (const o of f.family.occurrences) assert.equal(byId.get(o.doc).slice(o.utf16_start, o.utf16_end), o.text);
  }
  assert.ok(result.stages.length > 0, 'progress events arrive');
  assert.ok(result.againStages.length > 0, 'progress events arrive');
  assert.ok(!result.againStages.includes('tokenize'), 'the contrasted statements are not indexed again');
  assert.ok(result.hits.ok, result.hits.message);
  assert.equal(result.hits.value.occurrences.length, 3);
  assert.ok(result.changed.ok, result.changed.message);
  assert.deepEqual([result.changed.value.a.label, result.changed.value.b.label], ['A', 'B']);
  assert.ok(result.changedStages.includes('tokenize'), 'other statements are indexed');
  assert.equal(result.unknown.code, 'unknown_statement');
  assert.match(result.unknown.message, /zz/);
  assert.equal(result.empty.code, 'invalid_groups');
  assert.equal(result.notArray.code, 'invalid_input');
  assert.equal(result.cancelled.code, 'cancelled');
  assert.ok(result.after.ok, result.after.message);
});

test('sharedClient() is one client per page', async () => {
  const same = await page.evaluate(() => {
    const [first, second] = [refrain.sharedClient(), refrain.sharedClient()];
    return first === second && first instanceof refrain.RefrainClient;
  });
  assert.equal(same, true);
});

test('align resolves to the alignment of two statements, re-using the corpus; errors have codes', async () => {
  const pair = [
    { id: 'z', language: 'zh', text: '我们要坚持多边主义，推动构建人类命运共同体。中国将提供20亿美元国际援助。' },
    {
      id: 'e',
      language: 'en',
      text: 'We should uphold multilateralism and build a community with a shared future for mankind. China will provide US$2 billion in international assistance.',
    },
  ];
  const result = await page.evaluate(async (statements) => {
    const c = new refrain.RefrainClient();
    const stages = [];
    await c.compare(statements, {}, { onProgress: (p) => stages.push(p.stage) });
    const aligned = await outcome(c.align({ statements, zh: 'z', en: 'e' }));
    const unknown = await outcome(c.align({ statements, zh: 'z', en: 'nope' }));
    const aborted = new AbortController();
    aborted.abort();
    const cancelled = await outcome(c.align({ statements, zh: 'z', en: 'e', signal: aborted.signal }));
    c.terminate();
    return { aligned, unknown, cancelled };
  }, pair);
  assert.ok(result.aligned.ok, result.aligned.message);
  const a = result.aligned.value;
  assert.deepEqual(
    a.beads.map((b) => [b.zh, b.en, b.status]),
    [
      [[0], [0], 'aligned'],
      [[1], [1], 'aligned'],
    ],
  );
  const links = a.beads.flatMap((b) => b.formulas).map((f) => [f.zh.text, f.en ? f.en.text : null]);
  assert.deepEqual(links, [
    ['坚持多边主义', 'uphold multilateralism'],
    ['人类命运共同体', 'community with a shared future for mankind'],
  ]);
  assert.equal(result.unknown.code, 'unknown_statement');
  assert.equal(result.cancelled.code, 'cancelled');
});

test('a query of Chinese and English statements runs on the full engine: translations found, families named', async () => {
  // Two Chinese statements and their English editions share a formula in each language, so the
  // comparison has families in both; the core engine (which compared them) has no lexicon.
  const statements = [
    { id: 'z1', language: 'zh', text: '我们要推动构建人类命运共同体，坚持多边主义。' },
    { id: 'z2', language: 'zh', text: '各国应当推动构建人类命运共同体，坚持多边主义。' },
    {
      id: 'e1',
      language: 'en',
      text: 'We should build a community with a shared future for mankind and uphold multilateralism.',
    },
    {
      id: 'e2',
      language: 'en',
      text: 'All countries should build a community with a shared future for mankind and uphold multilateralism.',
    },
  ];
  const result = await page.evaluate(async (statements) => {
    const c = new refrain.RefrainClient();
    const report = await c.compare(statements);
    const hits = await outcome(c.query('人类命运共同体'));
    const progress = [];
    await c.compare(statements, {}, { onProgress: (p) => progress.push(p) });
    const off = await outcome(
      (async () => {
        await c.compare(statements, { cross_language: false });
        return c.query('人类命运共同体');
      })(),
    );
    c.terminate();
    return { families: report.families.length, hits, progressAgain: progress.length, off };
  }, statements);
  assert.ok(result.families > 0, 'the statements share families');
  assert.ok(result.hits.ok, result.hits.message);
  const occ = result.hits.value.occurrences;
  assert.deepEqual(
    occ.map((o) => [o.doc, o.translation ? o.translation.language : null]),
    [
      ['z1', null],
      ['z2', null],
      ['e1', 'en'],
      ['e2', 'en'],
    ],
  );
  assert.ok(
    occ.filter((o) => !o.translation).every((o) => typeof o.family === 'string'),
    `the query names the families of the comparison: ${JSON.stringify(occ.map((o) => o.family))}`,
  );
  assert.equal(result.progressAgain, 0, 'the same statements re-use the corpus and its report');
  assert.ok(result.off.ok, result.off.message);
  assert.deepEqual(
    result.off.value.occurrences.map((o) => [o.doc, o.translation]),
    [
      ['z1', null],
      ['z2', null],
    ],
  );
});

/** The test page in a fresh context, whose requests (the Worker's included) show what was fetched. */
async function freshPage() {
  const context = await browser.newContext();
  const fresh = await context.newPage();
  const requests = [];
  fresh.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await serveTestPage(fresh);
  await fresh.goto(`${server.url}__client_test__.html`);
  return { context, fresh, requests };
}

test('a comparison of any size runs on the core engine: a large one loads nothing more', async () => {
  const { context, fresh, requests } = await freshPage();
  const large = bigCorpus(40);
  const characters = large.reduce((n, s) => n + s.text.length, 0);
  assert.ok(characters >= 256 * 1024, `the large corpus has ${characters} characters`);
  const small = await fresh.evaluate(async (statements) => {
    const { RefrainClient } = await import('/refrain-client.js');
    window.c = new RefrainClient();
    const report = await c.compare(statements);
    return report.statements.length;
  }, STATEMENTS);
  assert.equal(small, STATEMENTS.length);
  const wasm = () => requests.filter((p) => p.endsWith('refrain_bg.wasm'));
  assert.deepEqual(wasm(), ['/pkg/refrain_bg.wasm'], 'the small comparison loaded the core only');
  const result = await fresh.evaluate(async (statements) => {
    const report = await c.compare(statements);
    const hits = await c.query('genuine multilateralism');
    c.terminate();
    return { ids: report.statements.map((s) => s.id), families: report.families.length, hits: hits.total };
  }, large);
  assert.deepEqual(wasm(), ['/pkg/refrain_bg.wasm'], 'the large one loaded no other engine');
  assert.deepEqual(
    result.ids,
    large.map((s) => s.id),
  );
  assert.ok(result.families > 0, 'the large statements share families');
  assert.ok(result.hits > 0, 'the query searches the large statements');
  await context.close();
});

test('load() starts the worker and loads the core engine ahead of the first call, which then uses it', async () => {
  const { context, fresh, requests } = await freshPage();
  // English statements only: a query of Chinese and English ones would load the full engine.
  const ENGLISH = STATEMENTS.slice(0, 2);
  const loaded = await fresh.evaluate(async () => {
    const { RefrainClient } = await import('/refrain-client.js');
    window.c = new RefrainClient();
    return c.load();
  });
  assert.equal(loaded, null);
  const wasm = () => requests.filter((p) => p.endsWith('.wasm'));
  assert.deepEqual(wasm(), ['/pkg/refrain_bg.wasm'], 'load() fetched the core engine');
  const result = await fresh.evaluate(async (statements) => {
    const outcome = async (promise) => {
      try {
        return { ok: true, value: await promise };
      } catch (e) {
        return { ok: false, code: e.code };
      }
    };
    // Loading is no comparison: there is nothing to query yet.
    const before = await outcome(c.query('sustainable security'));
    const report = await c.compare(statements);
    const hits = await c.query('sustainable security');
    c.terminate();
    return { before, ids: report.statements.map((s) => s.id), hits: hits.total };
  }, ENGLISH);
  assert.equal(result.before.code, 'no_statements');
  assert.deepEqual(
    result.ids,
    ENGLISH.map((s) => s.id),
  );
  assert.ok(result.hits > 0);
  assert.deepEqual(wasm(), ['/pkg/refrain_bg.wasm'], 'the comparison used the loaded engine');
  const more = await fresh.evaluate(async (statements) => {
    const { RefrainClient } = await import('/refrain-client.js');
    // A call made while the engine loads is answered once it is loaded.
    const d = new RefrainClient();
    const [loaded, report] = await Promise.all([d.load(), d.compare(statements)]);
    d.terminate();
    // cancel() ends a load too.
    const e = new RefrainClient();
    const load = e.load().then(
      () => 'loaded',
      (error) => error.code,
    );
    e.cancel();
    return { together: [loaded, report.statements.map((s) => s.id)], cancelled: await load };
  }, ENGLISH);
  assert.deepEqual(more.together, [null, ENGLISH.map((s) => s.id)]);
  assert.equal(more.cancelled, 'cancelled');
  await context.close();
});

test('a Worker started ahead is the first worker of the client, which ignores replies to the caller requests', async () => {
  const { context, fresh, requests } = await freshPage();
  const ENGLISH = STATEMENTS.slice(0, 2);
  const result = await fresh.evaluate(async (statements) => {
    // As js/start.js does: the Worker first, its engine loading, then the client takes it.
    const worker = new Worker('/refrain-worker.js', { type: 'module', name: 'refrain' });
    worker.postMessage({ id: 0, type: 'load' });
    worker.postMessage({ id: -1, type: 'query', phrase: 'security' }); // answered with an error
    const { RefrainClient } = await import('/refrain-client.js');
    window.c = new RefrainClient({ worker });
    const loaded = await c.load();
    const report = await c.compare(statements);
    const hits = await c.query('sustainable security');
    return { loaded, ids: report.statements.map((s) => s.id), hits: hits.total };
  }, ENGLISH);
  assert.deepEqual(result, { loaded: null, ids: ENGLISH.map((s) => s.id), hits: result.hits });
  assert.ok(result.hits > 0);
  const count = (end) => requests.filter((p) => p.endsWith(end)).length;
  assert.equal(count('/refrain-worker.js'), 1, 'the client used the Worker it was given');
  assert.equal(count('/refrain_bg.wasm'), 1, 'which loaded the engine once');
  // cancel() stops it like a worker of the client's own; the next call starts a new one.
  const again = await fresh.evaluate(async (statements) => {
    c.cancel();
    const report = await c.compare(statements);
    c.terminate();
    return report.statements.map((s) => s.id);
  }, ENGLISH);
  assert.deepEqual(
    again,
    ENGLISH.map((s) => s.id),
  );
  assert.equal(count('/refrain-worker.js'), 2, 'a new worker after cancel()');
  await context.close();
});

test('a load request may carry the engine compiled by the caller, which the worker instantiates without fetching it', async () => {
  const { context, fresh, requests } = await freshPage();
  const ENGLISH = STATEMENTS.slice(0, 2);
  const result = await fresh.evaluate(async (statements) => {
    // As js/start.js does: the page compiles the .wasm and hands it to the Worker it started.
    const worker = new Worker('/refrain-worker.js', { type: 'module', name: 'refrain' });
    const module = await WebAssembly.compileStreaming(fetch('/pkg/refrain_bg.wasm'));
    worker.postMessage({ id: 0, type: 'load', module });
    const { RefrainClient } = await import('/refrain-client.js');
    const c = new RefrainClient({ worker });
    const report = await c.compare(statements);
    const hits = await c.query('sustainable security');
    c.terminate();
    return { ids: report.statements.map((s) => s.id), hits: hits.total };
  }, ENGLISH);
  assert.deepEqual(
    result.ids,
    ENGLISH.map((s) => s.id),
  );
  assert.ok(result.hits > 0);
  assert.deepEqual(
    requests.filter((p) => p.endsWith('.wasm')),
    ['/pkg/refrain_bg.wasm'],
    'the .wasm was fetched once, by the page',
  );
  await context.close();
});

test('a worker idle once its engine is loaded primes it; the first report is an unprimed engine’s', async () => {
  const { context, fresh } = await freshPage();
  const marks = async (worker) =>
    worker.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name.replace('refrain:', '')));
  await fresh.evaluate(async () => {
    const { RefrainClient } = await import('/refrain-client.js');
    window.idle = new RefrainClient({ worker: new Worker('/refrain-worker.js', { type: 'module', name: 'idle' }) });
    await idle.load();
  });
  const idleWorker = fresh.workers().find((w) => w.url().endsWith('/refrain-worker.js'));
  let seen = await marks(idleWorker);
  // Priming comes in a task of its own after the load: wait for it (60 s at most).
  for (let i = 0; i < 600 && !seen.includes('engine-primed'); i++) {
    await fresh.waitForTimeout(100);
    seen = await marks(idleWorker);
  }
  assert.deepEqual(seen, ['engine-core', 'engine-primed']);
  const result = await fresh.evaluate(async (statements) => {
    const report = await idle.compare(statements);
    // The same statements on an engine of this page's own, which nothing has primed.
    const engine = await import('/pkg/refrain.js');
    await engine.default({ module_or_path: '/pkg/refrain_bg.wasm' });
    const corpus = new engine.Corpus();
    for (const statement of statements) corpus.add(statement);
    const unprimed = corpus.compare();
    corpus.free();
    // A worker asked to compare as soon as it starts has no wait to use: it does not prime.
    const { RefrainClient } = await import('/refrain-client.js');
    const busy = new RefrainClient({ worker: new Worker('/refrain-worker.js', { type: 'module', name: 'busy' }) });
    await busy.compare(statements);
    return { report: JSON.stringify(report), unprimed: JSON.stringify(unprimed) };
  }, STATEMENTS);
  assert.equal(result.report, result.unprimed);
  const busyWorker = fresh.workers().find((w) => w !== idleWorker && w.url().endsWith('/refrain-worker.js'));
  assert.deepEqual(await marks(busyWorker), ['engine-core', 'compare-start', 'compare-end']);
  await context.close();
});
