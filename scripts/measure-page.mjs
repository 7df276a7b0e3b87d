// Speed figures of the page and the engine in headless Chromium (build www/pkg with `make wasm`;
// Chromium at /usr/bin/chromium or $CHROMIUM, as the page tests use it).
//   node scripts/measure-page.mjs [--runs N] [--demo-only] [--against DIR]
// Prints, each as the median of N runs (default 5) with the fastest and slowest:
// - the demo's load to first highlight: a fresh browser context (empty cache and storage, no
//   service worker) opens the page; the figure is the time from navigation start to the first
//   frame painted after the reader shows a highlighted passage (target < 300 ms), with the
//   page's own marks beside it (refrain:start: js/start.js runs and starts the Worker;
//   refrain:first-compare: it sends the first comparison; refrain:compared: the report is in
//   app.js) and the Worker's (the engine loaded, the comparison's start and end there);
// - the same on a second visit (the service worker and the HTTP cache warm);
// - the first visit of the engine alone: a page served beside www/ that only starts the Worker,
//   compiles the .wasm, fetches the default demo's texts and compares them (the floor under the
//   page's own first visit on this machine);
// - the first visit of the page alone: www/ itself, but its engine's Worker replaced by one that
//   answers the first comparison at once, with the report the engine gave in an untimed visit
//   before the runs, and no .wasm to compile (the floor under the page's first visit that the
//   page's own files and rendering set on this machine);
// - the comparison of every statement of ../shared/corpus (or $REFRAIN_CORPUS) in Chromium:
//   the engine on the page's main thread (Corpus.add and Corpus.compare, as in
//   scripts/measure-wasm.mjs), and through the Worker client (RefrainClient.compare: copying the
//   statements to the Worker, indexing, comparing and copying the report back), target < 0.5 s.
// --against DIR: the demo's figures of www/ and of DIR (another build of the page, e.g. a copy of
// www/ at another commit, with its pkg/), each run of one followed by a run of the other, in
// alternating order, so that both see the same load of the machine; then no corpus figures.
// Each build is served by scripts/serve.mjs in a process of its own, as `make run` serves it.
// The targets are reported, not enforced: this is a benchmark, not a timed test. It prints
// figures only, never the statements' text.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { corpusDir, readCorpus } from './corpus.mjs';
import { spawn } from 'node:child_process';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WWW = join(ROOT, 'www');
const at = process.argv.indexOf('--runs');
const RUNS = at > 0 ? Math.max(1, Number(process.argv[at + 1]) || 5) : 5;
const against = process.argv.indexOf('--against');
const OTHER = against > 0 ? resolve(process.argv[against + 1] || '') : null;
const FIRST_HIGHLIGHT_MS = 300;
const COMPARE_MS = 500;

for (const root of [WWW, OTHER].filter(Boolean)) {
  if (!existsSync(join(root, 'pkg', 'refrain.js'))) {
    console.error(`measure: ${join(root, 'pkg')} is missing; run \`make wasm\` first`);
    process.exit(1);
  }
}

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const spread = (xs) => `${median(xs).toFixed(0)} ms (${sorted(xs)[0].toFixed(0)}-${sorted(xs).at(-1).toFixed(0)})`;
const verdict = (ok) => (ok ? 'ok' : 'OVER TARGET');

