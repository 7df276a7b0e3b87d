// Accessibility: every control reachable and visibly focused by keyboard alone, and an axe-core
// audit of every view in light and dark mode, at phone and desktop width.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, load, tab, AXE } from './helpers.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  if (env) await env.close();
});

const VIEWS = ['read', 'refrains', 'search', 'overview', 'statements'];

/** Marks every control a keyboard user should reach in the header and the visible view. */
async function markExpected(page) {
  return page.evaluate(() => {
    const sel = 'button:not([disabled]), select, input, textarea, a[href], summary, [tabindex="0"]';
    const scopes = [
      document.querySelector('header'),
      document.querySelector('.tabs'),
      document.querySelector('main > .panel:not([hidden])'),
    ];
    let n = 0;
    for (const scope of scopes) {
      for (const el of scope.querySelectorAll(sel)) {
        if (el.closest('[hidden]') || el.closest('details:not([open]) > :not(summary)')) continue;
        if (el.getAttribute('role') === 'tab' && el.getAttribute('aria-selected') !== 'true') continue; // arrow keys
        if (!el.getClientRects().length) continue;
        el.dataset.kbExpected = String(n++);
      }
    }
    return n;
  });
}

/** Presses Tab until focus has gone through `main`; returns [{id, visible}] for each stop. */
async function tabThrough(page, max = 600) {
  await page.evaluate(() => {
    document.activeElement?.blur();
    window.scrollTo(0, 0);
  });
  await page.focus('.skip');
  const stops = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return { end: true };
      const cs = getComputedStyle(el);
      let visible = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
      if (!visible && el instanceof SVGElement) {
        const r = el.querySelector('rect');
        visible = !!r && parseFloat(getComputedStyle(r).strokeWidth) >= 2 && getComputedStyle(r).stroke !== 'none';
      }
      if (!visible && el.matches('input.file')) {
        const label = document.querySelector(`label[for="${el.id}"]`);
        visible = !!label && getComputedStyle(label).outlineStyle !== 'none';
      }
      el.dataset.kbReached = '1';
      return {
        id: el.id || el.getAttribute('aria-label') || el.textContent.slice(0, 30),
        visible,
        inFooter: !!el.closest('footer'),
        tag: el.tagName,
      };
    });
    if (info.end || info.inFooter) break;
    stops.push(info);
  }
  return stops;
}

describe('keyboard', () => {
  it('reaches every control of every view, with a visible focus', async () => {
    const { page, context } = await openPage(env);
    await load(page, env.url);
    for (const view of VIEWS) {
      // Switch views with the keyboard: the tab list takes the arrow keys.
      await page.focus('.tabs [aria-selected="true"]');
      for (let k = 0; k < 5 && (await page.getAttribute(`#tab-${view}`, 'aria-selected')) !== 'true'; k++)
        await page.keyboard.press('ArrowRight');
      assert.equal(await page.getAttribute(`#tab-${view}`, 'aria-selected'), 'true');
      if (view === 'search') {
        await page.keyboard.press('Tab');
        await page.keyboard.type('genuine multilateralism');
        await page.keyboard.press('Enter');
        await page.waitForSelector('#panel-search table.kwic tbody tr');
      }
      await page.evaluate(() =>
        document.querySelectorAll('[data-kb-expected], [data-kb-reached]').forEach((e) => {
          delete e.dataset.kbExpected;
          delete e.dataset.kbReached;
        }),
      );
      const expected = await markExpected(page);
      const stops = await tabThrough(page);
      const missed = await page.$$eval('[data-kb-expected]:not([data-kb-reached])', (els) =>
        els.map(
          (e) => `${e.tagName}#${e.id}.${e.className} ${e.getAttribute('aria-label') || e.textContent.slice(0, 40)}`,
        ),
      );
      assert.deepEqual(missed, [], `${view}: controls not reached by Tab`);
      const invisible = stops.filter((s) => !s.visible);
      assert.deepEqual(invisible, [], `${view}: focus not visible`);
      assert.ok(expected > 5 && stops.length >= expected, `${view}: ${stops.length} stops for ${expected} controls`);
    }
    await context.close();
  });

  it('works the reader, the heatmap and the exports without a mouse', async () => {
    const { page, context } = await openPage(env);
    await load(page, env.url);
    // Skip link, then into the first column's passages.
    await page.focus('.skip');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
    let guard = 0;
    while (!(await page.evaluate(() => document.activeElement.matches('mark.occ'))) && guard++ < 40)
      await page.keyboard.press('Tab');
    const fam = await page.evaluate(() => document.activeElement.dataset.family);
    await page.keyboard.press('Enter');
    assert.match(await page.textContent('#panel-read .fam-panel h2'), new RegExp(`Refrain ${fam}\\b`));
    // The heatmap: arrow keys move between cells, Enter opens the pair.
    await page.focus('#tab-read');
    for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowRight');
    assert.equal(await page.getAttribute('#tab-overview', 'aria-selected'), 'true');
    await page.focus('#overview-heatmap [role="gridcell"][tabindex="0"]');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    const cell = await page.evaluate(() => [document.activeElement.dataset.row, document.activeElement.dataset.col]);
    assert.deepEqual(cell, ['1', '2']);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#panel-read:not([hidden])');
    assert.equal(await page.locator('#panel-read .col').count(), 2);
    // Exports by keyboard.
    await page.focus('#export-csv');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    assert.equal(dl.suggestedFilename(), 'refrain-occurrences.csv');
    await context.close();
  });
});

describe('motion', () => {
  it('respects prefers-reduced-motion', async () => {
    const { page, context } = await openPage(env, { reducedMotion: 'reduce' });
    await load(page, env.url);
    await page.click('#panel-read .col:nth-child(1) mark.occ');
    const anim = await page.$eval('#panel-read mark.counterpart', (m) => getComputedStyle(m).animationName);
    assert.equal(anim, 'none');
    await context.close();
  });
});

describe('axe-core audit', () => {
  for (const scheme of ['light', 'dark']) {
    for (const width of [1366, 360]) {
      it(`finds no violations in any view (${scheme}, ${width} px)`, async () => {
        // The audit script is injected inline, which the page's CSP forbids: bypass it here only.
        const { page, context } = await openPage(env, {
          bypassCSP: true,
          colorScheme: scheme,
          viewport: { width, height: 900 },
        });
        await load(page, env.url);
        await page.addScriptTag({ path: AXE });
        for (const view of VIEWS) {
          if (width < 720)
            await page.evaluate(() => {
              document.getElementById('actions').open = true;
            });
          await tab(page, view);
          if (view === 'search') {
            await page.fill('#panel-search-q', 'genuine multilateralism');
            await page.press('#panel-search-q', 'Enter');
            await page.waitForSelector('#panel-search table.kwic tbody tr');
          }
          if (view === 'read') await page.hover('#panel-read mark.occ');
          const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
          const found = result.violations.map(
            (v) =>
              `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
                .slice(0, 4)
                .map((n) => `${n.target.join(' ')} ${n.failureSummary.split('\n').slice(1, 2).join(' ')}`)
                .join('\n    ')}`,
          );
          assert.deepEqual(found, [], `${view}: ${found.join('\n')}`);
        }
        await context.close();
      });
    }
  }
});
