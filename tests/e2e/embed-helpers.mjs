// Set-up shared by the embed tests (embed-*.test.mjs): the static server with the page's CSP,
// headless Chromium, pages that record errors, requests and Workers, same-origin fixture pages
// served through request routing (so no test page lives in www/), and waits for the element.
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { startServer, CSP } from '../../scripts/serve.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WWW = join(ROOT, 'www');
export const OUTPUT = join(ROOT, 'tests', 'output');
export { CSP };

export async function setUp() {
  assert.ok(existsSync(join(WWW, 'pkg', 'refrain.js')),
    'www/pkg/refrain.js is missing: build the WebAssembly package first with `make wasm`');
  mkdirSync(OUTPUT, { recursive: true });
  const server = await startServer({ root: process.env.REFRAIN_WWW || WWW, port: 0 });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  return {
    url: server.url,
    browser,
    async close() { await browser.close(); await server.close(); },
  };
}

/** A fresh context and page; records page errors, console errors, requests, dialogs and Workers. */
export async function openPage(env, options = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1366, height: 900 }, ...options });
  const page = await context.newPage();
  const rec = { errors: [], requests: [], dialogs: [], workers: [] };
  page.on('pageerror', (e) => rec.errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') rec.errors.push(m.text()); });
  page.on('request', (r) => rec.requests.push(r.url()));
  page.on('dialog', (d) => { rec.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on('worker', (w) => rec.workers.push(w.url()));
  return { context, page, ...rec };
}

/** Serves `html` at `path` (relative to the server root) for this page only, with the CSP header. */
export async function fixture(page, env, path, html, type = 'text/html; charset=utf-8') {
  await page.route(new URL(path, env.url).href, (route) => route.fulfill({
    status: 200, contentType: type, headers: { 'content-security-policy': CSP }, body: html,
  }));
  return new URL(path, env.url).href;
}

/** Waits until every <refrain-compare> matching `selector` is ready (fails on error). */
export async function waitReady(page, selector = 'refrain-compare', timeout = 30_000) {
  await page.waitForFunction((sel) => {
    const els = [...document.querySelectorAll(sel)];
    return els.length > 0 && els.every((el) => el.state === 'ready' || el.state === 'error');
  }, selector, { timeout });
  const states = await page.$$eval(selector, (els) => els.map((el) => `${el.state}: ${el.shadowRoot.querySelector('[part~="status"]').textContent}`));
  for (const s of states) assert.match(s, /^ready/, s);
}

/** Requests that left the server's origin (data: and blob: are local). */
export function foreign(requests, url) {
  const origin = new URL(url).origin;
  return requests.filter((r) => !r.startsWith(`${origin}/`) && !r.startsWith('data:') && !r.startsWith('blob:'));
}

export const shot = (name) => join(OUTPUT, name);
