// The translation view in headless Chromium: a Chinese statement and its English edition of the test
// corpus (../shared/corpus/official, the UN75 high-level meeting of 2020-09-21; tests only, never the
// demo) added in the Statements tab, found as a pair by their date, aligned by the engine in the
// Worker: sentences side by side, each formula and its rendering in the same colour on both sides,
// the one sentence only the Chinese edition has marked as not aligned, the formulas reachable with
// the keyboard, stacked at 360 px without overflow, axe-core clean; the full engine (pkg/full/)
// requested only once the Translation tab is opened; screenshots at 360 and 1366 px
// (tests/output/translation-*.png). And a search of both statements: it loads the full engine, and
// the English rendering of 人类命运共同体 is tagged as its translation.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setUp, openPage, load, tab, addStatement, waitCompared, foreign, AXE, OUTPUT, ROOT } from './helpers.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  if (env) await env.close();
});

const OFFICIAL = join(ROOT, '..', 'shared', 'corpus', 'official');
const ZH = readFileSync(join(OFFICIAL, 'zh', 'xi_2020-09-21_un75_high_level_meeting_zh.txt'), 'utf8');
const EN = readFileSync(join(OFFICIAL, 'en', 'xi_2020-09-21_un75_high_level_meeting.txt'), 'utf8');

/** Waits until the translation view has aligned (fails on its error). */
async function aligned(page) {
  await page.waitForFunction(
    () => ['ready', 'error'].includes(document.querySelector('#panel-translation .translation')?.dataset.state),
    null,
    { timeout: 30_000 },
  );
  const state = await page.evaluate(() => document.querySelector('#panel-translation .translation').dataset.state);
  assert.equal(state, 'ready', await page.textContent('#panel-translation .tr-status'));
}

/** Loads the page (its demo statements) and adds the Chinese statement and its English edition. */
async function loadPair(page) {
  await load(page, env.url);
  await addStatement(page, { title: 'UN75 meeting (Chinese)', speaker: 'Xi Jinping', date: '2020-09-21', text: ZH });
  await waitCompared(page, 8);
  await addStatement(page, { title: 'UN75 meeting (English)', speaker: 'Xi Jinping', date: '2020-09-21', text: EN });
  await waitCompared(page, 9);
}

/** The requests so far, of `requests`, for the full engine's files (pkg/full/). */
const fullRequests = (requests) => () => requests.filter((r) => new URL(r).pathname.includes('/pkg/full/'));

