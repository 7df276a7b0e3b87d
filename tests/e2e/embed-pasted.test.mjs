// The Embed dialog's element snippet works as pasted on ANOTHER site: a journalist's own three
// statements in the main page, the dialog's snippet copied, refrain's files copied as the dialog
// lists them into a folder of a second server (another port, so another origin), the snippet
// pasted into an article there. The element compares the three statements and highlights their
// shared phrasing with no error, no CSP violation and no request to the first site.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { WWW, foreign, openPage, setUp, shot, waitReady } from './embed-helpers.mjs';
import { waitReady as pageReady } from './helpers.mjs';

const MINE = [
  {
    id: 'm1',
    source: 'user',
    title: 'Council statement, March',
    speaker: 'Ana Ruiz',
    date: '2024-03-02',
    language: 'en',
    text: 'The council will protect the river basin for future generations.\nWe call on every city to share the cost of clean water and to plant trees along the banks.',
  },
  {
    id: 'm2',
    source: 'user',
    title: 'Council statement, June',
    speaker: 'Ana Ruiz',
    date: '2024-06-11',
    language: 'en',
    text: 'Once again we call on every town to share the cost of clean water. The council will protect the river basin for our children.',
  },
  {
    id: 'm3',
    source: 'user',
    title: 'Mayor’s reply',
    speaker: 'Li Wen',
    date: '2024-06-20',
    language: 'en',
    text: 'The mayor agreed that each city should share the cost of clean water, but asked who will protect the river basin upstream.',
  },
];

let env;
let other; // the site the snippet is pasted into
let dir;
before(async () => {
  env = await setUp();
  dir = mkdtempSync(join(tmpdir(), 'refrain-pasted-'));
  other = await startServer({ root: dir, port: 0 });
});
after(async () => {
  if (other) await other.close();
  if (env) await env.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the element snippet of the Embed dialog works pasted into a page of another site', async () => {
  assert.notEqual(new URL(other.url).origin, new URL(env.url).origin);
  const { page, context, errors } = await openPage(env);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env.url).origin });
  // The journalist's own statements, opened in the main page (as a shared link holds them).
  await page.goto(env.url);
  await pageReady(page);
  const link = await page.evaluate(async (statements) => {
    const { makeLink } = await import('./js/share.js');
    return (await makeLink(location.href, { statements, tab: 'read' })).url;
  }, MINE);
  await page.goto('about:blank');
  await page.goto(link);
  await pageReady(page);
  assert.equal(await page.evaluate(() => document.querySelectorAll('#panel-statements li.statement').length), 3);

  const button = page.locator('[data-refrain-embed]');
  if (!(await button.isVisible())) await page.locator('#actions > summary').click();
  await button.click();
  const dialog = page.locator('dialog.refrain-embed-dialog');
  await page.waitForFunction(() => document.querySelector('dialog.refrain-embed-dialog textarea').value.length > 0);
  // What the dialog says to copy, and where.
  const files = await dialog.locator('[data-embed-files] li code').allTextContents();
  const folder = await dialog.locator('[data-embed-files] input').inputValue();
  assert.deepEqual(files, ['embed/', 'js/', 'css/views.css', 'refrain-client.js', 'refrain-worker.js', 'pkg/']);
  assert.equal(folder, 'refrain/');
  await page.screenshot({ path: shot('embed-pasted-dialog-1366.png') });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: shot('embed-pasted-dialog-360.png') });
  // The snippet box wraps its lines: nothing runs past its right edge.
  const box = await dialog.locator('textarea').evaluate((t) => ({ sw: t.scrollWidth, cw: t.clientWidth }));
  assert.ok(box.sw <= box.cw, `the snippet box scrolls sideways (${box.sw} > ${box.cw})`);
  await dialog.locator('button', { hasText: 'Copy' }).click();
  await page.waitForFunction(() =>
    /Copied|Selected/.test(document.querySelector('dialog [role="status"]').textContent),
  );
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(snippet, await dialog.locator('textarea').inputValue());
  assert.ok(!snippet.includes(new URL(env.url).host), 'the snippet names no address of the site that made it');
  assert.equal((snippet.match(/<blockquote/g) || []).length, 3);

  // The other site: the listed files copied into the folder, the snippet pasted into an article.
  for (const f of files) cpSync(join(WWW, f), join(dir, folder, f), { recursive: true });
  writeFileSync(
    join(dir, 'article.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Water: what the council said</title>
<link rel="icon" href="data:,"></head><body><article><h1>Water: what the council said</h1>
<p>Three statements, compared.</p>
${snippet}
</article></body></html>`,
  );
  const reader = await openPage({ ...env, url: other.url });
  await reader.page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const article = new URL('article.html', other.url).href;
  await reader.page.goto(article);
  await reader.page.locator('refrain-compare').scrollIntoViewIfNeeded();
  await waitReady(reader.page);
  const r = await reader.page.$eval('refrain-compare', (el) => ({
    statements: el.statements.map((s) => [s.title, s.speaker, s.date]),
    text: el.statements[1].text,
    families: el.report.families.length,
    marks: el.shadowRoot.querySelectorAll('mark.occ').length,
  }));
  assert.deepEqual(
    r.statements,
    MINE.map((s) => [s.title, s.speaker, s.date]),
  );
  assert.equal(r.text, MINE[1].text);
  assert.ok(r.families >= 2, `only ${r.families} families`);
  assert.ok(r.marks >= 4, `only ${r.marks} highlighted passages`);
  assert.deepEqual(await reader.page.evaluate(() => window.__csp), []);
  assert.deepEqual(reader.errors, []);
  assert.deepEqual(foreign(reader.requests, article), [], 'every request stays on the site of the article');
  assert.ok(reader.workers.length >= 1 && reader.workers.every((w) => w.startsWith(new URL(other.url).origin)));
  await reader.page.screenshot({ path: shot('embed-pasted-article-1366.png'), fullPage: true });
  await reader.page.setViewportSize({ width: 360, height: 740 });
  await reader.page.screenshot({ path: shot('embed-pasted-article-360.png'), fullPage: true });
  await reader.context.close();
  assert.deepEqual(errors, []);
});
