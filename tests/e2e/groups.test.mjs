// "Compare groups" in headless Chromium: the contrast of two groups of statements on the demo set
// "unga78" and on real statements of the test corpus (../shared/corpus), checked against the same
// contrast run apart in the page's engine; the plot (one point per family, side colours by the sign
// of z, labels without overlap on the layout's own boxes), its keyboard, the way to the reader,
// the exports, the signature formulas, "Why this rank", <refrain-compare view="groups">, axe-core,
// and screenshots at 360 and 1366 px, light and dark (tests/output/groups-*.png).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setUp, openPage, load, tab, downloadOf, waitCompared, waitReady, AXE, OUTPUT, ROOT, WWW } from './helpers.mjs';
import { fixture, waitReady as elementReady } from './embed-helpers.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  if (env) await env.close();
});

const MANIFEST = JSON.parse(readFileSync(join(WWW, 'demo', 'manifest.json'), 'utf8'));
const UNGA78 = MANIFEST.sets.find((s) => s.id === 'unga78').statements;
const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'ungdc');
const SIDE_FILL = { a: 'rgb(213, 94, 0)', b: 'rgb(0, 114, 178)', n: 'none' };

/** The demo statements of `ids` as the page sends them to the engine. */
function demoStatements(ids) {
  return ids.map((id) => {
    const e = MANIFEST.statements[id];
    return {
      id,
      text: readFileSync(join(WWW, 'demo', e.file), 'utf8'),
      title: e.title,
      speaker: e.speaker,
      date: e.date,
      language: e.language,
    };
  });
}

/** Loads demo set `set` from the Statements tab. */
async function loadSet(page, set, n) {
  await tab(page, 'statements');
  await page.selectOption('#panel-statements-demo', set);
  await page.click('#panel-statements button:has-text("Load demo set")');
  await waitCompared(page, n);
}

/** Waits until the group comparison has run (fails on its error). */
async function contrastReady(page, scope = '#panel-groups') {
  await page.waitForFunction(
    (sel) => {
      const host = document.querySelector(sel);
      const state = (host?.shadowRoot || host)?.querySelector('.contrast')?.dataset.state;
      return state === 'ready' || state === 'error';
    },
    scope,
    { timeout: 30_000 },
  );
  const [state, status] = await page.$eval(scope, (host) => {
    const v = (host.shadowRoot || host).querySelector('.contrast');
    return [v.dataset.state, v.querySelector('.ct-status').textContent];
  });
  assert.equal(state, 'ready', status);
}

/** Chooses group `side` ('a' or 'b') by its select's value and waits for the new comparison. */
async function choose(page, side, value) {
  const before = await page.textContent('#panel-groups .ct-status');
  await page.selectOption(`#panel-groups-ct-${side}`, value);
  await page.waitForFunction((b) => document.querySelector('#panel-groups .ct-status').textContent !== b, before);
  await contrastReady(page);
}

/** The same contrast run apart, in a client of its own: [{root, side, z}] sorted by root. */
async function oracle(page, statements, a, b) {
  return page.evaluate(
    async ([sts, ga, gb]) => {
      const { RefrainClient } = await import('./refrain-client.js');
      const { ENGINE_LIMITS } = await import('./js/limits.js');
      const client = new RefrainClient();
      try {
        const r = await client.contrast({ statements: sts, options: { ...ENGINE_LIMITS }, a: ga, b: gb });
        return r.families.map((f) => ({ root: f.family.root_norm, z: f.z }));
      } finally {
        client.terminate();
      }
    },
    [statements, a, b],
  );
}

/** What the plot shows: its points (root, side, z, fill) and its labels' boxes, in the SVG's coordinates. */
function plotOf(page, scope = '#panel-groups') {
  return page.$eval(scope, (root) => {
    const svg = (root.shadowRoot || root).querySelector('svg.contrast-plot');
    const [, , w, h] = svg.getAttribute('viewBox').split(' ').map(Number);
    return {
      w,
      h,
      points: [...svg.querySelectorAll('.ct-pt')].map((p) => ({
        root: p.dataset.family,
        side: p.dataset.side,
        z: Number(p.dataset.z),
        i: Number(p.dataset.i),
        fill: getComputedStyle(p.querySelector('.ct-mark')).fill,
        label: p.getAttribute('aria-label'),
        role: p.getAttribute('role'),
        tabindex: p.getAttribute('tabindex'),
      })),
      labels: [...svg.querySelectorAll('.ct-label')].map((t) => t.dataset.box.split(' ').map(Number)),
      title: svg.querySelector('title')?.textContent,
      desc: svg.querySelector('desc')?.textContent,
    };
  });
}

