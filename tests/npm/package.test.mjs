// The npm package `refrain` as a web developer installs it: scripts/build-npm.mjs builds it and
// `npm pack` packs it; the tarball is installed (npm install, offline: it has no dependencies)
// into a tiny app (tests/npm/app) bundled by Vite and by webpack without configuration, and each
// build is served with the page's strict Content Security Policy and checked in headless Chromium:
// the element renders its highlights and the presenter, the Worker client and the engine answer.
// TypeScript checks a file that uses every exported type; publint lints the tarball.
//
// The tools (Vite, webpack, TypeScript, publint) are pinned by tests/npm/package-lock.json and
// installed with `npm ci --prefer-offline` into target/npm-test/ once; they are re-used while the
// lock file is unchanged. Needs www/pkg (`make wasm`) and /usr/bin/chromium.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build, pack } from '../../scripts/build-npm.mjs';
import { startServer } from '../../scripts/serve.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const SCRATCH = join(ROOT, 'target', 'npm-test');
const TOOLS = join(SCRATCH, 'node_modules');

let tarball;
let browser;

/** Runs a command, failing with its output. */
function run(command, args, cwd) {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) failed:\n${e.stdout}\n${e.stderr}`);
  }
}

/** Installs the pinned tools into target/npm-test/ unless the same lock file is installed there. */
function installTools() {
  const lock = readFileSync(join(HERE, 'package-lock.json'));
  const stamp = join(SCRATCH, 'installed.sha256');
  const hash = createHash('sha256')
    .update(lock)
    .update(readFileSync(join(HERE, 'package.json')))
    .digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash && existsSync(TOOLS)) return;
  mkdirSync(SCRATCH, { recursive: true });
  for (const f of ['package.json', 'package-lock.json']) cpSync(join(HERE, f), join(SCRATCH, f));
  run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], SCRATCH);
  writeFileSync(stamp, hash);
}

/** A fresh app folder with the tarball installed as its one dependency. */
function appWith(name, files) {
  const dir = join(SCRATCH, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [to, from] of Object.entries(files)) cpSync(join(HERE, 'app', from), join(dir, to));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, type: 'module' }));
  run('npm', ['install', '--offline', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', tarball], dir);
  return dir;
}

const tool = (...path) => join(TOOLS, ...path);

/** A TCP port free on 127.0.0.1 now. */
function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

before(async () => {
  assert.ok(existsSync(join(ROOT, 'www', 'pkg', 'refrain_bg.wasm')), 'www/pkg is missing: run `make wasm` first');
  build();
  const info = pack();
  tarball = info.path;
  console.log(`${info.filename}: ${(info.size / 1024).toFixed(1)} KB, ${info.entryCount} files`);
  installTools();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
});

/** What the engine finds in the app's statements, computed in Node by the packed engine itself. */
async function expected() {
  const dir = join(SCRATCH, 'engine');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  run('tar', ['-xzf', tarball, '-C', dir], dir);
  const engine = await import(join(dir, 'package', 'pkg', 'refrain.js'));
  engine.initSync({ module: readFileSync(join(dir, 'package', 'pkg', 'refrain_bg.wasm')) });
  const { OPTIONS, PHRASE, STATEMENTS } = await import('./app/statements.js');
  const corpus = new engine.Corpus(OPTIONS);
  for (const s of STATEMENTS) corpus.add(s);
  const result = {
    families: corpus.compare().families.map((f) => f.root),
    hits: corpus.query(PHRASE).occurrences.map((o) => o.text),
  };
  corpus.free();
  // The core engine has no align; the full one (refrain/full) has.
  assert.equal(engine.Corpus.prototype.align, undefined, 'the core engine has no align');
  const full = await import(join(dir, 'package', 'pkg', 'full', 'refrain.js'));
  full.initSync({ module: readFileSync(join(dir, 'package', 'pkg', 'full', 'refrain_bg.wasm')) });
  const both = new full.Corpus(OPTIONS);
  for (const s of STATEMENTS) both.add(s);
  const beads = both.align('a', 'b').beads.map((b) => b.status);
  both.free();
  return { ...result, beads };
}

/** Serves `dist` with the page's CSP and checks the app in Chromium. */
async function checkBuild(dist) {
  const server = await startServer({ root: dist, port: 0 });
  try {
    await checkApp(server.url);
  } finally {
    await server.close();
  }
}

/** Checks the app at `url` in Chromium. */
async function checkApp(url) {
  const want = await expected();
  assert.ok(
    want.families.length > 0 && want.hits.length > 1,
    `the app's statements share phrasing: ${JSON.stringify(want)}`,
  );
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors = [];
    const requests = [];
    const workers = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('request', (r) => requests.push(r.url()));
    page.on('worker', (w) => workers.push(w.url()));
    await page.goto(url);
    await page.waitForFunction(
      () =>
        ['client', 'engine'].every((id) => document.getElementById(id).textContent !== 'working') &&
        ['ready', 'error'].includes(document.querySelector('refrain-compare').state),
      null,
      { timeout: 30_000 },
    );
    const answer = async (id) => JSON.parse(await page.textContent(`#${id}`));
    assert.deepEqual(await answer('client'), want, 'the Worker client answers as the engine does');
    const { beads, ...core } = want;
    assert.ok(beads.length > 0, 'the full engine aligns the statements');
    assert.deepEqual(await answer('engine'), core, 'the engine answers on the main thread');
    // The bundler copied both engines (file names may carry hashes): two .wasm files were loaded.
    const wasms = new Set(requests.filter((r) => new URL(r).pathname.endsWith('.wasm')));
    assert.ok(wasms.size >= 2, `the core and full engines' .wasm: ${[...wasms].join(' ')}`);
    const element = await page.$eval('refrain-compare', (el) => {
      const marks = [...el.shadowRoot.querySelectorAll('mark.occ[data-family]')];
      return {
        state: el.state,
        status: el.shadowRoot.querySelector('[part~="status"]').textContent,
        roots: el.report.families.map((f) => f.root),
        marks: marks.length,
        text: marks.map((m) => m.textContent).join(' | '),
        background: marks[0] && getComputedStyle(marks[0]).backgroundColor,
      };
    });
    assert.equal(element.state, 'ready', element.status);
    assert.deepEqual(element.roots, want.families);
    assert.ok(element.marks >= 2, `highlights in the element: ${element.marks}`);
    assert.match(element.text, /multilateralism/);
    assert.notEqual(element.background, 'rgba(0, 0, 0, 0)', 'the views stylesheet styles the highlights');
    // The presenter view is a module of its own, loaded when chosen.
    await page.$eval('refrain-compare', (el) => {
      el.view = 'presenter';
    });
    await page.locator('refrain-compare .rf-presenter').waitFor({ timeout: 10_000 });
    const origin = new URL(url).origin;
    assert.ok(workers.length >= 1, 'the client started a Worker');
    for (const w of workers)
      assert.ok(w.startsWith(`${origin}/`), `the Worker is a file of the page's origin (not blob: or data:): ${w}`);
    assert.deepEqual(
      requests.filter((r) => new URL(r).origin !== origin),
      [],
      'no request leaves the origin',
    );
    assert.deepEqual(errors, [], 'no error, no CSP violation');
  } finally {
    await context.close();
  }
}

