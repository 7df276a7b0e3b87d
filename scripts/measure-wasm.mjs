// Payload and speed figures of the WebAssembly package in www/pkg (build it with `make wasm`).
//   node scripts/measure-wasm.mjs
// Prints: gzip size of the .wasm, its JS glue and the glue's inline-JS snippets (www/pkg/snippets,
// which the glue imports), each file gzipped alone (budget 150 KB in all: the only check that fails;
// it counts the core package, which every page load downloads), the same total of the full package
// (www/pkg/full, feature parallel, which the Translation view loads when first used),
// instantiation time in Node (target < 50 ms), the time to compare every statement of
// ../shared/corpus with each package (target < 0.5 s; wall and CPU time, the first comparison
// after instantiation and a second one of the same statements in a new Corpus, once the
// JavaScript engine has compiled the hot code with its optimizing tier) and of a phrase query
// after indexing (target < 30 ms).
// The other targets are reported, not enforced: this is a benchmark, not a timed test.
// Set REFRAIN_CORPUS to measure another folder of .txt files (with optional .json sidecars).
// It prints figures only, never the statements' text.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { corpusDir, readCorpus } from './corpus.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PKG = join(ROOT, 'www', 'pkg');
const WASM = join(PKG, 'refrain_bg.wasm');
const GLUE = join(PKG, 'refrain.js');
const FULL = join(PKG, 'full');
const BUDGET_KB = 150;
const COMPARE_S = 0.5;
const QUERY = 'genuine multilateralism';

const kb = (bytes) => (bytes / 1024).toFixed(1);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const verdict = (ok) => (ok ? 'ok' : 'OVER TARGET');

if (!existsSync(WASM) || !existsSync(GLUE)) {
  console.error(`measure: ${relative(ROOT, PKG)} is missing; run \`make wasm\` first`);
  process.exit(1);
}

// 1. Payload: each file gzipped alone.
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const filesUnder = (dir) =>
  existsSync(dir) ? readdirSync(dir, { recursive: true }).map((f) => join(dir, String(f))) : [];