/** The checks every plot passes: one point per family of `expected`, sides and colours by z, labels apart. */
function checkPlot(plot, expected) {
  const side = (z) => (z > 1.96 ? 'a' : z < -1.96 ? 'b' : 'n');
  const got = plot.points.map((p) => `${p.root} ${side(p.z)}`).sort();
  const want = expected.map((f) => `${f.root} ${side(f.z)}`).sort();
  assert.equal(plot.points.length, expected.length, 'one point per family of the report');
  assert.deepEqual(got, want, 'the families of the report, each on its side');
  for (const p of plot.points) {
    assert.equal(p.side, side(p.z), `${p.root}: side of z ${p.z}`);
    assert.equal(p.fill, SIDE_FILL[p.side], `${p.root}: colour of side ${p.side}`);
    assert.equal(p.role, 'button');
    assert.match(p.label, /per 10,000 words.*z /);
  }
  assert.equal(plot.points.filter((p) => p.tabindex === '0').length, 1, 'one point takes Tab');
  assert.ok(plot.labels.length >= 2, `labels: ${plot.labels.length}`);
  plot.labels.forEach(([x0, y0, x1, y1], i) => {
    assert.ok(x0 >= 0 && y0 >= 0 && x1 <= plot.w && y1 <= plot.h, `label ${i} inside the plot`);
    plot.labels.forEach(([u0, v0, u1, v1], j) => {
      if (j > i) assert.ok(!(x0 < u1 && u0 < x1 && y0 < v1 && v0 < y1), `labels ${i} and ${j} overlap`);
    });
  });
  assert.ok(plot.title && plot.desc, 'the plot has a title and a description');
}

