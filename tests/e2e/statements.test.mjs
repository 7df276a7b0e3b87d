// Bringing statements: adding, removing, reordering, files, storage across reloads, forgetting,
// shared links, hostile text, progress and cancel.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  setUp,
  openPage,
  load,
  tab,
  waitCompared,
  waitReady,
  waitSaved,
  addStatement,
  downloadOf,
  ECHO,
} from './helpers.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  if (env) await env.close();
});

async function report(page) {
  return JSON.parse((await downloadOf(page, '#export-json')).text);
}

describe('adding and removing a statement', () => {
  it('updates the families, the heatmap and the reader', async () => {
    const { page, context, errors } = await openPage(env);
    await load(page, env.url);
    const before = await report(page);
    assert.equal(before.statements.length, 7);
    await addStatement(page, { title: 'An echo', speaker: 'Test Speaker', date: '2025-01-02', text: ECHO });
    await waitCompared(page, 8);
    const after = await report(page);
    assert.equal(after.statements.length, 8);
    const mine = after.statements.find((s) => s.title === 'An echo');
    assert.ok(mine, 'the new statement is in the report');
    assert.equal(mine.speaker, 'Test Speaker');
    assert.equal(mine.date_key, '2025-01-02');
    const joined = after.families.filter((f) => f.occurrences.some((o) => o.doc === mine.id));
    assert.ok(joined.length >= 2, 'the new statement shares phrasing with the demo');
    assert.ok(joined.some((f) => /multilateralism/.test(f.root_norm)));
    await tab(page, 'overview');
    assert.equal(await page.locator('#overview-heatmap [role="gridcell"]').count(), 64);
    assert.match(await page.textContent('#overview-strips'), /Test Speaker \(2025\)/);
    // Read it: it opens in the reader with its shared passages highlighted.
    await tab(page, 'statements');
    await page.click(`#panel-statements li.statement[data-id="${mine.id}"] button:has-text("Read")`);
    await page.waitForSelector('#panel-read:not([hidden])');
    assert.ok((await page.locator(`#panel-read .col[data-doc="${mine.id}"] mark.occ[data-family]`).count()) >= 2);
    // Remove it again.
    await tab(page, 'statements');
    await page.click(`#panel-statements li.statement[data-id="${mine.id}"] button:has-text("Remove")`);
    await waitCompared(page, 7);
    const again = await report(page);
    assert.equal(again.statements.length, 7);
    assert.ok(!again.statements.some((s) => s.id === mine.id));
    assert.equal(again.families.length, before.families.length);
    await tab(page, 'overview');
    assert.equal(await page.locator('#overview-heatmap [role="gridcell"]').count(), 49);
    assert.equal(await page.locator(`#panel-read .col[data-doc="${mine.id}"]`).count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('renames and reorders statements', async () => {
    const { page, context } = await openPage(env);
    await load(page, env.url);
    await tab(page, 'statements');
    const first = await page.getAttribute('#panel-statements li.statement:nth-child(1)', 'data-id');
    const second = await page.getAttribute('#panel-statements li.statement:nth-child(2)', 'data-id');
    await page.click(`#panel-statements li.statement[data-id="${second}"] button[aria-label$=" up"]`);
    await waitReady(page);
    assert.equal(await page.getAttribute('#panel-statements li.statement:nth-child(1)', 'data-id'), second);
    assert.deepEqual(
      (await report(page)).statements.slice(0, 2).map((s) => s.id),
      [second, first],
    );
    await page.fill(`#panel-statements-s-${first}-speaker`, 'Renamed Speaker');
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('#overview-strips .strip-name')].some((e) =>
          e.textContent.startsWith('Renamed Speaker'),
        ),
      null,
      { timeout: 10_000 },
    );
    assert.ok((await report(page)).statements.some((s) => s.speaker === 'Renamed Speaker'));
    await context.close();
  });
});

describe('the browser keeps the statements', () => {
  it('after a reload, until the user forgets them', async () => {
    const { page, context } = await openPage(env);
    await load(page, env.url);
    await addStatement(page, { title: 'Kept across reloads', speaker: 'Persistent', text: ECHO });
    await waitCompared(page, 8);
    // A draft typed but not added is kept too.
    await page.fill('#panel-statements-new-text', 'a draft, not yet added');
    await waitSaved(page);
    await page.reload();
    await waitCompared(page, 8);
    await tab(page, 'statements');
    assert.equal(await page.inputValue('#panel-statements-new-text'), 'a draft, not yet added');
    const titles = await page.$$eval('#panel-statements li.statement input[id$="-title"]', (is) =>
      is.map((i) => i.value),
    );
    assert.ok(titles.includes('Kept across reloads'));
    const id = await page.$eval('#panel-statements li.statement:last-child', (li) => li.dataset.id);
    await page.click(`#panel-statements li.statement[data-id="${id}"] summary`);
    assert.equal(await page.inputValue(`#panel-statements-s-${id}-text`), ECHO);
    // Forget: back to the demo, and a reload stays there.
    await page.click('#panel-statements button:has-text("Forget my statements")');
    await page.click('#panel-statements button:has-text("Forget everything")');
    await waitCompared(page, 7);
    await page.reload();
    await waitCompared(page, 7);
    await tab(page, 'statements');
    assert.equal(await page.inputValue('#panel-statements-new-text'), '');
    const after = await page.$$eval('#panel-statements li.statement input[id$="-title"]', (is) =>
      is.map((i) => i.value),
    );
    assert.ok(!after.includes('Kept across reloads'));
    await context.close();
  });
});

describe('demo sets', () => {
  it('each loads, keeps the user’s statements and opens on its refrain', async () => {
    const { page, context } = await openPage(env);
    await load(page, env.url);
    await addStatement(page, { title: 'Mine', text: ECHO });
    await waitCompared(page, 8);
    const expect = {
      unga78: [8, /territorial integrity/i],
      china: [8, /community.*shared future/i],
      multilateralism: [7, /multilateralism/i],
    };
    for (const [set, [n, focus]] of Object.entries(expect)) {
      await tab(page, 'statements');
      await page.selectOption('#panel-statements-demo', set);
      await page.click('#panel-statements button:has-text("Load demo set")');
      await waitCompared(page, n + 1);
      const titles = await page.$$eval('#panel-statements li.statement input[id$="-title"]', (is) =>
        is.map((i) => i.value),
      );
      assert.ok(titles.includes('Mine'), `${set}: the user's statement stays`);
      await tab(page, 'read');
      // Two sets of the same size leave the status line as it was, so wait for the set's own
      // refrain rather than for the status.
      await page
        .waitForFunction(
          (src) => {
            const q = document.querySelector('#panel-read .fam-panel blockquote');
            return q && new RegExp(src, 'i').test(q.textContent) && document.documentElement.dataset.state === 'ready';
          },
          focus.source,
          { timeout: 30_000 },
        )
        .catch(() => {});
      assert.match(await page.textContent('#panel-read .fam-panel blockquote'), focus, set);
      const fam = (await page.textContent('#panel-read .fam-panel h2')).match(/Refrain (f\d+)/)[1];
      for (const col of [1, 2]) {
        const seen = await page.evaluate(
          ([c, f]) => {
            const box = document.querySelector(`#panel-read .col:nth-child(${c}) .col-text`);
            const a = box.getBoundingClientRect();
            return [...box.querySelectorAll(`mark.occ[data-families~="${f}"]`)].some((m) => {
              const b = m.getBoundingClientRect();
              return b.top >= a.top && b.bottom <= a.bottom;
            });
          },
          [col, fam],
        );
        assert.ok(seen, `${set}: column ${col} shows the refrain`);
      }
    }
    await context.close();
  });
});

describe('when the engine fails', () => {
  it('says so, keeps what the user typed, and works again after a reload', async () => {
    // No service worker: it would answer from its cache, which page.route cannot break.
    const { page, context } = await openPage(env, { serviceWorkers: 'block' });
    await page.route('**/pkg/refrain_bg.wasm', (route) => route.fulfill({ status: 500, body: 'broken' }));
    await page.goto(env.url);
    await page.waitForFunction(() => document.documentElement.dataset.state === 'error');
    assert.match(await page.textContent('#status'), /comparison failed/i);
    assert.equal(await page.isVisible('#retry'), true);
    await addStatement(page, { title: 'Typed while broken', text: ECHO });
    await page.waitForFunction(
      () =>
        document.documentElement.dataset.state === 'error' &&
        /failed/.test(document.getElementById('status').textContent),
    );
    await page.unroute('**/pkg/refrain_bg.wasm');
    await page.reload();
    await waitCompared(page, 8);
    assert.ok((await report(page)).statements.some((s) => s.title === 'Typed while broken'));
    await context.close();
  });
});

describe('files', () => {
  it('reads .txt, .md and .html files, the HTML reduced to its text with nothing run', async () => {
    const { page, context, dialogs } = await openPage(env);
    await load(page, env.url);
    await tab(page, 'statements');
    const html =
      '<!doctype html><html lang="en"><head><title>A page</title><script>window.__xss = "file"</script>' +
      '<style>p{color:red}</style></head><body><h1>Heading</h1><p>We should practise <b>true</b> multilateralism.</p>' +
      '<img src="x" onerror="window.__xss = \'img\'"><p>Second paragraph.</p></body></html>';
    await page.setInputFiles('#panel-statements-files', [
      { name: 'speech.html', mimeType: 'text/html', buffer: Buffer.from(html) },
      {
        name: 'notes.md',
        mimeType: 'text/markdown',
        buffer: Buffer.from('# Notes\n\nUphold genuine multilateralism.\n'),
      },
      {
        name: 'plain.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('Sovereignty and territorial integrity.\r\nOf all countries.'),
      },
      { name: 'image.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
    ]);
    await waitCompared(page, 10);
    assert.match(
      await page.textContent('#panel-statements .message'),
      /3 files added.*image\.png: only \.txt, \.md and \.html/,
    );
    // Dropping a file on the panel works the same way.
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['Dropped text on true multilateralism.'], 'dropped.txt', { type: 'text/plain' }));
      const panel = document.getElementById('panel-statements');
      panel.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      panel.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await waitCompared(page, 11);
    const r = await report(page);
    const byTitle = Object.fromEntries(r.statements.map((s) => [s.title, s]));
    assert.ok(byTitle['A page'] && byTitle.Notes && byTitle.plain && byTitle.dropped);
    const texts = await page.evaluate(() =>
      [...document.querySelectorAll('#panel-statements li.statement textarea')].map((t) => t.value),
    );
    assert.ok(
      texts.includes('Heading\n\nWe should practise true multilateralism.\n\nSecond paragraph.'),
      JSON.stringify(texts),
    );
    assert.ok(texts.includes('Sovereignty and territorial integrity.\nOf all countries.'));
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.deepEqual(dialogs, []);
    await context.close();
  });
});