describe('the translation view', () => {
  it('shows a parallel pair side by side with each formula and its rendering in one colour', async () => {
    // CSP bypassed only so that axe-core can be injected; the page's own scripts are files.
    const { page, errors, requests, context } = await openPage(env, { bypassCSP: true });
    await loadPair(page);
    // The full engine (pkg/full/, parallel texts) is not part of the first load: the page and its
    // Worker requested only the core engine until the Translation tab was opened.
    const full = fullRequests(requests);
    assert.ok(
      requests.some((r) => new URL(r).pathname.endsWith('/pkg/refrain_bg.wasm')),
      'the core engine was loaded',
    );
    assert.deepEqual(full(), [], 'pkg/full/ was not requested before the Translation tab');
    await tab(page, 'translation');
    await aligned(page);
    assert.ok(
      full().some((r) => r.endsWith('/pkg/full/refrain_bg.wasm')),
      `the Translation view loaded the full engine: ${full().join(' ')}`,
    );

    // The pair was found by its date: the Chinese text and its English edition are chosen.
    const chosen = await page.evaluate(() =>
      ['zh', 'en'].map((side) => {
        const sel = document.getElementById(`panel-translation-tr-${side}`);
        return sel.selectedOptions[0].textContent;
      }),
    );
    assert.deepEqual(chosen, ['UN75 meeting (Chinese), 2020-09-21', 'UN75 meeting (English), 2020-09-21']);

    const view = await page.evaluate(() => {
      const beads = [...document.querySelectorAll('#panel-translation .tr-bead')];
      const side = (b, s) => [...b.querySelectorAll(`.tr-side[data-side="${s}"] .tr-s`)].map((p) => p.textContent);
      return {
        status: document.querySelector('#panel-translation .tr-status').textContent,
        beads: beads.map((b) => ({
          status: b.dataset.status,
          flag: b.querySelector('.tr-flag')?.textContent ?? null,
          zh: side(b, 'zh').length,
          en: side(b, 'en').length,
          zhText: b.querySelector('.tr-side[data-side="zh"]').textContent,
        })),
      };
    });
    // Every sentence of both texts, once: 46 Chinese and 69 English (as `refrain align` finds them).
    assert.equal(
      view.beads.reduce((n, b) => n + b.zh, 0),
      46,
    );
    assert.equal(
      view.beads.reduce((n, b) => n + b.en, 0),
      69,
    );
    assert.match(
      view.status,
      /^46 Chinese sentences and 69 English sentences: 44 of 45 groups aligned; 44 of 52 formulas/,
    );
    // Not aligned: the news agency's source line, which only the Chinese edition has, marked so.
    const unaligned = view.beads.filter((b) => b.status !== 'aligned');
    assert.equal(unaligned.length, 1);
    assert.equal(unaligned[0].status, 'no_counterpart');
    assert.match(unaligned[0].zhText, /新华社/);
    assert.match(unaligned[0].flag, /^Not aligned/);
    assert.ok(view.beads.filter((b) => b.status === 'aligned').every((b) => b.flag === null));

    // 人类命运共同体 and its rendering: one link, the same colour class and colour on both sides.
    const pair = await page.evaluate(() => {
      const zh = [...document.querySelectorAll('#panel-translation mark.tr-f[data-side="zh"]')].find((m) =>
        m.textContent.startsWith('人类命运共同体'),
      );
      const en = document.querySelector(`#panel-translation mark.tr-f[data-side="en"][data-link="${zh.dataset.link}"]`);
      const colour = (m) => [...m.classList].find((c) => /^c\d$/.test(c));
      const text = (m) => m.firstChild.textContent; // the mark's own text, before its hidden explanation
      return {
        zh: text(zh),
        en: text(en),
        zhClass: colour(zh),
        enClass: colour(en),
        zhBg: getComputedStyle(zh).backgroundColor,
        enBg: getComputedStyle(en).backgroundColor,
        sameBead: zh.closest('.tr-bead') === en.closest('.tr-bead'),
        title: zh.title,
        links: document.querySelectorAll('#panel-translation mark.tr-f[data-side="en"]').length,
        missing: document.querySelectorAll('#panel-translation mark.tr-missing').length,
      };
    });
    assert.equal(pair.zh, '人类命运共同体');
    assert.equal(pair.en, 'community with a shared future for mankind');
    assert.ok(pair.zhClass && pair.zhClass === pair.enClass, `${pair.zhClass} / ${pair.enClass}`);
    assert.equal(pair.zhBg, pair.enBg);
    assert.notEqual(pair.zhBg, 'rgba(0, 0, 0, 0)');
    assert.ok(pair.sameBead);
    assert.equal(pair.title, '人类命运共同体 is rendered “community with a shared future for mankind”');
    assert.equal(pair.links, 44);
    assert.equal(pair.missing, 8);

    // Keyboard: Tab from the English picker reaches the first formula; focus lights up its rendering.
    await page.focus('#panel-translation-tr-en');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const m = document.activeElement;
      const link = m.dataset.link;
      const lit = [...document.querySelectorAll(`#panel-translation mark[data-link="${link}"]`)];
      return {
        tag: m.tagName,
        text: m.firstChild.textContent,
        lit: lit.map((x) => [x.dataset.side, x.classList.contains('tr-on')]),
      };
    });
    assert.equal(focused.tag, 'MARK');
    assert.equal(focused.text, '主席先生');
    assert.deepEqual(focused.lit, [
      ['zh', true],
      ['en', true],
    ]);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.firstChild.textContent), '各位同事');

    // axe-core on the view, light and dark.
    await page.addScriptTag({ path: AXE });
    for (const colorScheme of ['dark', 'light']) {
      await page.emulateMedia({ colorScheme });
      const violations = await page.evaluate(async () => {
        const r = await window.axe.run('#panel-translation', { resultTypes: ['violations'] });
        return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      assert.deepEqual(violations, [], colorScheme);
      if (colorScheme === 'dark') await page.screenshot({ path: join(OUTPUT, 'translation-1366-dark.png') });
    }
    await page.screenshot({ path: join(OUTPUT, 'translation-1366.png'), fullPage: false });
    const lone = page.locator('#panel-translation .tr-bead[data-status="no_counterpart"]');
    await lone.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUTPUT, 'translation-unaligned-1366.png'), fullPage: false });

    // 360 px: each group's Chinese above its English, nothing wider than the screen.
    await page.setViewportSize({ width: 360, height: 800 });
    const narrow = await page.evaluate(() => {
      const b = [...document.querySelectorAll('#panel-translation .tr-bead[data-status="aligned"]')][3];
      const zh = b.querySelector('.tr-side[data-side="zh"]').getBoundingClientRect();
      const en = b.querySelector('.tr-side[data-side="en"]').getBoundingClientRect();
      return { stacked: zh.bottom <= en.top, width: document.documentElement.scrollWidth };
    });
    assert.ok(narrow.stacked, 'the Chinese side is above the English one');
    assert.ok(narrow.width <= 360, `page width ${narrow.width}`);
    await page.locator('#panel-translation .tr-bead').nth(3).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUTPUT, 'translation-360.png'), fullPage: false });

    assert.deepEqual(errors, []);
    assert.deepEqual(foreign(requests, env.url), []);
    await context.close();
  });

  it('a search of Chinese and English statements loads the full engine and marks what it found in translation', async () => {
    const { page, errors, requests, context } = await openPage(env);
    await loadPair(page);
    const full = fullRequests(requests);
    assert.deepEqual(full(), [], 'comparing does not load the full engine');
    await tab(page, 'search');
    await page.fill('#panel-search-q', '人类命运共同体');
    await page.press('#panel-search-q', 'Enter');
    await page.waitForSelector('#panel-search table.kwic tbody tr .tr-of', { timeout: 30_000 });
    const rows = await page.$$eval('#panel-search table.kwic tbody tr', (trs) =>
      trs.map((tr) => [tr.querySelector('.k-go').textContent, tr.querySelector('.tr-of')?.textContent ?? null]),
    );
    // The Chinese formula, untagged; its English rendering (in the English edition and in demo
    // statements), each tagged.
    assert.deepEqual(
      rows.filter((r) => r[0] === '人类命运共同体').map((r) => r[1]),
      [null],
    );
    const renderings = rows.filter((r) => r[0].toLowerCase() === 'community with a shared future for mankind');
    assert.ok(renderings.length >= 1, JSON.stringify(rows));
    for (const r of renderings) assert.equal(r[1], 'translation of 人类命运共同体');
    assert.ok(
      full().some((r) => r.endsWith('/pkg/full/refrain_bg.wasm')),
      `the query loaded the full engine: ${full().join(' ')}`,
    );
    assert.deepEqual(errors, []);
    await context.close();
  });
});
