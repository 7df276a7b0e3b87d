// Offline use: the service worker (www/sw.js) registered by js/offline.js caches refrain's own
// files (www/pkg/precache.js, written by scripts/precache.mjs with `make wasm`). After one visit
// the page and the iframe embed work with the network off (the server stopped and the browser
// context offline); a user's statements never make a request and never reach the cache; a new
// deployment is noticed, offered with a Reload button, and takes over; the page is installable.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { precache, writePrecache } from '../../scripts/precache.mjs';
import { waitReady as elementReady } from './embed-helpers.mjs';
import {
  OUTPUT,
  WWW,
  addStatement,
  downloadOf,
  load,
  openPage,
  setUp,
  tab,
  waitCompared,
  waitReady,
} from './helpers.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  if (env) await env.close();
});

// A pasted statement that repeats two of the demo's formulas; its marker word must never appear
// in a request or in the cache.
const MARKER = 'Quillfeatherism';
const PASTED =
  `${MARKER}: we must practise genuine multilateralism and respect the sovereignty and territorial integrity of all countries. ` +
  'The United Nations should hold high the banner of true multilateralism.';

/** Waits until the page is controlled by an activated service worker (its files are cached then). */
async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, {
    timeout: 30_000,
  });
}

/** The URLs of every entry of every cache of the page's origin, by cache name. */
async function cached(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      out[name] = (await cache.keys()).map((r) => r.url).sort();
    }
    return out;
  });
}

/** The families of the page's report (its JSON export). */
async function families(page) {
  return JSON.parse((await downloadOf(page, '#export-json')).text).families.map((f) => f.root);
}

test('www/pkg/precache.js lists the files of www/ and their version (make wasm writes it; deploy after it)', () => {
  const source = readFileSync(join(WWW, 'pkg', 'precache.js'), 'utf8');
  const written = JSON.parse(source.slice(source.indexOf('{'), source.lastIndexOf('}') + 1));
  assert.deepEqual(
    written,
    precache(WWW),
    'www/pkg/precache.js is stale: run `node scripts/precache.mjs` (or make wasm)',
  );
  for (const f of [
    'index.html',
    'embed/embed.html',
    'pkg/refrain_bg.wasm',
    'pkg/full/refrain_bg.wasm',
    'pkg/full/refrain.js',
    'demo/manifest.json',
    'js/offline.js',
  ]) {
    assert.ok(written.files.includes(f), f);
  }
  assert.ok(!written.files.some((f) => f.startsWith('examples/') || f.endsWith('.md') || f.endsWith('.d.ts')));
});

