// The demo, the reader, the search, the exports, the network and the screenshots.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  setUp,
  openPage,
  load,
  tab,
  downloadOf,
  foreign,
  addStatement,
  waitCompared,
  waitReady,
  widenGlyphs,
  OUTPUT,
} from './helpers.mjs';

/** Records in `window.__sent` the type of every message the context's pages send to a Worker. */
function recordWorkerMessages(context) {
  return context.addInitScript(() => {
    const post = Worker.prototype.postMessage;
    window.__sent = [];
    Worker.prototype.postMessage = function (message, ...rest) {
      window.__sent.push(message?.type);
      return post.call(this, message, ...rest);
    };
  });
}

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  if (env) await env.close();
});

describe('the demo', () => {
  it('loads with the families highlighted, each passage carrying its family id and the right text', async () => {
    const { page, context, errors } = await openPage(env);
    await load(page, env.url);
    const first = await page.evaluate(() => Number(document.documentElement.dataset.firstResultsMs));
    console.log(`# first results of the demo ${first} ms after navigation`);
    assert.match(await page.textContent('#status'), /^7 statements compared in \d+ ms: \d+ refrains found/);
    // It opens on the demo's refrain, lined up in both columns.
    assert.match(await page.textContent('#panel-read .fam-panel blockquote'), /multilateralism/i);
    assert.equal(await page.locator('#panel-read .col').count(), 2);
    for (const col of [1, 2])
      assert.ok((await page.locator(`#panel-read .col:nth-child(${col}) mark.occ.hl-sel`).count()) >= 1);
    await page.click('#panel-read .fam-panel button:has-text("Clear selection")');
    const marks = await page.$$eval('#panel-read mark.occ', (ms) =>
      ms.map((m) => ({
        family: m.getAttribute('data-family'),
        families: m.getAttribute('data-families'),
        occs: m.getAttribute('data-occs').split(' '),
        text: m.textContent,
        bg: getComputedStyle(m).backgroundColor,
        deco: getComputedStyle(m).textDecorationStyle,
      })),
    );
    assert.ok(marks.length >= 20, `only ${marks.length} highlighted passages`);
    for (const m of marks) {
      assert.match(m.family, /^f\d+$/);
      assert.ok(m.families.split(' ').includes(m.family));
      assert.notEqual(m.bg, 'rgba(0, 0, 0, 0)', 'a passage without a background colour');
    }
    assert.ok(new Set(marks.map((m) => m.bg)).size >= 4, 'families should have different colours');
    assert.ok(new Set(marks.map((m) => m.deco)).size >= 3, 'families should have different underline styles');
    // Every passage's text is part of the occurrence the engine reported at that place.
    const { text } = await downloadOf(page, '#export-json');
    const report = JSON.parse(text);
    const byKey = new Map();
    for (const f of report.families) for (const [i, o] of f.occurrences.entries()) byKey.set(`${f.id}:${i}`, o);
    // Occurrences may nest or overlap: the passages covered by an occurrence, joined, are its text.
    const joined = new Map();
    for (const m of marks) for (const k of m.occs) joined.set(k, (joined.get(k) || '') + m.text);
    assert.ok(joined.size >= 10);
    for (const [key, t] of joined) {
      const o = byKey.get(key);
      assert.ok(o, `no occurrence ${key} in the report`);
      assert.equal(t, o.text, `passage ${key} shows “${t}”, the report says “${o.text}”`);
    }
    // The strips mark the same families.
    assert.ok((await page.locator('#panel-read .strip-mark[data-family]').count()) >= marks.length / 2);
    // The legend and the attribution are there.
    assert.match(await page.textContent('.legend'), /underline/);
    assert.match(await page.textContent('#attribution'), /UN General Debate Corpus.*CC0/s);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('links the occurrences of a family on hover, focus and click', async () => {
    const { page, context } = await openPage(env);
    await load(page, env.url);
    // A family that both columns show.
    const fam = await page.evaluate(() => {
      const cols = [...document.querySelectorAll('#panel-read .col-text')];
      const inCol = (c) => new Set([...c.querySelectorAll('mark.occ')].map((m) => m.dataset.family));
      const a = inCol(cols[0]);
      const b = inCol(cols[1]);
      return [...a].find((f) => b.has(f));
    });
    assert.ok(fam, 'the two demo columns share no family');
    const sel = `#panel-read .col:nth-child(1) mark.occ[data-family="${fam}"]`;
    await page.hover(sel);
    const lit = await page.$$eval(`#panel-read mark.occ[data-families~="${fam}"]`, (ms) =>
      ms.map((m) => m.classList.contains('hl-hover')),
    );
    assert.ok(lit.length >= 2 && lit.every(Boolean), 'hovering should highlight every occurrence of the family');
    assert.equal(await page.locator(`#panel-read mark.occ.hl-hover:not([data-families~="${fam}"])`).count(), 0);
    // Scroll the second column away, then click: it scrolls back to the counterpart.
    await page.$eval('#panel-read .col:nth-child(2) .col-text', (c) => {
      c.scrollTop = c.scrollHeight;
    });
    await page.click(sel);
    await page.waitForFunction(
      (f) => {
        const col = document.querySelector('#panel-read .col:nth-child(2) .col-text');
        const m = col.querySelector(`mark.occ.counterpart[data-families~="${f}"]`);
        if (!m) return false;
        const a = col.getBoundingClientRect();
        const b = m.getBoundingClientRect();
        return b.top >= a.top - 1 && b.bottom <= a.bottom + 1;
      },
      fam,
      { timeout: 5000 },
    );
    assert.match(await page.textContent('#panel-read .fam-panel h2'), new RegExp(`Refrain ${fam}\\b`));
    assert.ok((await page.locator(`#panel-read mark.occ.hl-sel[data-families~="${fam}"]`).count()) >= 2);
    // Keyboard: focusing a passage highlights its family; Escape clears the selection.
    await page.focus('#panel-read .col:nth-child(1) mark.occ[tabindex="0"]');
    const focused = await page.evaluate(() => document.activeElement.dataset.family);
    assert.ok((await page.locator(`#panel-read mark.occ.hl-hover[data-families~="${focused}"]`).count()) >= 1);
    await page.keyboard.press('ArrowDown');
    const next = await page.evaluate(
      () => document.activeElement.matches('mark.occ') && document.activeElement.getAttribute('tabindex') === '0',
    );
    assert.ok(next, 'the arrow keys move between passages');
    await page.keyboard.press('Enter');
    const chosen = await page.evaluate(() => document.activeElement.dataset.family);
    assert.match(await page.textContent('#panel-read .fam-panel h2'), new RegExp(`Refrain ${chosen}\\b`));
    await page.keyboard.press('Escape');
    assert.match(await page.textContent('#panel-read .fam-panel h2'), /Strongest refrains/);
    await context.close();
  });

  it('marks variant words differently from identical ones', async () => {
    const { page, context } = await openPage(env);
    await load(page, env.url);
    const { text } = await downloadOf(page, '#export-json');
    const report = JSON.parse(text);
    const differs = (o) => o.diff.some((d) => d.op === 'variant' || d.op === 'substitute');
    const variantFam = report.families.find((f) => f.occurrences.some(differs));
    assert.ok(variantFam, 'the demo has no family with a variant word');
    const variantDoc = variantFam.occurrences.find(differs).doc;
    await tab(page, 'refrains');
    await page.fill('#panel-refrains-filter', variantFam.root.split(/\s+/).slice(0, 3).join(' '));
    const li = page.locator(`#panel-refrains li.refrain[data-family="${variantFam.id}"]`);
    assert.ok((await li.locator('ins').count()) >= 1, 'a variant shows its word-level difference');
    await li.locator('button', { hasText: 'Show in the reader' }).click();
    await page.waitForSelector('#panel-read:not([hidden])');
    // The statement with the differing word, in the second column.
    if (!(await page.locator(`#panel-read .col[data-doc="${variantDoc}"]`).count()))
      await page.selectOption('#panel-read .col:nth-child(2) select', variantDoc);
    const styles = await page.$$eval(
      `#panel-read mark.occ[data-family="${variantFam.id}"] .w-variant, #panel-read mark.occ[data-family="${variantFam.id}"] .w-change`,
      (els) => els.map((e) => getComputedStyle(e).borderTopStyle),
    );
    assert.ok(styles.length >= 1, 'the reader marks the variant word');
    assert.ok(styles.every((s) => s === 'dotted' || s === 'dashed'));
    await context.close();
  });
});

describe('the first comparison', () => {
  it('is sent by js/start.js before app.js loads, once: app.js shows its report', async () => {
    const { page, context, errors } = await openPage(env);
    await recordWorkerMessages(context);
    let release;
    const held = new Promise((ok) => {
      release = ok;
    });
    await page.route('**/js/app.js', async (route) => {
      await held;
      await route.continue();
    });
    const workers = [];
    page.on('worker', (w) => workers.push(w));
    await page.goto(env.url, { waitUntil: 'commit' });
    // app.js is held back: the comparison runs all the same.
    const compared = async () => {
      for (const w of workers) {
        const n = await w.evaluate(() => performance.getEntriesByName('refrain:compare-end').length).catch(() => 0);
        if (n) return true;
      }
      return false;
    };
    const deadline = Date.now() + 30_000;
    while (!(await compared())) {
      assert.ok(Date.now() < deadline, 'the comparison did not run without app.js');
      await page.waitForTimeout(50);
    }
    assert.equal(await page.locator('#panel-read mark.occ').count(), 0, 'nothing is shown before app.js');
    release();
    await waitReady(page);
    assert.match(await page.textContent('#status'), /^7 statements compared in \d+ ms: \d+ refrains found/);
    assert.ok((await page.locator('#panel-read mark.occ').count()) > 0);
    assert.deepEqual(await page.evaluate(() => window.__sent), ['load', 'compare'], 'one comparison was sent');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('a shared link in the address', () => {
  it('is compared by app.js after the Worker has its engine from the page: the .wasm is requested once', async () => {
    const first = await openPage(env);
    await load(first.page, env.url);
    await first.page.click('#share-link');
    await first.page.waitForFunction(() => document.getElementById('share-url').value.includes('#s='));
    const link = await first.page.inputValue('#share-url');
    await first.context.close();

    const { page, context, errors } = await openPage(env);
    await recordWorkerMessages(context);
    const wasm = []; // the page's and its Worker's requests (not the service worker's, which caches every file)
    context.on('request', (r) => {
      if (r.url().endsWith('.wasm') && !r.serviceWorker()) wasm.push(new URL(r.url()).pathname);
    });
    await page.goto(link);
    await waitReady(page);
    assert.match(await page.textContent('#status'), /^7 statements compared in \d+ ms/);
    assert.ok(await page.isVisible('#shared-banner'), 'the link is shown unsaved');
    assert.deepEqual(await page.evaluate(() => window.__sent), ['load', 'compare']);
    assert.deepEqual(wasm, ['/pkg/refrain_bg.wasm']);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('finding a phrase', () => {
  it('lists "genuine multilateralism" with its variants, aligned, ranked and linked to the reader', async () => {
    const { page, context } = await openPage(env);
    await load(page, env.url);
    await tab(page, 'search');
    await page.fill('#panel-search-q', 'genuine multilateralism');
    await page.press('#panel-search-q', 'Enter');
    await page.waitForSelector('#panel-search table.kwic tbody tr');
    const rows = await page.$$eval('#panel-search table.kwic tbody tr', (trs) =>
      trs.map((tr) => ({
        score: parseInt(tr.querySelector('.k-score').textContent, 10),
        match: tr.querySelector('.k-go').textContent,
        variant: !!tr.querySelector('.k-go .w-variant, .k-go .w-change'),
        matchLeft: Math.round(tr.querySelector('.k-go').getBoundingClientRect().left),
      })),
    );
    const texts = rows.map((r) => r.match.toLowerCase().replace(/\s+/g, ' '));
    assert.ok(texts.includes('genuine multilateralism'), `found: ${texts.join(' | ')}`);
    assert.ok(texts.includes('true multilateralism'), 'the variant "true multilateralism" is listed');
    assert.ok(
      rows.some((r) => r.variant),
      'variant words are marked',
    );
    for (let i = 1; i < rows.length; i++) assert.ok(rows[i - 1].score >= rows[i].score, 'ranked by score');
    assert.match(await page.textContent('#panel-search .summary'), /\d+ places? in \d+ statements?/);
    // The matches are aligned: the match column starts at one x for all rows... of equal width,
    // so check that the "before" cells end where the match cells begin.
    const aligned = await page.$$eval('#panel-search table.kwic tbody tr', (trs) =>
      trs.every((tr) => {
        const b = tr.querySelector('td.k-before').getBoundingClientRect();
        const m = tr.querySelector('td.k-match').getBoundingClientRect();
        return Math.abs(b.right - m.left) < 2;
      }),
    );
    assert.ok(aligned);
    const lefts = new Set(
      await page.$$eval('#panel-search td.k-match', (tds) =>
        tds.map((td) => Math.round(td.getBoundingClientRect().left)),
      ),
    );
    assert.equal(lefts.size, 1, 'the match column is aligned');
    // A line leads to its place in the reader.
    const target = rows.findIndex((r) => /true multilateralism/i.test(r.match));
    await page.locator('#panel-search .k-go').nth(target).click();
    await page.waitForSelector('#panel-read:not([hidden])');
    await page.waitForFunction(() => document.activeElement?.classList.contains('qhit'));
    const hit = await page.evaluate(() => {
      const i = document.activeElement.dataset.qhit;
      return [...document.activeElement.closest('.col-text').querySelectorAll(`.qhit[data-qhit="${i}"]`)]
        .map((e) => e.textContent)
        .join('');
    });
    assert.match(hit, /^true\s+multilateralism$/i);
    await context.close();
  });
});

describe('exports', () => {
  it('downloads the report as JSON, the occurrences as CSV and the heatmap as SVG and PNG', async () => {
    const { page, context } = await openPage(env);
    await load(page, env.url);
    const json = await downloadOf(page, '#export-json');
    assert.equal(json.name, 'refrain-report.json');
    const report = JSON.parse(json.text);
    assert.equal(report.schema_version, 1);
    assert.equal(report.statements.length, 7);
    assert.match(await page.textContent('#status'), new RegExp(`${report.families.length} refrains found`));

    const csv = await downloadOf(page, '#export-csv');
    assert.equal(csv.name, 'refrain-occurrences.csv');
    const lines = csv.text
      .replace(/^\ufeff/, '')
      .split('\r\n')
      .filter(Boolean);
    assert.equal(
      lines[0],
      'family,family_root,family_score,family_statements,family_speakers,family_stability,statement,title,speaker,date,utf16_start,utf16_end,byte_start,byte_end,similarity,text',
    );
    const occurrences = report.families.reduce((n, f) => n + f.occurrences.length, 0);
    // Quoted fields may hold line breaks; count records by their leading family id.
    assert.equal(csv.text.split('\r\n').filter((l) => /^f\d+,/.test(l)).length, occurrences);
    const f1 = report.families[0];
    assert.ok(lines[1].startsWith(`${f1.id},`));
    assert.ok(lines[1].includes(f1.occurrences[0].doc));

    const svg = await downloadOf(page, '#export-svg');
    assert.equal(svg.name, 'refrain-heatmap.svg');
    assert.match(svg.text, /^<\?xml/);
    assert.match(svg.text, /<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.equal((svg.text.match(/<rect /g) || []).length, 7 * 7 + 1);
    assert.ok(svg.text.includes('Xi Jinping'));

    const png = await downloadOf(page, '#export-png');
    assert.equal(png.name, 'refrain-heatmap.png');
    assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const width = png.bytes.readUInt32BE(16);
    assert.ok(width > 400, `PNG only ${width} px wide`);
    await context.close();
  });
});

describe('the overview', () => {
  it('opens a pair side by side from a heatmap cell', async () => {
    const { page, context } = await openPage(env);
    await load(page, env.url);
    await tab(page, 'overview');
    assert.equal(await page.locator('#overview-heatmap [role="gridcell"]').count(), 49);
    assert.equal(await page.locator('#overview-strips li').count(), 7);
    const cell = page.locator('#overview-heatmap [role="gridcell"][data-row="2"][data-col="5"]');
    const label = await cell.getAttribute('aria-label');
    assert.match(label, /Sergey Lavrov.*%.*Dominique Hasler/);
    await cell.click();
    await page.waitForSelector('#panel-read:not([hidden])');
    const shown = await page.$$eval('#panel-read .col', (cs) => cs.map((c) => c.dataset.doc));
    assert.deepEqual(shown, ['RUS_76_2021', 'LIE_78_2023']);
    // Up to four columns; each can be closed.
    await page.click('#panel-read button:has-text("Add a column")');
    await page.click('#panel-read button:has-text("Add a column")');
    assert.equal(await page.locator('#panel-read .col').count(), 4);
    assert.equal(await page.isDisabled('#panel-read button:has-text("Add a column")'), true);
    await page.click('#panel-read .col:nth-child(3) button:has-text("Close")');
    assert.equal(await page.locator('#panel-read .col').count(), 3);
    // Choosing a statement in a column swaps it with the column that showed it.
    await page.selectOption('#panel-read .col:nth-child(1) select', 'LIE_78_2023');
    assert.deepEqual((await page.$$eval('#panel-read .col', (cs) => cs.map((c) => c.dataset.doc))).slice(0, 2), [
      'LIE_78_2023',
      'RUS_76_2021',
    ]);
    await context.close();
  });
});

describe('the network', () => {
  it('requests nothing beyond the page’s origin', async () => {
    const { page, context, requests } = await openPage(env);
    await load(page, env.url);
    await tab(page, 'search');
    await page.fill('#panel-search-q', 'sovereignty and territorial integrity');
    await page.press('#panel-search-q', 'Enter');
    await page.waitForSelector('#panel-search table.kwic tbody tr');
    await tab(page, 'overview');
    await downloadOf(page, '#export-png');
    await page.click('#share-link');
    await page.waitForFunction(() => document.getElementById('share-url').value.length > 0);
    assert.ok(requests.length > 5);
    assert.deepEqual(foreign(requests, env.url), []);
    // The CSP is in the page itself too, strict.
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
    assert.equal(await page.getAttribute('link[rel="icon"]', 'href'), 'data:,');
    await context.close();
  });
});

// How far the page is wider than the screen (0 or less: no horizontal scrolling).
const overflowOf = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('narrow screens, whatever the fonts', () => {
  // The page must not overflow with any fonts. Glyph widths differ between machines, so instead of
  // trusting the fonts installed here the test widens every glyph (widenGlyphs) and adds the
  // content that overflows first: a long statement label, a word of 97 letters, Chinese without spaces.
  const LONG_WORD = `${'Internationalization'.repeat(4)}ofmultilateralism`;
  const TEXT =
    `We must practise genuine multilateralism ${LONG_WORD} and uphold the United Nations. ` +
    '我们要践行真正的多边主义，推动构建人类命运共同体，坚持共商共建共享的全球治理观。';
  for (const width of [320, 360]) {
    it(`at ${width} px with wide glyphs, a long label and a long word: no view is wider than the screen`, async () => {
      const { page, context } = await openPage(env, { viewport: { width, height: 780 }, bypassCSP: true });
      await load(page, env.url);
      await addStatement(page, {
        title:
          'Statement by the Permanent Representative of the Plurinational State of Bolivia to the General Assembly',
        speaker: 'Her Excellency Ambassador Extraordinary and Plenipotentiary',
        date: '2023-09-21',
        text: TEXT,
      });
      await waitCompared(page, 8);
      await widenGlyphs(page);
      for (const t of ['read', 'refrains', 'search', 'overview', 'statements']) {
        await tab(page, t);
        if (t === 'search') {
          await page.fill('#panel-search-q', 'genuine multilateralism');
          await page.press('#panel-search-q', 'Enter');
          await page.waitForSelector('#panel-search table.kwic tbody tr');
        }
        const o = await overflowOf(page);
        assert.ok(o <= 0, `the ${t} view is ${o} px wider than the screen`);
      }
      await page.screenshot({ path: join(OUTPUT, `search-wide-glyphs-${width}.png`), fullPage: true });
      await context.close();
    });
  }
});

describe("the refrain panel's list of speakers", () => {
  // A name in the list is a button (an atomic inline, after which Chromium may break a line even
  // before a comma): the comma after a name must come right after its last word, on its line, at
  // any width and with any fonts (widenGlyphs changes where the lines wrap).
  for (const [width, wide] of [
    [1366, false],
    [1366, true],
    [360, false],
    [360, true],
  ]) {
    it(`at ${width} px${wide ? ' with wide glyphs' : ''}: each comma right after its name`, async () => {
      const { page, context } = await openPage(env, { viewport: { width, height: 900 }, bypassCSP: true });
      await load(page, env.url);
      if (wide) await widenGlyphs(page);
      const names = await page.$$eval('#panel-read .fam-panel .variant-who .who', (whos) =>
        whos
          .filter((who) => who.textContent.endsWith(','))
          .map((who) => {
            const rects = (node) => {
              const range = document.createRange();
              range.selectNodeContents(node);
              return [...range.getClientRects()].filter((r) => r.width > 0);
            };
            const name = rects(who.querySelector('.go-name')).at(-1);
            const comma = rects(who.querySelector('.sep'))[0];
            return {
              text: who.textContent,
              hidden: who.querySelector('.sep').getAttribute('aria-hidden'),
              after: Math.abs(comma.left - name.right),
              sameLine: comma.top < name.bottom && comma.bottom > name.top,
            };
          }),
      );
      assert.ok(names.length >= 3, `only ${names.length} names followed by a comma`);
      for (const n of names) {
        assert.ok(n.sameLine && n.after <= 2, `the comma after ${JSON.stringify(n.text)} is not right after it`);
        assert.equal(n.hidden, 'true', "the comma is not part of the button's accessible name");
      }
      await context.close();
    });
  }
});

describe('screenshots', () => {
  for (const [width, height] of [
    [360, 780],
    [1366, 900],
  ]) {
    it(`at ${width} px wide: no horizontal overflow, columns ${width < 720 ? 'stacked' : 'side by side'}`, async () => {
      const { page, context } = await openPage(env, { viewport: { width, height } });
      await load(page, env.url);
      const overflow = await overflowOf(page);
      assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
      const [a, b] = await page.$$eval('#panel-read .col', (cs) =>
        cs.map((c) => c.getBoundingClientRect()).map((r) => ({ x: r.left, y: r.top })),
      );
      if (width < 720) assert.ok(b.y > a.y && Math.abs(b.x - a.x) < 2, 'columns stack on a phone');
      else assert.ok(Math.abs(b.y - a.y) < 2 && b.x > a.x, 'columns stand side by side');
      await page.screenshot({ path: join(OUTPUT, `reader-${width}.png`) });
      for (const t of ['refrains', 'search', 'overview', 'statements']) {
        await tab(page, t);
        if (t === 'search') {
          await page.fill('#panel-search-q', 'genuine multilateralism');
          await page.press('#panel-search-q', 'Enter');
          await page.waitForSelector('#panel-search table.kwic tbody tr');
        }
        const o = await overflowOf(page);
        assert.ok(o <= 0, `the ${t} view is ${o} px wider than the screen`);
        await page.screenshot({ path: join(OUTPUT, `${t}-${width}.png`), fullPage: true });
      }
      await tab(page, 'read');
      await page.click('#panel-read .col:nth-child(1) mark.occ');
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.$eval('.tabs-nav', (n) => getComputedStyle(n).display), 'none');
      await page.screenshot({ path: join(OUTPUT, `print-${width}.png`), fullPage: true });
      await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
      await page.screenshot({ path: join(OUTPUT, `reader-dark-${width}.png`) });
      await context.close();
    });
  }
});