// Records, before the page's own scripts run, when the first highlighted passage of the reader
// enters the document and the first frame painted after it.
function watchFirstHighlight() {
  const seen = () => document.querySelector('#panel-read mark.occ');
  const observer = new MutationObserver(() => {
    if (!seen()) return;
    observer.disconnect();
    window.__highlightInDom = performance.now();
    requestAnimationFrame(() => {
      // The callback of a frame runs before its paint; the task after it runs once it is painted.
      setTimeout(() => {
        window.__highlightPainted = performance.now();
      }, 0);
    });
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function visit(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => window.__highlightPainted !== undefined, null, { timeout: 60_000 });
  const marks = await page.evaluate(() => {
    const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN;
    return {
      origin: performance.timeOrigin,
      painted: window.__highlightPainted,
      inDom: window.__highlightInDom,
      start: mark('refrain:start'),
      firstCompare: mark('refrain:first-compare'),
      compared: mark('refrain:compared'),
      state: document.documentElement.dataset.state,
    };
  });
  // The Worker's marks (refrain-worker.js), moved to the page's time: the engine loaded, and the
  // comparison's start and end in the Worker.
  const worker = page.workers().find((w) => new URL(w.url()).pathname.endsWith('/refrain-worker.js'));
  const inWorker = worker
    ? await worker
        .evaluate(() => ({
          origin: performance.timeOrigin,
          marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
        }))
        .catch(() => null)
    : null;
  const workerMark = (name) =>
    inWorker && name in inWorker.marks ? inWorker.marks[name] + inWorker.origin - marks.origin : Number.NaN;
  return {
    ...marks,
    engine: workerMark('refrain:engine-core'),
    compareStart: workerMark('refrain:compare-start'),
    compareEnd: workerMark('refrain:compare-end'),
  };
}

// Each build is served by scripts/serve.mjs in a process of its own, as `make run` serves the page,
// so that the server does not share this process's event loop with the browser's driver.
function serve(root) {
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'serve.mjs'), root, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((ok, fail) => {
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`measure: the server of ${root} exited (${code})`)));
    let out = '';
    child.stdout.on('data', (data) => {
      out += data;
      const url = /http:\/\/[^\s]+\//.exec(out)?.[0];
      if (url) ok({ url, close: () => child.kill() });
    });
  });
}
// The least a page can do for the demo's first highlight, served beside www/ (from this script, not
// from a file of the page): the engine's Worker (www/refrain-worker.js), the .wasm compiled by the
// page and handed to it as js/start.js does, the texts www/index.html preloads (the default demo
// set), one comparison with the engine's default options, and one highlighted passage. Its first
// visit is the floor under the page's: what the engine's files and one cold comparison cost on this
// machine, before any of the page's own work.
const DEMO_TEXTS = [
  ...readFileSync(join(WWW, 'index.html'), 'utf8').matchAll(/<link rel="preload" href="(demo\/[^"]+\.txt)"/g),
].map((m) => m[1]);
if (!DEMO_TEXTS.length) {
  console.error('measure: www/index.html preloads no demo text; the engine alone has nothing to compare');
  process.exit(1);
}
const FLOOR_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title>
<script type="module" src="floor.js"></script></head><body><div id="panel-read"></div></body></html>`;
const FLOOR_JS = `performance.mark('refrain:start');
const worker = new Worker('refrain-worker.js', { type: 'module' });
const loaded = WebAssembly.compileStreaming(fetch('pkg/refrain_bg.wasm')).then((module) => worker.postMessage({ id: 0, type: 'load', module }));
const files = ${JSON.stringify(DEMO_TEXTS)};
const texts = await Promise.all(files.map((f) => fetch(f).then((r) => r.text())));
await loaded;
worker.onmessage = ({ data }) => {
  if (data.id !== 1 || data.type !== 'result') return;
  performance.mark('refrain:compared');
  const occurrence = data.value.families[0].occurrences[0];
  const mark = document.createElement('mark');
  mark.className = 'occ';
  mark.textContent = occurrence.text;
  document.getElementById('panel-read').append(mark);
};
performance.mark('refrain:first-compare');
worker.postMessage({ id: 1, type: 'compare', statements: files.map((id, i) => ({ id, text: texts[i] })), options: {} });`;

// The engine's Worker for the page alone: no engine; the report of the demo's first comparison
// (recorded before the runs) is part of its script and sent back at once.
const pageAloneWorker = (report) => `performance.mark('refrain:engine-core');
const REPORT = ${report};
self.onmessage = ({ data: { id, type } }) => {
  if (type === 'load') return postMessage({ id, type: 'result', value: null });
  if (type !== 'compare') return postMessage({ id, type: 'error', code: 'engine', message: 'no engine in this measurement' });
  performance.mark('refrain:compare-start');
  postMessage({ id, type: 'result', value: REPORT });
  performance.mark('refrain:compare-end');
};`;

// The report of the page's first comparison (the demo), as the Worker sends it to the page.
async function recordReport(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  await context.addInitScript(() => {
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(...args) {
        super(...args);
        this.addEventListener('message', ({ data }) => {
          if (data?.type === 'result' && data.value?.families && !window.__firstReport) {
            window.__firstReport = JSON.stringify(data.value);
          }
        });
      }
    };
  });
  const page = await context.newPage();
  await page.goto(url);
  const report = await (await page.waitForFunction(() => window.__firstReport, null, { timeout: 60_000 })).jsonValue();
  await context.close();
  return report;
}

const server = await serve(WWW);
const other = OTHER ? await serve(OTHER) : null;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  // 1. The demo, first visit and second visit (of www/, and of the other build in alternation).
  const builds = [{ name: 'www', url: server.url, first: [], second: [] }];
  if (other) builds.push({ name: OTHER, url: other.url, first: [], second: [] });
  const floor = { url: `${server.url}floor.html`, first: [] };
  const alone = { url: server.url, first: [], worker: pageAloneWorker(await recordReport(browser, server.url)) };
  for (let i = 0; i < RUNS; i++) {
    for (const build of i % 2 ? [...builds, floor, alone].reverse() : [...builds, floor, alone]) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      await context.addInitScript(watchFirstHighlight);
      const page = await context.newPage();
      if (build === alone) {
        await page.route(`${server.url}refrain-worker.js`, (route) =>
          route.fulfill({ contentType: 'text/javascript', body: alone.worker }),
        );
        await page.route(`${server.url}pkg/refrain_bg.wasm`, (route) => route.fulfill({ status: 404 }));
        alone.first.push(await visit(page, alone.url));
        await context.close();
        continue;
      }
      if (build === floor) {
        await page.route(floor.url, (route) => route.fulfill({ contentType: 'text/html', body: FLOOR_HTML }));
        await page.route(`${server.url}floor.js`, (route) =>
          route.fulfill({ contentType: 'text/javascript', body: FLOOR_JS }),
        );
        floor.first.push(await visit(page, floor.url));
        await context.close();
        continue;
      }
      build.first.push(await visit(page, build.url));
      // The service worker installs after the first load; wait for it before the second visit.
      await page.evaluate(() => navigator.serviceWorker?.ready);
      build.second.push(await visit(page, build.url));
      await context.close();
    }
  }
  for (const [name, runs] of builds.flatMap((b) => [
    [`${other ? `${b.name}: ` : ''}first visit`, b.first],
    [`${other ? `${b.name}: ` : ''}second visit`, b.second],
  ])) {
    const painted = runs.map((r) => r.painted);
    console.log(
      `demo, ${name}: first highlight painted ${spread(painted)} after navigation (target < ${FIRST_HIGHLIGHT_MS} ms: ${verdict(median(painted) < FIRST_HIGHLIGHT_MS)})`,
    );
    console.log(
      `  marks: start.js ${spread(runs.map((r) => r.start))}, first comparison sent ${spread(runs.map((r) => r.firstCompare))}, compared ${spread(runs.map((r) => r.compared))}, highlight in the document ${spread(runs.map((r) => r.inDom))}`,
    );
    console.log(
      `  in the Worker: engine loaded ${spread(runs.map((r) => r.engine))}, comparison from ${spread(runs.map((r) => r.compareStart))} to ${spread(runs.map((r) => r.compareEnd))}`,
    );
  }
  console.log(
    `demo, the engine alone (a page that only starts the Worker, compiles the .wasm, fetches the ${DEMO_TEXTS.length} texts and compares them), first visit: first highlight painted ${spread(floor.first.map((r) => r.painted))}`,
  );
  console.log(
    `  in the Worker: engine loaded ${spread(floor.first.map((r) => r.engine))}, comparison from ${spread(floor.first.map((r) => r.compareStart))} to ${spread(floor.first.map((r) => r.compareEnd))}`,
  );

  console.log(
    `demo, the page alone (www/ with a Worker that answers the first comparison at once with the engine's report, recorded before the runs and part of its script, and no .wasm), first visit: first highlight painted ${spread(alone.first.map((r) => r.painted))}`,
  );
  console.log(
    `  marks: start.js ${spread(alone.first.map((r) => r.start))}, first comparison sent ${spread(alone.first.map((r) => r.firstCompare))}, compared ${spread(alone.first.map((r) => r.compared))}, highlight in the document ${spread(alone.first.map((r) => r.inDom))}; its Worker started ${spread(alone.first.map((r) => r.engine))}`,
  );

  // 2. The corpus in Chromium.
  const corpus = corpusDir(ROOT);
  if (process.argv.includes('--demo-only') || other) {
    // Only the demo's figures.
  } else if (!existsSync(corpus)) {
    console.log(`corpus: ${corpus} not found; the comparison in Chromium is skipped`);
  } else {
    const statements = readCorpus(corpus);
    const bytes = statements.reduce((n, s) => n + Buffer.byteLength(s.text), 0);
    console.log(`corpus in Chromium: ${statements.length} statements, ${(bytes / 1024).toFixed(1)} KB`);
    // A blank document of the page's origin (the engine's files are fetched from it), in a fresh
    // context for each measurement, so that each engine starts cold.
    const blank = async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.route(`${server.url}measure.html`, (route) =>
        route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>measure</title>' }),
      );
      await page.goto(`${server.url}measure.html`);
      return { context, page };
    };
    // Each engine on the main thread: the first comparison after instantiation, then the same
    // statements in a new Corpus (the hot code compiled by the optimizing tier by then).
    for (const dir of ['pkg', 'pkg/full']) {
      const first = [];
      const again = [];
      for (let i = 0; i < RUNS; i++) {
        const { context, page } = await blank();
        const times = await page.evaluate(
          async ({ statements, dir }) => {
            const engine = await import(`/${dir}/refrain.js`);
            await engine.default({ module_or_path: `/${dir}/refrain_bg.wasm` });
            const times = [];
            for (let k = 0; k < 2; k++) {
              const corpus = new engine.Corpus();
              const t0 = performance.now();
              for (const s of statements) corpus.add(s);
              corpus.compare();
              times.push(performance.now() - t0);
              corpus.free();
            }
            return times;
          },
          { statements, dir },
        );
        first.push(times[0]);
        again.push(times[1]);
        await context.close();
      }
      console.log(
        `  www/${dir}, add + compare on the main thread: ${spread(first)}  (target < ${COMPARE_MS} ms: ${verdict(median(first) < COMPARE_MS)}); again in a new Corpus: ${spread(again)}`,
      );
    }
    // What the page does: RefrainClient.compare (copying the statements to the Worker, loading
    // the engine the Worker chooses, indexing, comparing, copying the report back), after a
    // first request that loads the core engine, as the page's boot does.
    const worker = [];
    for (let i = 0; i < RUNS; i++) {
      const { context, page } = await blank();
      worker.push(
        await page.evaluate(async (statements) => {
          const { RefrainClient } = await import('/refrain-client.js');
          const client = new RefrainClient();
          await client.compare([{ id: 'warm-up', text: 'warm up' }]);
          const t0 = performance.now();
          await client.compare(statements);
          const ms = performance.now() - t0;
          client.terminate();
          return ms;
        }, statements),
      );
      await context.close();
    }
    console.log(`  RefrainClient.compare (the Worker): ${spread(worker)}`);
  }
} finally {
  await browser.close();
  server.close();
  other?.close();
}
