// Shared set-up of the page's end-to-end tests: the static server (with the page's CSP header),
// headless Chromium, request recording, and small waits. The WebAssembly package must be built
// first (`make wasm`): the tests fail, not skip, without it.
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WWW = join(ROOT, 'www');
export const OUTPUT = join(ROOT, 'tests', 'output');
export const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

export function requirePackage() {
  assert.ok(
    existsSync(join(WWW, 'pkg', 'refrain.js')),
    'www/pkg/refrain.js is missing: build the WebAssembly package first with `make wasm`',
  );
  assert.ok(existsSync(join(WWW, 'refrain-client.js')), 'www/refrain-client.js is missing');
}

/** A statement that repeats two of the demo's formulas, so it joins their families. */
export const ECHO =
  'We must practise genuine multilateralism and respect the sovereignty and territorial integrity of all countries. ' +
  'The United Nations should hold high the banner of true multilateralism and serve as the central platform for countries to jointly safeguard universal security.';

/** Starts the server and the browser; returns {url, browser, close}. */
export async function setUp() {
  requirePackage();
  mkdirSync(OUTPUT, { recursive: true });
  const server = await startServer({ root: process.env.REFRAIN_WWW || WWW, port: 0 });
  const browser = await chromium.launch({
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
  return {
    url: server.url,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * A fresh context and page (empty storage) with every request and Worker recorded and page
 * errors and dialogs collected. `options` go to browser.newContext.
 */
export async function openPage(env, options = {}) {
  const context = await env.browser.newContext({
    viewport: { width: 1366, height: 900 },
    acceptDownloads: true,
    ...options,
  });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  const dialogs = [];
  const workers = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  page.on('worker', (w) => workers.push(w.url()));
  return { context, page, requests, errors, dialogs, workers };
}

/** Waits until a comparison has finished (the page sets html[data-state] to ready). */
export async function waitReady(page, timeout = 30_000) {
  await page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.state), null, {
    timeout,
  });
  const state = await page.evaluate(() => document.documentElement.dataset.state);
  assert.equal(state, 'ready', `the page reported an error: ${await page.textContent('#status')}`);
}

/** Loads the page and waits for the first results. */
export async function load(page, url) {
  await page.goto(url);
  await waitReady(page);
}

/** Waits until the status line says that `n` statements were compared. */
export async function waitCompared(page, n) {
  await page.waitForFunction(
    (k) =>
      new RegExp(`^${k} statements? compared`).test(document.getElementById('status').textContent) &&
      document.documentElement.dataset.state === 'ready',
    n,
    { timeout: 30_000 },
  );
}

/**
 * Waits until every change made so far is stored (html[data-saved] is "saved"): the page sets
 * "saving" in the handler of the change itself, so waiting right after a change is enough.
 */
export async function waitSaved(page) {
  await page.waitForFunction(() => document.documentElement.dataset.saved === 'saved', null, { timeout: 15_000 });
}

/** Clicks a tab by name (read, refrains, search, overview, statements). */
export async function tab(page, name) {
  await page.click(`#tab-${name}`);
  await page.waitForSelector(`#panel-${name}:not([hidden])`);
}

/** Clicks `selector` and returns the download's {name, text, bytes}. */
export async function downloadOf(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = await dl.path();
  const { readFile } = await import('node:fs/promises');
  const bytes = await readFile(path);
  return { name: dl.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}

/** Adds a statement through the Statements tab form. */
export async function addStatement(page, { title = '', speaker = '', date = '', text }) {
  await tab(page, 'statements');
  await page.fill('#panel-statements-new-title', title);
  await page.fill('#panel-statements-new-speaker', speaker);
  await page.fill('#panel-statements-new-date', date);
  await page.fill('#panel-statements-new-text', text);
  await page.click('#panel-statements form.add-form button[type="submit"]');
}

/**
 * Makes every glyph wider than any installed font would draw it (extra letter and word spacing,
 * inherited into shadow roots), so that a layout test cannot pass only thanks to narrow fonts.
 * The page's CSP forbids inline styles: open the page with `bypassCSP: true` to use it.
 */
export async function widenGlyphs(page) {
  await page.addStyleTag({ content: '* { letter-spacing: .3em !important; word-spacing: .6em !important; }' });
}

/** Requests that left the page's origin (data: and blob: URLs are local). */
export function foreign(requests, url) {
  const origin = new URL(url).origin;
  return requests.filter((r) => !r.startsWith(`${origin}/`) && !r.startsWith('data:') && !r.startsWith('blob:'));
}
