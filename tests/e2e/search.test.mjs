// What a reporter does with the search: finds "true multilateralism" in the demo, reads the hits
// (none across a sentence end), the counts per year, speaker and country beside them, shows one
// country only, sorts by date, exports the summary as CSV and checks its rows; and is told plainly
// when the exact phrase does not occur. Screenshots at 360 and 1366 px in tests/output/.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { setUp, openPage, load, tab, downloadOf, OUTPUT } from './helpers.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  if (env) await env.close();
});

async function find(page, q) {
  await tab(page, 'search');
  await page.fill('#panel-search-q', q);
  await page.press('#panel-search-q', 'Enter');
  await page.waitForFunction(
    (query) => document.querySelector('#panel-search .summary')?.textContent.includes(`“${query}”`),
    q,
  );
}

/** The KWIC lines: statement, match, and the date of the statement as the page shows it. */
const linesOf = (page) =>
  page.$$eval('#panel-search table.kwic tbody tr', (trs) =>
    trs.map((tr) => ({
      doc: tr.dataset.doc,
      who: tr.querySelector('.k-doc').textContent,
      match: tr.querySelector('.k-match').textContent,
    })),
  );

/** The summary's rows: {kind, name, places} (years from the bar chart, the rest from the tables). */
const summaryOf = (page) =>
  page.evaluate(() => {
    const side = document.querySelector('#panel-search .search-summary');
    const years = [...side.querySelectorAll('.year-bars li')].map((li) => ({
      kind: 'year',
      name: li.querySelector('.yb-name').textContent,
      places: Number(li.querySelector('.yb-n').textContent),
      bar: li.querySelector('.yb-bar').getBoundingClientRect().width,
    }));
    const rest = [...side.querySelectorAll('table.counts')].flatMap((t) =>
      [...t.querySelectorAll('tbody tr')].map((tr) => ({
        kind: t.dataset.kind,
        name: tr.querySelector('th').textContent,
        places: Number(tr.querySelector('td.n').textContent),
      })),
    );
    return [...years, ...rest];
  });

describe('search, as a reporter uses it', () => {
  for (const [width, height] of [
    [360, 780],
    [1366, 900],
  ]) {
    it(`at ${width} px: true multilateralism, counted, filtered, sorted by date and exported`, async () => {
      const { page, context, errors } = await openPage(env, { viewport: { width, height } });
      await load(page, env.url);
      await find(page, 'true multilateralism');
      const lines = await linesOf(page);
      assert.ok(lines.length >= 8, `${lines.length} lines`);
      // Every hit is the formula or a variant of it within one sentence: no "true masters", no
      // "real results. Multilateralism".
      for (const l of lines) {
        assert.match(l.match, /multilateralism/i, `${l.match} in ${l.who}`);
        assert.doesNotMatch(l.match, /[.!?;]\s/, `${l.match} crosses a sentence end`);
      }
      assert.equal(await page.isHidden('#panel-search .no-exact'), true, 'the exact phrase occurs');
      // The counts beside the lines agree with the lines.
      const perDoc = new Map();
      for (const l of lines) perDoc.set(l.doc, (perDoc.get(l.doc) || 0) + 1);
      const summary = await summaryOf(page);
      const years = summary.filter((r) => r.kind === 'year');
      const countries = summary.filter((r) => r.kind === 'country');
      const speakers = summary.filter((r) => r.kind === 'speaker');
      for (const rows of [years, countries, speakers])
        assert.equal(
          rows.reduce((a, r) => a + r.places, 0),
          lines.length,
          `${rows[0]?.kind}: ${JSON.stringify(rows)}`,
        );
      const china = countries.find((r) => r.name === 'China');
      assert.equal(china.places, lines.filter((l) => l.doc.startsWith('CHN_')).length);
      assert.deepEqual(
        years.map((r) => r.name),
        [...years.map((r) => r.name)].sort(),
        'years oldest first',
      );
      const most = Math.max(...years.map((r) => r.places));
      for (const y of years.filter((r) => r.places === most)) assert.ok(y.bar > 0);
      for (const y of years) assert.ok(y.bar > 0 && y.bar <= Math.max(...years.map((r) => r.bar)));
      if (width >= 1000) {
        // Beside the lines on a wide screen.
        const [kwic, side] = await page.$$eval('#panel-search .search-lines, #panel-search .search-summary', (els) =>
          els.map((e) => e.getBoundingClientRect()).map((r) => ({ left: r.left, top: r.top, right: r.right })),
        );
        assert.ok(side.left >= kwic.right - 1, 'the summary stands beside the lines');
      }
      await page.screenshot({ path: join(OUTPUT, `search-summary-${width}.png`), fullPage: true });

      // Export the summary table and check its rows against what the page shows.
      const dl = await downloadOf(page, '#panel-search .search-summary button.btn');
      assert.equal(dl.name, 'refrain-search-summary.csv');
      const rows = dl.text
        .replace(/^\ufeff/, '')
        .trimEnd()
        .split('\r\n');
      assert.equal(rows[0], 'query,kind,name,places,statements');
      const csv = rows.slice(1).map((r) => r.split(','));
      const key = (r) => r.join('\t');
      assert.deepEqual(
        csv.map(([q, kind, name, places]) => key([q, kind, name, Number(places)])).sort(),
        summary.map((r) => key(['true multilateralism', r.kind, r.name, r.places])).sort(),
      );
      for (const [, , , , n] of csv) assert.ok(Number(n) >= 1);

      // Show China only: the lines and the counts are China's.
      await page.click('#panel-search table.counts[data-kind="country"] tr[data-key="country:china"] button');
      await page.waitForFunction(() =>
        [...document.querySelectorAll('#panel-search table.kwic tbody tr')].every((tr) =>
          tr.dataset.doc.startsWith('CHN_'),
        ),
      );
      const chinese = await linesOf(page);
      assert.equal(chinese.length, china.places);
      const only = await summaryOf(page);
      assert.deepEqual(
        only.filter((r) => r.kind === 'country').map((r) => r.name),
        ['China'],
      );

      // Sort by date: oldest first.
      await page.selectOption('#panel-search-q-order', 'date');
      // Back to all statements through the page's group filter.
      await page.selectOption('#group-filter', '');
      await page.waitForFunction(
        (n) => document.querySelectorAll('#panel-search table.kwic tbody tr').length === n,
        lines.length,
      );
      const byDate = await linesOf(page);
      const year = (l) => Number(/\((\d{4})\)/.exec(l.who)[1]);
      assert.deepEqual(
        byDate.map(year),
        byDate.map(year).sort((a, b) => a - b),
        'oldest first',
      );
      assert.notDeepEqual(byDate, lines, 'the order changed from best first');
      await page.screenshot({ path: join(OUTPUT, `search-by-date-${width}.png`), fullPage: true });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  it('says plainly when the exact phrase does not occur', async () => {
    const { page, context, errors } = await openPage(env, { viewport: { width: 360, height: 780 } });
    await load(page, env.url);
    await find(page, 'real multilateralism');
    assert.equal(await page.textContent('#panel-search .no-exact'), 'No exact match; closest variants below.');
    assert.equal(await page.isVisible('#panel-search .no-exact'), true);
    const lines = await linesOf(page);
    assert.ok(lines.length >= 1);
    assert.ok(lines.every((l) => !/\breal multilateralism\b/i.test(l.match)));
    await page.screenshot({ path: join(OUTPUT, 'search-no-exact-360.png'), fullPage: true });
    // The exact phrase found: no message.
    await find(page, 'genuine multilateralism');
    assert.equal(await page.isHidden('#panel-search .no-exact'), true);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
