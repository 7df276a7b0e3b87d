// axe-core audit of the embed pages: the two examples (light and dark, 360 and 1366 px), the
// element's presenter view, the classroom page and its worksheet, the iframe page. axe is
// injected as an inline script, so these contexts bypass the page's CSP (the other embed tests
// keep it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { setUp, openPage, ROOT } from './embed-helpers.mjs';

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  if (env) await env.close();
});

const CASES = [
  ['examples/news-article.html', 'light', 1366],
  ['examples/news-article.html', 'dark', 360],
  ['examples/lesson.html', 'dark', 1366],
  ['examples/lesson.html', 'light', 360],
  ['examples/lesson.html', 'light', 1366, 'presenter'],
  ['examples/lesson.html', 'dark', 1366, 'search'],
  ['examples/iframe-article.html', 'light', 1366],
  ['embed/embed.html?demo=LIE_78_2023,VCT_78_2023&view=heatmap', 'dark', 1366],
  ['embed/classroom.html?from=../examples/lesson.html%23lesson-set', 'light', 1366],
  ['embed/classroom.html?from=../examples/lesson.html%23lesson-set&mode=worksheet', 'light', 360],
  ['embed/classroom.html?from=../examples/lesson.html%23lesson-set&mode=groups', 'light', 1366],
];

for (const [path, scheme, width, view] of CASES) {
  test(`axe: ${path} (${scheme}, ${width} px${view ? `, ${view}` : ''})`, async () => {
    const { page, context } = await openPage(env, {
      bypassCSP: true,
      colorScheme: scheme,
      viewport: { width, height: 900 },
    });
    await page.goto(env.url + path);
    await page.waitForFunction(() => document.readyState === 'complete');
    await page.evaluate(() => {
      const el = document.querySelector('refrain-compare');
      if (el) el.scrollIntoView();
    });
    await page.waitForFunction(
      () => {
        const el = document.querySelector('refrain-compare');
        const frame = document.querySelector('iframe');
        if (frame) return frame.contentDocument?.querySelector('refrain-compare')?.state === 'ready';
        return el ? el.state === 'ready' : document.documentElement.dataset.state === 'ready';
      },
      null,
      { timeout: 30_000 },
    );
    // The classroom's group comparison: its slides, once the engine has compared the groups.
    if (path.includes('mode=groups'))
      await page.waitForFunction(() => document.getElementById('groups').dataset.state === 'ready', null, {
        timeout: 30_000,
      });
    if (view) {
      await page.$eval(
        'refrain-compare',
        (e, v) => {
          e.view = v;
          if (v === 'search') e.query = 'genuine multilateralism';
        },
        view,
      );
      // The view drawn: the presenter, or the search's results.
      await page.waitForFunction((v) => {
        const r = document.querySelector('refrain-compare').shadowRoot;
        return r.querySelector(v === 'presenter' ? '.rf-presenter' : '[part~="hits"]:not([hidden])');
      }, view);
    }
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const found = result.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
    assert.deepEqual(found, []);
    await context.close();
  });
}
