// Set-up shared by the embed tests (embed-*.test.mjs): the static server with the page's CSP,
// headless Chromium, pages that record errors, requests and Workers, same-origin fixture pages
// served through request routing (so no test page lives in www/), and waits for the element.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { CSP } from '../../scripts/serve.mjs';
import { OUTPUT } from './helpers.mjs';

export { ROOT, WWW, OUTPUT, setUp, openPage, widenGlyphs } from './helpers.mjs';
export { CSP };

/** Serves `html` at `path` (relative to the server root) for this page only, with the CSP header. */
export async function fixture(page, env, path, html, type = 'text/html; charset=utf-8') {
  await page.route(new URL(path, env.url).href, (route) =>
    route.fulfill({
      status: 200,
      contentType: type,
      headers: { 'content-security-policy': CSP },
      body: html,
    }),
  );
  return new URL(path, env.url).href;
}

/** Waits until every <refrain-compare> matching `selector` is ready (fails on error). */
export async function waitReady(page, selector = 'refrain-compare', timeout = 30_000) {
  await page.waitForFunction(
    (sel) => {
      const els = [...document.querySelectorAll(sel)];
      return els.length > 0 && els.every((el) => el.state === 'ready' || el.state === 'error');
    },
    selector,
    { timeout },
  );
  const states = await page.$$eval(selector, (els) =>
    els.map((el) => `${el.state}: ${el.shadowRoot.querySelector('[part~="status"]').textContent}`),
  );
  for (const s of states) assert.match(s, /^ready/, s);
}

/** Requests that left the server's origin (data: and blob: are local). */
export function foreign(requests, url) {
  const origin = new URL(url).origin;
  return requests.filter((r) => !r.startsWith(`${origin}/`) && !r.startsWith('data:') && !r.startsWith('blob:'));
}

export const shot = (name) => join(OUTPUT, name);