describe('hostile text', () => {
  it('shows markup in statements and metadata as text and runs nothing', async () => {
    const { page, context, dialogs, errors } = await openPage(env);
    await load(page, env.url);
    const evil = '<img src=x onerror=alert(1)>';
    const text = `${evil} <script>alert(2)</script> <b onmouseover="alert(3)">bold</b> ${ECHO} ${evil}`;
    await addStatement(page, {
      title: `<script>alert(4)</script>${evil}`,
      speaker: `${evil}speaker`,
      date: '2024',
      text,
    });
    await waitCompared(page, 8);
    for (const t of ['read', 'refrains', 'search', 'overview', 'statements']) {
      await tab(page, t);
      if (t === 'search') {
        await page.fill('#panel-search-q', 'true multilateralism <img src=x onerror=alert(5)>');
        await page.press('#panel-search-q', 'Enter');
        await page.waitForSelector('#panel-search .summary:not(:empty)');
      }
    }
    const id = (await report(page)).statements.find((s) => s.speaker === `${evil}speaker`).id;
    await tab(page, 'statements');
    await page.click(`#panel-statements li.statement[data-id="${id}"] button:has-text("Read")`);
    await page.waitForSelector(`#panel-read .col[data-doc="${id}"]`);
    const shown = await page.textContent(`#panel-read .col[data-doc="${id}"] .col-text`);
    assert.equal(shown, text, 'the statement is shown exactly as typed');
    assert.ok(
      (await page.$$eval(`#panel-read .col[data-doc="${id}"] option`, (os) => os.map((o) => o.textContent))).some((t) =>
        t.includes(evil),
      ),
    );
    await page.hover(`#panel-read .col[data-doc="${id}"] mark.occ`);
    await tab(page, 'overview');
    assert.ok((await page.textContent('#overview-heatmap')).includes(`${evil}speaker`));
    // Nothing ran: no dialog, no element made from the text.
    assert.deepEqual(dialogs, []);
    assert.equal(await page.locator('main img, main script, main b').count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('shared links', () => {
  it('restore the statements, columns, refrain and search in another browser', async () => {
    const a = await openPage(env);
    await load(a.page, env.url);
    await addStatement(a.page, { title: 'Shared text', speaker: 'Sharer', date: '2024-05', text: ECHO });
    await waitCompared(a.page, 8);
    await tab(a.page, 'search');
    await a.page.fill('#panel-search-q', 'territorial integrity');
    await a.page.press('#panel-search-q', 'Enter');
    await a.page.waitForSelector('#panel-search table.kwic tbody tr');
    await tab(a.page, 'read');
    const columns = await a.page.$$eval('#panel-read .col', (cs) => cs.map((c) => c.dataset.doc));
    const family = (await a.page.textContent('#panel-read .fam-panel h2')).match(/Refrain (f\d+)/)[1];
    await a.page.click('#share-link');
    await a.page.waitForFunction(() => document.getElementById('share-url').value.includes('#s='));
    const link = await a.page.inputValue('#share-url');
    assert.match(await a.page.textContent('#share-note'), /carries the statements you added/);
    await a.context.close();

    const b = await openPage(env);
    await b.page.goto(link);
    await waitCompared(b.page, 8);
    assert.equal(await b.page.isVisible('#shared-banner'), true);
    assert.deepEqual(await b.page.$$eval('#panel-read .col', (cs) => cs.map((c) => c.dataset.doc)), columns);
    assert.match(await b.page.textContent('#panel-read .fam-panel h2'), new RegExp(`Refrain ${family}\\b`));
    const r = await report(b.page);
    assert.ok(r.statements.some((s) => s.title === 'Shared text' && s.speaker === 'Sharer'));
    await tab(b.page, 'search');
    assert.equal(await b.page.inputValue('#panel-search-q'), 'territorial integrity');
    assert.ok((await b.page.locator('#panel-search table.kwic tbody tr').count()) >= 1);
    // Not saved unless kept.
    await b.page.click('#shared-keep');
    assert.equal(await b.page.isVisible('#shared-banner'), false);
    await b.page.reload();
    await waitCompared(b.page, 8);
    assert.equal(await b.page.isVisible('#shared-banner'), false);
    await b.context.close();
  });
});

describe('long runs', () => {
  it('show progress and can be cancelled; the statements stay', async () => {
    const { page, context } = await openPage(env);
    await load(page, env.url);
    const sentences = ECHO.split(/(?<=\.)\s+/);
    const demo = await page.evaluate(
      async () =>
        (await (await fetch('demo/CHN_79_2024.txt')).text()) + (await (await fetch('demo/VEN_78_2023.txt')).text()),
    );
    const pool = [...sentences, ...demo.split(/(?<=[.!?])\s+/)];
    let seed = 7;
    const parts = [];
    for (let i = 0; i < 40_000; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      parts.push(pool[seed % pool.length]);
    }
    await tab(page, 'statements');
    await page.setInputFiles('#panel-statements-files', [
      { name: 'long.txt', mimeType: 'text/plain', buffer: Buffer.from(parts.join(' ')) },
    ]);
    await page.waitForSelector('#progress:not([hidden])', { timeout: 10_000 });
    await page.waitForSelector('#cancel:not([hidden])');
    await page.click('#cancel');
    await page.waitForFunction(() => /cancelled/.test(document.getElementById('status').textContent));
    assert.equal(await page.isVisible('#retry'), true);
    assert.equal(await page.isVisible('#progress'), false);
    // The earlier results stay on screen, the long statement stays in the list.
    assert.ok((await page.locator('#panel-read mark.occ').count()) > 0);
    assert.equal(await page.locator('#panel-statements li.statement').count(), 8);
    // The page is responsive and a new run works with a fresh worker.
    await page.click('#panel-statements li.statement:last-child button:has-text("Remove")');
    await waitCompared(page, 7);
    await context.close();
  });
});