/** The sizes of the package in `dir`: its .wasm, its glue and the glue's snippets. */
function payload(dir) {
  const wasm = readFileSync(join(dir, 'refrain_bg.wasm'));
  const glue = readFileSync(join(dir, 'refrain.js'));
  const snippets = filesUnder(join(dir, 'snippets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(f));
  const snippetsRaw = snippets.reduce((n, b) => n + b.length, 0);
  const snippetsGz = snippets.reduce((n, b) => n + gz(b), 0);
  return {
    wasm,
    wasmGz: gz(wasm),
    glue,
    glueGz: gz(glue),
    snippets: snippets.length,
    snippetsRaw,
    snippetsGz,
    totalGz: gz(wasm) + gz(glue) + snippetsGz,
  };
}
const core = payload(PKG);
const { wasm, totalGz } = core;
const withinBudget = totalGz <= BUDGET_KB * 1024;
console.log('payload (gzip -9) of www/pkg, what every page load downloads:');
console.log(`  refrain_bg.wasm  ${kb(wasm.length).padStart(7)} KB raw  ${kb(core.wasmGz).padStart(6)} KB gzip`);
console.log(`  refrain.js       ${kb(core.glue.length).padStart(7)} KB raw  ${kb(core.glueGz).padStart(6)} KB gzip`);
console.log(
  `  snippets (${core.snippets})     ${kb(core.snippetsRaw).padStart(7)} KB raw  ${kb(core.snippetsGz).padStart(6)} KB gzip`,
);
console.log(
  `  total                          ${kb(totalGz).padStart(6)} KB gzip  (budget ${BUDGET_KB} KB: ${withinBudget ? 'ok' : 'EXCEEDED'})`,
);
// The full package (feature parallel), which the Translation view (and a cross-language query of
// Chinese and English statements) loads instead, when first used.
if (existsSync(join(FULL, 'refrain_bg.wasm'))) {
  console.log(
    `  www/pkg/full, loaded by the Translation and Compare groups views: ${kb(payload(FULL).totalGz)} KB gzip`,
  );
} else {
  console.log('  www/pkg/full is missing; run `make wasm`');
}

// 2. Instantiation (compile + instantiate), each in a fresh Node process; the median of 5.
const probe = `
  const { readFileSync } = await import('node:fs');
  const glue = await import(${JSON.stringify(pathToFileURL(GLUE).href)});
  const bytes = readFileSync(${JSON.stringify(WASM)});
  const t0 = performance.now();
  glue.initSync({ module: bytes });
  new glue.Corpus().free();
  console.log(performance.now() - t0);
`;
const runs = [];
for (let i = 0; i < 5; i++) {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' });
  runs.push(Number(out.trim()));
}
const instantiateMs = median(runs);
console.log(
  `instantiate in Node (compile + instantiate + first Corpus, median of 5): ${instantiateMs.toFixed(1)} ms  (target < 50 ms: ${verdict(instantiateMs < 50)})`,
);

// 3. The corpus.
const folder = corpusDir(ROOT);
if (!existsSync(folder)) {
  console.log(`corpus: ${folder} not found; compare and query figures skipped`);
} else {
  const statements = readCorpus(folder);
  const bytes = statements.reduce((n, s) => n + Buffer.byteLength(s.text), 0);

  console.log(
    `corpus: ${statements.length} statements, ${kb(bytes)} KB, from ${relative(process.cwd(), folder) || '.'}`,
  );
  // Each package in a fresh Node process (the JavaScript engine compiles WebAssembly lazily and
  // tiers hot code up as it runs, so a package measured after another would not start cold).
  const compareProbe = (dir) => `
    const { readFileSync } = await import('node:fs');
    const glue = await import(${JSON.stringify(pathToFileURL(join(dir, 'refrain.js')).href)});
    glue.initSync({ module: readFileSync(${JSON.stringify(join(dir, 'refrain_bg.wasm'))}) });
    const statements = JSON.parse(readFileSync(0, 'utf8'));
    const runs = [];
    for (let i = 0; i < 2; i++) {
      const corpus = new glue.Corpus();
      const a0 = performance.now();
      for (const s of statements) corpus.add(s);
      const add = performance.now() - a0;
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const report = corpus.compare();
      const wall = performance.now() - t0;
      const cpu = process.cpuUsage(c0);
      runs.push({ add, wall, cpu: (cpu.user + cpu.system) / 1000, families: report.families.length,
        words: report.stats.words, work: report.stats.work, exhausted: report.stats.budget_exhausted });
      corpus.free();
    }
    console.log(JSON.stringify(runs));
  `;
  const input = JSON.stringify(statements);
  for (const [name, dir] of [
    ['www/pkg', PKG],
    ['www/pkg/full', FULL],
  ]) {
    if (!existsSync(join(dir, 'refrain_bg.wasm'))) continue;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', compareProbe(dir)], {
      encoding: 'utf8',
      input,
      maxBuffer: 1 << 20,
    });
    const [first, second] = JSON.parse(out.trim().split('\n').at(-1));
    const s = (ms) => (ms / 1000).toFixed(2);
    console.log(
      `  ${name}: compare (index + families + report) ${s(first.wall)} s, ${s(first.cpu)} s CPU  (target < ${COMPARE_S} s: ${verdict(first.wall < COMPARE_S * 1000)}); again, in a new Corpus: ${s(second.wall)} s, ${s(second.cpu)} s CPU; add all ${first.add.toFixed(1)} ms; ${first.families} families, ${first.words} words, work ${first.work}${first.exhausted ? ', budget exhausted' : ''}`,
    );
  }

  const glueModule = await import(pathToFileURL(GLUE).href);
  glueModule.initSync({ module: wasm });
  const corpus = new glueModule.Corpus();
  for (const s of statements) corpus.add(s);
  corpus.compare();
  let t0;

  const times = [];
  let hits = null;
  for (let i = 0; i < 6; i++) {
    t0 = performance.now();
    hits = corpus.query(QUERY);
    times.push(performance.now() - t0);
  }
  const first = times[0];
  const warm = median(times.slice(1));
  console.log(
    `  www/pkg: query "${QUERY}" after the comparison: first ${first.toFixed(1)} ms, then median ${warm.toFixed(1)} ms  (target < 30 ms: ${verdict(first < 30)}); ${hits.occurrences.length} occurrences`,
  );
  corpus.free();
}

if (!withinBudget) {
  console.log(`FAIL: the payload is ${kb(totalGz)} KB gzip, over the budget of ${BUDGET_KB} KB`);
  process.exit(1);
}