test('publint finds nothing to report in the packed tarball', async () => {
  const { resolve } = createRequire(join(SCRATCH, 'package.json'));
  const { publint } = await import(resolve('publint'));
  const { formatMessage } = await import(resolve('publint/utils'));
  const tgz = readFileSync(tarball);
  const { messages, pkg } = await publint({
    pack: { tarball: tgz.buffer.slice(tgz.byteOffset, tgz.byteOffset + tgz.length) },
    strict: true,
    level: 'suggestion',
  });
  assert.deepEqual(
    messages.map((m) => `${m.type}: ${formatMessage(m, pkg)}`),
    [],
  );
});

test('TypeScript: a file using every exported type checks (bundler and node16 resolution)', () => {
  const dir = appWith('types-app', { 'types.ts': 'types.ts' });
  // Every name the declarations of the exports map export is used in types.ts.
  const installed = join(dir, 'node_modules', 'refrain');
  const { exports } = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  const declarations = Object.values(exports).flatMap((e) => (e.types ? [e.types] : []));
  const usage = readFileSync(join(HERE, 'app', 'types.ts'), 'utf8');
  for (const file of declarations) {
    const source = readFileSync(join(installed, file), 'utf8');
    const names = [
      ...source.matchAll(/^export (?:declare )?(?:interface|type|class|function|const) (\w+)/gm),
      ...source.matchAll(/^export \{ (\w+)/gm),
    ].map((m) => m[1]);
    assert.ok(names.length > 0, `${file} exports names`);
    for (const name of names) assert.match(usage, new RegExp(`\\b${name}\\b`), `types.ts uses ${name} of ${file}`);
  }
  // The client's declarations name every public method of the class (a method added to the
  // module must be declared too).
  const client = readFileSync(join(installed, 'refrain-client.js'), 'utf8');
  const declared = readFileSync(join(installed, 'refrain-client.d.ts'), 'utf8');
  const methods = [...client.matchAll(/^ {2}([a-z]\w*)\(.*\) \{$/gm)]
    .map((m) => m[1])
    .filter((m) => m !== 'constructor');
  assert.ok(methods.includes('compare') && methods.includes('query'), methods.join());
  for (const m of methods)
    assert.match(declared, new RegExp(`^ {2}${m}\\(`, 'm'), `refrain-client.d.ts declares ${m}()`);
  // --skipDefaultLibCheck: the package's declarations are checked, TypeScript's own lib files are not.
  const common = [
    '--noEmit',
    '--strict',
    '--skipDefaultLibCheck',
    '--target',
    'es2022',
    '--lib',
    'es2022,dom,dom.iterable',
  ];
  const tsc = tool('typescript', 'bin', 'tsc');
  run('node', [tsc, ...common, '--module', 'esnext', '--moduleResolution', 'bundler', 'types.ts'], dir);
  run('node', [tsc, ...common, '--module', 'node16', '--moduleResolution', 'node16', 'types.ts'], dir);
});

test('Vite: the built app renders the element and its Worker client and engine answer', async () => {
  const dir = appWith('vite-app', {
    'index.html': 'index.html',
    'main.js': 'main.js',
    'statements.js': 'statements.js',
  });
  run('node', [tool('vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], dir);
  await checkBuild(join(dir, 'dist'));
});

test("Vite's dev server: the app works there too, without configuration", async () => {
  const dir = appWith('vite-dev-app', {
    'index.html': 'index.html',
    'main.js': 'main.js',
    'statements.js': 'statements.js',
  });
  const port = await freePort();
  const vite = spawn(
    process.execPath,
    [tool('vite', 'bin', 'vite.js'), '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      // With CI set, Vite colours its output even into a pipe, and the colour codes split the
      // address it prints ("127.0.0.1:\x1b[1m5173"); NO_COLOR turns them off, and the codes
      // are stripped anyway.
      env: { ...process.env, NO_COLOR: '1' },
    },
  );
  let output = '';
  const listening = new Promise((ready, fail) => {
    const read = (chunk) => {
      output += chunk;
      // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape codes
      if (output.replace(/\x1b\[[0-9;]*m/g, '').includes(`127.0.0.1:${port}`)) ready();
    };
    vite.stdout.on('data', read);
    vite.stderr.on('data', read);
    vite.once('exit', (code) => fail(new Error(`vite exited (${code}):\n${output}`)));
    setTimeout(
      () => fail(new Error(`Vite's dev server did not say it listens within 60 s:\n${output}`)),
      60_000,
    ).unref();
  });
  try {
    await listening;
    await checkApp(`http://127.0.0.1:${port}/`);
  } finally {
    vite.kill();
  }
});

test('webpack: the built app renders the element and its Worker client and engine answer', async () => {
  const dir = appWith('webpack-app', { 'src/index.js': 'main.js', 'src/statements.js': 'statements.js' });
  run('node', [tool('webpack-cli', 'bin', 'cli.js'), '--mode', 'production', '--no-stats'], dir);
  // webpack's bundle is a classic script (its public path comes from document.currentScript).
  const html = readFileSync(join(HERE, 'app', 'index.html'), 'utf8');
  const page = html.replace('<script type="module" src="./main.js"></script>', '<script defer src="main.js"></script>');
  assert.notEqual(page, html);
  writeFileSync(join(dir, 'dist', 'index.html'), page);
  await checkBuild(join(dir, 'dist'));
});