describe('Compare groups on the page', () => {
  it('contrasts Russia with the rest of the unga78 set: the plot, its lists and its exports', async () => {
    const { page, context, errors } = await openPage(env);
    await load(page, env.url);
    await loadSet(page, 'unga78', 8);
    await tab(page, 'groups');
    await contrastReady(page);
    await choose(page, 'a', 'country=Russia');
    assert.equal(await page.$eval('#panel-groups-ct-b', (s) => s.value), 'rest');
    const status = await page.textContent('#panel-groups .ct-status');
    assert.match(status, /^Russia \(1 statement\) against the rest \(7 statements\): of \d+ refrains/);
    const expected = await oracle(
      page,
      demoStatements(UNGA78),
      ['RUS_78_2023'],
      UNGA78.filter((x) => x !== 'RUS_78_2023'),
    );
    const plot = await plotOf(page);
    checkPlot(plot, expected);
    assert.ok(
      plot.points.some((p) => p.side === 'a'),
      'Russia has families of its own',
    );
    // The lists: A's most distinctive first (z down), B's (z up); the figures of each family.
    const lists = await page.$$eval('#panel-groups .ct-side', (secs) =>
      secs.map((s) => ({
        title: s.querySelector('h3').textContent,
        roots: [...s.querySelectorAll('.ct-go')].map((b) => b.dataset.family),
        figures: [...s.querySelectorAll('.ct-figures')].map((f) => f.textContent),
      })),
    );
    assert.deepEqual(
      lists.map((l) => l.title),
      ['Used more by Russia', 'Used more by the rest'],
    );
    const byZ = [...expected].sort((x, y) => y.z - x.z);
    assert.deepEqual(
      lists[0].roots,
      byZ
        .filter((f) => f.z > 0)
        .slice(0, 10)
        .map((f) => f.root),
    );
    assert.deepEqual(
      lists[1].roots,
      [...byZ]
        .reverse()
        .filter((f) => f.z < 0)
        .slice(0, 10)
        .map((f) => f.root),
    );
    assert.match(lists[0].figures[0], /^z \d+\.\d\d · \d+ vs \d+ uses · [\d.]+ vs [\d.]+ per 10,000 words$/);
    // The signature formulas of Russia against the rest: its first families.
    assert.match(await page.textContent('#panel-groups .ct-signature'), /^Signature formulas of Russia/);
    // Exports: the plot as SVG (every point) and as PNG.
    const svg = await downloadOf(page, '#panel-groups [data-export="svg"]');
    assert.equal(svg.name, 'refrain-contrast.svg');
    assert.match(svg.text, /^<\?xml[^>]*>\n<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.equal((svg.text.match(/class="ct-mark"/g) || []).length, expected.length);
    assert.match(svg.text, /How often Russia and the rest use each refrain/);
    const png = await downloadOf(page, '#panel-groups [data-export="png"]');
    assert.equal(png.name, 'refrain-contrast.png');
    assert.deepEqual([...png.bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10]);
    assert.ok(png.bytes.length > 5_000, `PNG of ${png.bytes.length} bytes`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('moves between the points with the arrow keys; Enter takes the reader to the family', async () => {
    const { page, context } = await openPage(env);
    await load(page, env.url);
    await loadSet(page, 'unga78', 8);
    await tab(page, 'groups');
    await contrastReady(page);
    await choose(page, 'a', 'country=China');
    await choose(page, 'b', 'country=United States');
    const n = (await plotOf(page)).points.length;
    const at = () => page.evaluate(() => Number(document.activeElement.dataset.i));
    await page.focus('#panel-groups .ct-pt[tabindex="0"]');
    assert.equal(await at(), 0);
    await page.keyboard.press('ArrowRight');
    assert.equal(await at(), 1);
    await page.keyboard.press('ArrowDown');
    assert.equal(await at(), 2);
    await page.keyboard.press('ArrowLeft');
    assert.equal(await at(), 1);
    await page.keyboard.press('End');
    assert.equal(await at(), n - 1);
    await page.keyboard.press('Home');
    assert.equal(await at(), 0);
    // Only the focused point takes Tab (a roving tabindex); the line under the plot says what it is.
    assert.equal(
      await page.$$eval('#panel-groups .ct-pt[tabindex="0"]', (ps) => ps.map((p) => p.dataset.i)).then((x) => x.join()),
      '0',
    );
    const label = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
    assert.equal(await page.textContent('#panel-groups .ct-detail'), label);
    const root = label.split(':')[0];
    await page.keyboard.press('Enter');
    await page.waitForSelector('#panel-read:not([hidden])');
    assert.equal(await page.getAttribute('#tab-read', 'aria-selected'), 'true');
    // The reader shows the family: selected, with its occurrences marked, China's statement first.
    const panel = await page.textContent('#panel-read .fam-panel');
    assert.ok(panel.includes(root), `the reader's panel names “${root}”`);
    const sel = await page.$$eval('#panel-read mark.hl-sel', (ms) => [...new Set(ms.map((m) => m.dataset.family))]);
    assert.equal(sel.length, 1, 'one family selected');
    const cols = await page.$$eval('#panel-read .col', (cs) =>
      cs.map((c) => c.dataset.id || c.textContent.slice(0, 80)),
    );
    assert.ok(cols.length >= 1);
    assert.match(await page.textContent('#panel-read .col:first-child .col-head'), /China/);
    await context.close();
  });

  it('a click on a point or a list item selects the family and shows its occurrences in the reader', async () => {
    const { page, context } = await openPage(env);
    await load(page, env.url);
    await loadSet(page, 'unga78', 8);
    await tab(page, 'groups');
    await contrastReady(page);
    await choose(page, 'a', 'country=Russia');
    const first = await page.$eval('#panel-groups .ct-pt[data-i="0"]', (p) => ({
      root: p.dataset.family,
      label: p.getAttribute('aria-label'),
    }));
    await page.click('#panel-groups .ct-pt[data-i="0"]', { force: true });
    await page.waitForSelector('#panel-read:not([hidden])');
    const name = first.label.split(':')[0];
    assert.ok((await page.textContent('#panel-read .fam-panel')).includes(name));
    assert.ok((await page.locator('#panel-read mark.hl-sel').count()) >= 1, 'its occurrences are marked');
    assert.match(await page.textContent('#panel-read .col:first-child .col-head'), /Russia/);
    // Back in the view, the family is marked selected in the plot and the list.
    await tab(page, 'groups');
    assert.equal(await page.getAttribute(`#panel-groups .ct-pt[data-i="0"]`, 'aria-pressed'), 'true');
    assert.equal(await page.getAttribute('#panel-groups .ct-go.is-sel', 'data-family'), first.root);
    // A list item does the same for the rest's most distinctive family.
    const other = await page.$eval('#panel-groups .ct-side-b .ct-go', (b) => b.querySelector('.ct-root').textContent);
    await page.click('#panel-groups .ct-side-b .ct-go');
    await page.waitForSelector('#panel-read:not([hidden])');
    assert.ok((await page.textContent('#panel-read .fam-panel')).includes(other));
    await context.close();
  });

  it('groups by a range of years and by hand; the signature formulas of a statement from the Statements tab', async () => {
    const { page, context } = await openPage(env);
    await load(page, env.url);
    await loadSet(page, 'china', 8);
    await tab(page, 'groups');
    await contrastReady(page);
    await page.selectOption('#panel-groups-ct-a', '~years');
    await page.selectOption('#panel-groups-ct-a-from', '2017');
    await page.selectOption('#panel-groups-ct-a-to', '2019');
    await page.waitForFunction(() =>
      /^2017–2019 \(3 statements\) against the rest \(5 statements\)/.test(
        document.querySelector('#panel-groups .ct-status').textContent,
      ),
    );
    await contrastReady(page);
    const years = ['CHN_72_2017', 'CHN_73_2018', 'CHN_74_2019'];
    const china = MANIFEST.sets.find((s) => s.id === 'china').statements;
    checkPlot(
      await plotOf(page),
      await oracle(
        page,
        demoStatements(china),
        years,
        china.filter((x) => !years.includes(x)),
      ),
    );
    // By hand: B becomes the two statements ticked.
    await page.selectOption('#panel-groups-ct-b', '~hand');
    await page.check('#panel-groups-ct-b-s-CHN_78_2023');
    await page.check('#panel-groups-ct-b-s-CHN_79_2024');
    await page.waitForFunction(() =>
      /against 2 chosen statements \(2 statements\)/.test(
        document.querySelector('#panel-groups .ct-status').textContent,
      ),
    );
    await contrastReady(page);
    // An empty group says so and draws nothing.
    await page.uncheck('#panel-groups-ct-b-s-CHN_78_2023');
    await page.uncheck('#panel-groups-ct-b-s-CHN_79_2024');
    await page.waitForFunction(() => document.querySelector('#panel-groups .contrast').dataset.state === 'error');
    assert.match(await page.textContent('#panel-groups .ct-status'), /^Group B holds no statement/);
    assert.equal(await page.isVisible('#panel-groups svg.contrast-plot'), false);
    // The Statements tab: a statement's signature formulas are its contrast with the rest.
    await tab(page, 'statements');
    await page.click('#panel-statements li.statement[data-id="CHN_76_2021"] button:has-text("Signature formulas")');
    await page.waitForSelector('#panel-groups:not([hidden])');
    await contrastReady(page);
    assert.match(
      await page.textContent('#panel-groups .ct-status'),
      /^Xi Jinping, China \(2021\) \(1 statement\) against the rest \(7 statements\)/,
    );
    assert.match(
      await page.textContent('#panel-groups .ct-signature'),
      /^Signature formulas of Xi Jinping, China \(2021\) \(used by it much more than by the rest\): “/,
    );
    assert.equal(await page.$eval('#panel-groups-ct-a', (s) => s.value), '~hand');
    assert.deepEqual(
      await page.$$eval('#panel-groups-ct-a-s-CHN_76_2021, .ct-group-a input:checked', (is) => [
        ...new Set(is.map((i) => i.value)),
      ]),
      ['CHN_76_2021'],
    );
    // The choice is kept with the workspace.
    await page.reload();
    await waitReady(page);
    await page.waitForSelector('#panel-groups:not([hidden])');
    await contrastReady(page);
    assert.match(await page.textContent('#panel-groups .ct-status'), /^Xi Jinping, China \(2021\) \(1 statement\)/);
    await context.close();
  });

  it('works on real statements of the test corpus: Russia’s and the United States’ eight debates', async () => {
    const { page, context } = await openPage(env);
    await load(page, env.url);
    await tab(page, 'statements');
    await page.click('#panel-statements .bulk button:has-text("All")');
    await page.click('#panel-statements button:has-text("Remove the selected")');
    await page.waitForFunction(() => /^No statements yet/.test(document.getElementById('status').textContent));
    const names = ['RUS', 'USA'].flatMap((c) => [72, 73, 74, 75, 76, 77, 78, 79].map((s) => `${c}_${s}_${1945 + s}`));
    const files = names.flatMap((n) => [
      { name: `${n}.txt`, mimeType: 'text/plain', buffer: readFileSync(join(CORPUS, `${n}.txt`)) },
      { name: `${n}.json`, mimeType: 'application/json', buffer: readFileSync(join(CORPUS, `${n}.json`)) },
    ]);
    await page.setInputFiles('#panel-statements-files', files);
    await waitCompared(page, 16);
    await tab(page, 'groups');
    await contrastReady(page);
    // Russia by hand (its speakers are written three ways in the corpus), against the rest.
    await choose(page, 'b', 'rest');
    await choose(page, 'a', '~hand');
    const boxes = await page.$$eval('.ct-group-a .ct-checks li', (lis) =>
      lis.map((li) => ({
        id: li.querySelector('input').id,
        label: li.textContent,
        checked: li.querySelector('input').checked,
      })),
    );
    for (const b of boxes) {
      const want = /member state RUS/.test(b.label);
      if (want !== b.checked) await page.click(`#${b.id}`);
    }
    await page.waitForFunction(() =>
      /^8 chosen statements \(8 statements\) against the rest \(8 statements\)/.test(
        document.querySelector('#panel-groups .ct-status').textContent,
      ),
    );
    await contrastReady(page);
    const meta = (n) => JSON.parse(readFileSync(join(CORPUS, `${n}.json`), 'utf8'));
    const sts = names.map((n) => {
      const m = meta(n);
      return {
        id: n,
        text: readFileSync(join(CORPUS, `${n}.txt`), 'utf8'),
        title: m.title,
        speaker: m.speaker,
        date: m.date,
        language: m.language,
      };
    });
    const expected = await oracle(page, sts, names.slice(0, 8), names.slice(8));
    const plot = await plotOf(page);
    checkPlot(plot, expected);
    assert.ok(
      plot.points.some((p) => p.side === 'a') && plot.points.some((p) => p.side === 'b'),
      'both sides have families of their own',
    );
    await page.screenshot({ path: join(OUTPUT, 'groups-corpus-1366.png'), fullPage: true });
    await context.close();
  });
});

describe('Why this rank', () => {
  it('each refrain card says why it ranks where it does, with its measures on demand', async () => {
    const { page, context } = await openPage(env);
    await load(page, env.url);
    const report = JSON.parse((await downloadOf(page, '#export-json')).text);
    await tab(page, 'refrains');
    const first = page.locator('#panel-refrains li.refrain').first();
    const why = first.locator('details.why');
    assert.equal(await why.locator('summary').textContent(), 'Why this rank');
    assert.equal(await why.evaluate((d) => d.open), false);
    await why.locator('summary').click();
    assert.equal(await why.locator('.why-summary').textContent(), report.families[0].why.summary);
    const terms = await why.locator('dt').allTextContents();
    assert.ok(terms.includes('dispersion over speakers (0: even, 1: one speaker)'), terms.join(' | '));
    assert.ok(terms.includes('reuse'));
    assert.equal(
      await page.locator('#panel-refrains details.why').count(),
      await page.locator('#panel-refrains li.refrain').count(),
    );
    await context.close();
  });
});

describe('<refrain-compare view="groups">', () => {
  const quotes = UNGA78.map((id) => {
    const e = MANIFEST.statements[id];
    return `<blockquote data-id="${id.slice(0, 3)}" data-speaker="${e.speaker}" data-date="${e.date}" lang="en" data-src="../demo/${e.file}"></blockquote>`;
  }).join('\n');
  const PAGE = (attrs) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>groups</title>
<script type="module" src="../embed/define.js"></script></head><body>
<refrain-compare ${attrs} loading="eager" aria-label="Comparison">${quotes}</refrain-compare></body></html>`;

  it('renders the group comparison of its attributes; a batch of attribute changes makes one render', async () => {
    const { page, context, errors } = await openPage(env);
    const url = await fixture(
      page,
      env,
      'examples/__groups.html',
      PAGE('view="groups" views="reader groups" group-a="speaker=sergey  lavrov" group-b="rest"'),
    );
    await page.goto(url);
    await elementReady(page);
    await page.waitForFunction(() => document.querySelector('refrain-compare').contrastReport !== null, null, {
      timeout: 30_000,
    });
    await contrastReady(page, 'refrain-compare');
    const report = await page.$eval('refrain-compare', (el) => el.contrastReport);
    assert.deepEqual(report.a.ids, ['RUS']);
    assert.equal(report.b.ids.length, 7);
    assert.equal(report.a.label, 'sergey lavrov');
    checkPlot(
      await plotOf(page, 'refrain-compare'),
      report.families.map((f) => ({ root: f.family.root_norm, z: f.z })),
    );
    await page.screenshot({ path: join(OUTPUT, 'groups-element-view.png'), fullPage: true });
    const tabs = await page.$$eval('refrain-compare', ([el]) =>
      [...el.shadowRoot.querySelectorAll('[role="tab"]')].map((t) => [t.textContent, t.getAttribute('aria-selected')]),
    );
    assert.deepEqual(tabs, [
      ['Read', 'false'],
      ['Compare groups', 'true'],
    ]);
    // Both groups changed in one task: one render, one new comparison.
    const counted = await page.evaluate(async () => {
      const el = document.querySelector('refrain-compare');
      let renders = 0;
      let contrasts = 0;
      el.addEventListener('refrain-render', () => renders++);
      const done = new Promise((ok) =>
        el.addEventListener('refrain-contrast', (e) => {
          contrasts++;
          ok(e.detail.report);
        }),
      );
      el.groupA = 'id=CHN';
      el.setAttribute('group-b', 'id=USA; id=RUS');
      const r = await done;
      await new Promise((ok) => setTimeout(ok, 50));
      return { renders, contrasts, a: r.a.ids, b: r.b.ids };
    });
    assert.deepEqual(counted, { renders: 1, contrasts: 1, a: ['CHN'], b: ['RUS', 'USA'] });
    await contrastReady(page, 'refrain-compare');
    // A click on a point: the reader shows the family in a statement of each group, refrain-select says which.
    const picked = page.evaluate(
      () =>
        new Promise((ok) =>
          document
            .querySelector('refrain-compare')
            .addEventListener('refrain-select', (e) => ok(e.detail.family?.root_norm ?? null), {
              once: true,
            }),
        ),
    );
    const root = await page.$eval(
      'refrain-compare',
      (el) => el.shadowRoot.querySelector('.ct-pt[data-i="0"]').dataset.family,
    );
    await page.$eval('refrain-compare', (el) =>
      el.shadowRoot.querySelector('.ct-pt[data-i="0"]').dispatchEvent(new MouseEvent('click', { bubbles: true })),
    );
    assert.equal(await picked, root);
    await page.waitForFunction(() => document.querySelector('refrain-compare').view === 'reader');
    const cols = await page.$eval(
      'refrain-compare',
      (el) => el.shadowRoot.querySelectorAll('[part~="statement"]').length,
    );
    assert.equal(cols, 2);
    assert.deepEqual(errors, []);
    await page.screenshot({ path: join(OUTPUT, 'groups-element-reader.png'), fullPage: true });
    await context.close();
  });
});

describe('accessibility and screenshots', () => {
  for (const scheme of ['light', 'dark']) {
    for (const width of [1366, 360]) {
      it(`axe finds no violations in the view (${scheme}, ${width} px); nothing is wider than the screen`, async () => {
        const { page, context } = await openPage(env, {
          bypassCSP: true,
          colorScheme: scheme,
          viewport: { width, height: 900 },
        });
        await load(page, env.url);
        await loadSet(page, 'unga78', 8);
        await tab(page, 'groups');
        await contrastReady(page);
        await choose(page, 'a', 'country=Russia');
        await page.hover('#panel-groups .ct-pt[data-i="0"]', { force: true });
        await page.addScriptTag({ path: AXE });
        const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
        const found = result.violations.map(
          (v) =>
            `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
              .slice(0, 4)
              .map((n) => n.target.join(' '))
              .join('\n    ')}`,
        );
        assert.deepEqual(found, []);
        const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(over <= 0, `the page is ${over} px wider than the screen`);
        await page.screenshot({ path: join(OUTPUT, `groups-${width}-${scheme}.png`), fullPage: true });
        await context.close();
      });
    }
  }
});