test('after one visit the page works offline: the demo set and a pasted statement are compared', async () => {
  const server = await startServer({ root: WWW, port: 0 });
  const { context, page, errors } = await openPage(env);
  const sent = [];
  context.on('request', (r) => sent.push(`${r.url()} ${r.postData() ?? ''}`));
  await load(page, server.url);
  await controlled(page);
  const online = await families(page);
  const { files, version } = precache(WWW);
  assert.deepEqual(await cached(page), {
    [`refrain-${version}`]: files.map((f) => new URL(f, server.url).href).sort(),
  });

  await server.close();
  await context.setOffline(true);
  const failed = [];
  page.on('requestfailed', (r) => failed.push(r.url()));
  await page.reload();
  await waitReady(page);
  assert.deepEqual(await families(page), online, 'the demo set gives the same refrains offline');
  // Chromium (static routing, sw.js) serves refrain's files from the cache without running the
  // service worker's fetch handler, and the page's address with it.
  const sources = await page.evaluate(() => {
    const source = (e) => [new URL(e.name).pathname, e.workerFinalSourceType];
    return Object.fromEntries(
      [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map(source),
    );
  });
  assert.deepEqual(
    ['/', '/js/start.js', '/js/app.js', '/css/refrain.css', '/demo/manifest.json'].map((p) => [p, sources[p]]),
    [
      ['/', 'fetch-event'],
      ['/js/start.js', 'cache'],
      ['/js/app.js', 'cache'],
      ['/css/refrain.css', 'cache'],
      ['/demo/manifest.json', 'cache'],
    ],
  );
  await addStatement(page, { title: 'Pasted offline', speaker: 'Offline Speaker', text: PASTED });
  await waitCompared(page, 8);
  const report = JSON.parse((await downloadOf(page, '#export-json')).text);
  const mine = report.statements.find((s) => s.title === 'Pasted offline');
  assert.ok(mine, 'the pasted statement is compared');
  assert.ok(
    report.families.some((f) => f.occurrences.some((o) => o.doc === mine.id)),
    'it shares phrasing with the demo',
  );
  await tab(page, 'statements');
  await page.click(`#panel-statements li.statement[data-id="${mine.id}"] button:has-text("Read")`);
  await page.waitForSelector(`#panel-read .col[data-doc="${mine.id}"] mark.occ[data-family]`);
  assert.deepEqual(failed, [], 'every request was answered offline');
  // The statement stays in the page: no request carries it, and the cache holds refrain's files only.
  assert.deepEqual(
    sent.filter((s) => s.includes(MARKER)),
    [],
  );
  const after = await cached(page);
  assert.deepEqual(Object.keys(after), [`refrain-${version}`]);
  assert.ok(after[`refrain-${version}`].every((u) => !u.includes(MARKER)));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the service worker registers once the page has shown its first results, not during them', async () => {
  const server = await startServer({ root: WWW, port: 0 });
  const { context, page, errors } = await openPage(env);
  // What the page showed when it registered its service worker.
  await context.addInitScript(() => {
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (...args) {
      window.__registeredWhen = {
        state: document.documentElement.dataset.state,
        highlights: document.querySelectorAll('#panel-read mark.occ').length,
      };
      return register.apply(this, args);
    };
  });
  // One module that js/start.js imports comes late: the window's load event fires before the
  // page's scripts have said that they are at work, and the registration must wait all the same.
  await page.route('**/js/workspace.js', async (route) => {
    await new Promise((ok) => setTimeout(ok, 1500));
    await route.continue();
  });
  try {
    await load(page, server.url);
    await controlled(page);
    const when = await page.evaluate(() => window.__registeredWhen);
    assert.equal(when.state, 'ready');
    assert.ok(when.highlights > 0, 'the highlights were shown');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('after one visit the iframe embed works offline', async () => {
  const server = await startServer({ root: WWW, port: 0 });
  const { context, page, errors } = await openPage(env);
  const url = `${server.url}embed/embed.html?demo=CHN_76_2021,CHN_78_2023&view=reader`;
  await page.goto(url);
  await elementReady(page);
  await controlled(page);
  const marks = () => page.$eval('refrain-compare', (el) => el.shadowRoot.querySelectorAll('mark.occ').length);
  const online = await marks();
  assert.ok(online > 0);
  await server.close();
  await context.setOffline(true);
  await page.reload();
  await elementReady(page);
  assert.equal(await marks(), online);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a new deployment is noticed: the page offers to reload, and Reload shows the new version', async () => {
  const root = mkdtempSync(join(OUTPUT, 'offline-'));
  const [first, second] = [join(root, 'first'), join(root, 'second')];
  for (const dir of [first, second]) cpSync(WWW, dir, { recursive: true });
  const index = readFileSync(join(second, 'index.html'), 'utf8');
  const changed = index.replace(/<title>([^<]*)<\/title>/, '<title>$1 (new version)</title>');
  assert.notEqual(changed, index);
  writeFileSync(join(second, 'index.html'), changed);
  const versions = [first, second].map((dir) => writePrecache(dir).version);
  assert.notEqual(versions[0], versions[1]);

  let server = await startServer({ root: first, port: 0 });
  const { port } = server;
  const { context, page, errors } = await openPage(env);
  try {
    await load(page, server.url);
    await controlled(page);
    const title = await page.title();
    assert.equal(await page.locator('#refrain-update').count(), 0, 'no notice without a new version');

    // Deploy the second build at the same address; the next visit finds it.
    await server.close();
    server = await startServer({ root: second, port });
    await page.reload();
    await waitReady(page);
    assert.equal(await page.title(), title, 'the cached version is shown until the user reloads');
    const notice = page.locator('#refrain-update [role="status"]');
    await notice.waitFor({ timeout: 30_000 });
    assert.match(await notice.textContent(), /new version of refrain/);
    const navigated = page.waitForEvent('framenavigated');
    await page.getByRole('button', { name: 'Reload' }).click();
    await navigated;
    await page.waitForLoadState('load');
    await waitReady(page);
    assert.equal(await page.title(), `${title} (new version)`);
    assert.deepEqual(Object.keys(await cached(page)), [`refrain-${versions[1]}`], 'the old cache is gone');
    assert.equal(await page.locator('#refrain-update').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
});

test('the page is installable (web app manifest, icon, service worker)', async () => {
  // Chromium reports installability only outside incognito: a persistent profile.
  mkdirSync(OUTPUT, { recursive: true });
  const profile = mkdtempSync(join(OUTPUT, 'profile-'));
  const server = await startServer({ root: WWW, port: 0 });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await controlled(page);
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.deepEqual(manifest.errors, []);
    assert.equal(manifest.url, `${server.url}manifest.webmanifest`);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
