// The "Embed" snippets (embed/snippet.js) in headless Chromium: the element and iframe snippets
// for demo statements and for the user's own texts work when pasted into a page, user text is
// escaped, and mountEmbedButton's dialog shows, switches and copies the snippet.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, fixture, waitReady, shot } from './embed-helpers.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  if (env) await env.close();
});

const HOSTILE = 'Speaker "<img src=x onerror=alert(1)>" & co';
const USER = [
  {
    id: 'u-1',
    source: 'user',
    text: 'We must practise true multilateralism and build a community with a shared future for mankind.\n<script>alert("x")</script> Second paragraph & more.',
    title: 'First </blockquote><script>alert(2)</script>',
    speaker: HOSTILE,
    date: '2021-04-20',
    language: 'en',
  },
  {
    id: 'u-2',
    source: 'user',
    text: 'All countries should practise genuine multilateralism and build a community with a shared future for humankind.',
    title: null,
    speaker: 'B',
    date: '2022',
    language: 'en',
  },
];
const DEMO = [
  {
    id: 'CHN_76_2021',
    source: 'demo',
    demoId: 'CHN_76_2021',
    title: 'China at the 76th UN General Assembly',
    speaker: 'Xi Jinping',
    date: '2021',
    language: 'en',
  },
  {
    id: 'CHN_78_2023',
    source: 'demo',
    demoId: 'CHN_78_2023',
    title: 'China at the 78th UN General Assembly',
    speaker: 'Han Zheng',
    date: '2023',
    language: 'en',
  },
];

/** Makes a snippet in a page of the site (so the base URL is the site's). */
async function snippet(page, state) {
  await page.goto(`${env.url}embed/embed.html`);
  return page.evaluate(async (s) => {
    const { embedSnippet } = await import('./snippet.js');
    return embedSnippet({ baseUrl: new URL('../', location.href).href, ...s });
  }, state);
}

const pageWith = (
  body,
) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>pasted</title><link rel="icon" href="data:,"></head><body>
<article><h1>An article</h1>
${body}
</article></body></html>`;

test('the element snippet for demo statements: their texts inline, view and family; it works when pasted', async () => {
  const { page, errors, dialogs } = await openPage(env);
  const html = await snippet(page, {
    statements: DEMO,
    view: 'refrains',
    family: { id: 'f9', root: 'true multilateralism' },
    query: '',
    kind: 'element',
    folder: '../',
  });
  // The page that embeds it is in examples/: refrain's files are one folder up.
  assert.match(html, /<script type="module" src="\.\.\/embed\/define\.js"><\/script>/);
  assert.ok(!/https?:\/\//.test(html), 'no address of the site that made the snippet');
  assert.ok(!html.includes('data-src'), 'no file to fetch');
  assert.match(
    html,
    /<refrain-compare view="refrains" family="true multilateralism" aria-label="Shared phrasing: Xi Jinping \(2021\), Han Zheng \(2023\)">/,
  );
  assert.equal((html.match(/<blockquote data-title="China at the 7\dth UN General Assembly"/g) || []).length, 2);
  assert.match(html, /UN General Debate Corpus \(CC0\): Baturo, Dasandi & Mikhaylov 2017; Jankin, Baturo & Dasandi/);
  const url = await fixture(page, env, 'examples/__pasted.html', pageWith(html));
  await page.goto(url);
  await page.locator('refrain-compare').scrollIntoViewIfNeeded();
  await waitReady(page);
  const r = await page.$eval('refrain-compare', (el) => ({
    n: el.statements.length,
    view: el.view,
    len: el.statements[0].text.length,
    open: el.shadowRoot.querySelector('.fam-pick[aria-pressed="true"] .fam-root')?.textContent,
  }));
  assert.equal(r.n, 2);
  assert.equal(r.view, 'refrains');
  assert.ok(r.len > 5000, 'the whole statement was loaded');
  assert.match(r.open, /true multilateralism/);
  assert.deepEqual(errors, []);
  assert.deepEqual(dialogs, []);
});

test('the element snippet for the user’s own texts escapes them and renders them as text', async () => {
  const { page, errors, dialogs } = await openPage(env);
  const html = await snippet(page, {
    statements: USER,
    view: 'read',
    family: null,
    query: 'true multilateralism',
    kind: 'element',
    theme: 'dark',
    lang: 'fr',
    folder: '../',
  });
  assert.ok(!html.includes('<script>alert'), 'no live script from the texts');
  assert.ok(!html.includes('<img'), 'no live tag from the metadata');
  assert.match(html, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; Second paragraph &amp; more\./);
  assert.match(html, / query="true multilateralism" theme="dark" lang="fr"/);
  assert.equal((html.match(/<p>/g) || []).length, 3, 'one <p> per line of text');
  const url = await fixture(page, env, 'examples/__pasted.html', pageWith(html));
  await page.goto(url);
  await page.locator('refrain-compare').scrollIntoViewIfNeeded();
  await waitReady(page);
  await page.waitForFunction(() => document.querySelector('refrain-compare').queryReport);
  const got = await page.$eval('refrain-compare', (el) => el.statements);
  assert.equal(got[0].speaker, HOSTILE);
  assert.equal(got[0].title, USER[0].title);
  assert.equal(got[0].text, USER[0].text);
  assert.equal(got[0].date, '2021-04-20');
  assert.equal(await page.evaluate(() => document.querySelectorAll('script:not([src]), img').length), 0);
  assert.equal(await page.locator('refrain-compare [role="tab"]').first().textContent(), 'Lire');
  assert.deepEqual(errors, []);
  assert.deepEqual(dialogs, []);
});

test('the iframe snippet: demo statements in the query, the user’s texts in the fragment; both render', async () => {
  const { page, errors } = await openPage(env);
  const demo = await snippet(page, {
    statements: DEMO,
    view: 'overview',
    family: 'f1',
    query: 'universal security',
    kind: 'iframe',
  });
  assert.match(
    demo,
    /<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/embed\.html\?demo=CHN_76_2021%2CCHN_78_2023&amp;view=heatmap&amp;family=f1&amp;query=universal\+security" title="[^"]+" width="100%" height="640" loading="lazy"><\/iframe>/,
  );
  assert.match(demo, /<script type="module" src="[^"]+\/embed\/resize\.js"><\/script>/);
  const mine = await snippet(page, {
    statements: [...USER, DEMO[0]],
    view: 'refrains',
    family: null,
    query: '',
    kind: 'iframe',
  });
  assert.match(mine, /embed\.html\?view=refrains#s=[zj][A-Za-z0-9_-]+"/);
  assert.ok(!mine.includes('<script>alert'));
  const url = await fixture(
    page,
    env,
    'examples/__pasted.html',
    pageWith(`${demo}\n${mine}`.replace(/ loading="lazy"/g, '')),
  );
  await page.goto(url);
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('iframe')].every(
        (f) => f.contentDocument?.querySelector('refrain-compare')?.state === 'ready',
      ),
    null,
    { timeout: 30_000 },
  );
  const frames = await page.$$eval('iframe', (fs) =>
    fs.map((f) => {
      const el = f.contentDocument.querySelector('refrain-compare');
      return {
        view: el.view,
        ids: el.statements.map((s) => s.speaker),
        height: Number(f.getAttribute('height')),
        hits: el.queryReport ? el.queryReport.occurrences.length : 0,
      };
    }),
  );
  assert.equal(frames[0].view, 'heatmap');
  assert.deepEqual(frames[0].ids, ['Xi Jinping', 'Han Zheng']);
  assert.ok(frames[0].hits > 0);
  assert.equal(frames[1].view, 'refrains');
  assert.deepEqual(frames[1].ids, [HOSTILE, 'B', 'Xi Jinping']);
  await page.waitForFunction(() => [...document.querySelectorAll('iframe')].every((f) => f.dataset.refrainHeight));
  assert.deepEqual(errors, []);
});

test('statements too long for an address: the iframe snippet refuses, the element snippet works', async () => {
  const { page } = await openPage(env);
  await page.goto(`${env.url}embed/embed.html`);
  const r = await page.evaluate(async () => {
    const { embedSnippet } = await import('./snippet.js');
    let words = '';
    for (let i = 0; i < 30000; i++) words += `w${(i * 7919) % 100003} `;
    const statements = [
      { id: 'a', source: 'user', text: words },
      { id: 'b', source: 'user', text: words.split(' ').reverse().join(' ') },
    ];
    let code = null;
    try {
      await embedSnippet({ statements, kind: 'iframe', baseUrl: new URL('../', location.href).href });
    } catch (e) {
      code = e.code;
    }
    const el = await embedSnippet({ statements, kind: 'element', baseUrl: new URL('../', location.href).href });
    let none = null;
    try {
      await embedSnippet({ statements: [], kind: 'element', baseUrl: location.href });
    } catch (e) {
      none = e.code;
    }
    return { code, el: el.length, none };
  });
  assert.equal(r.code, 'too_long');
  assert.ok(r.el > 100_000);
  assert.equal(r.none, 'no_statements');
});

test('mountEmbedButton: a button that opens a dialog with the snippet, switches to the iframe, copies', async () => {
  const { page, context, errors } = await openPage(env);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url.replace(/\/$/, '') });
  await fixture(
    page,
    env,
    'examples/__mount.js',
    `import { mountEmbedButton } from '../embed/snippet.js';
const state = { statements: ${JSON.stringify(DEMO)}, view: 'read', family: null, query: '', baseUrl: new URL('../', location.href).href };
window.__embed = mountEmbedButton(document.getElementById('actions'), () => state);`,
    'text/javascript; charset=utf-8',
  );
  const url = await fixture(
    page,
    env,
    'examples/__mount.html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>mount</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="../css/refrain.css"><script type="module" src="__mount.js"></script></head>
<body><div id="actions" class="group"></div></body></html>`,
  );
  await page.goto(url);
  const button = page.locator('#actions button[data-refrain-embed]');
  assert.equal(await button.textContent(), 'Embed');
  await button.click();
  const dialog = page.locator('dialog.refrain-embed-dialog');
  assert.ok(await dialog.isVisible());
  const area = dialog.locator('textarea');
  await page.waitForFunction(() => document.querySelector('dialog textarea').value.length > 0);
  assert.match(await area.inputValue(), /<refrain-compare aria-label=/);
  assert.ok(await page.evaluate(() => document.activeElement.tagName === 'TEXTAREA'));
  await page.screenshot({ path: shot('embed-snippet-dialog.png') });
  await dialog.locator('input[value="iframe"]').check();
  await page.waitForFunction(() => document.querySelector('dialog textarea').value.startsWith('<!-- Statements'));
  assert.match(await area.inputValue(), /<iframe src="[^"]+embed\.html\?demo=CHN_76_2021%2CCHN_78_2023"/);
  await dialog.locator('button', { hasText: 'Copy' }).click();
  await page.waitForFunction(() =>
    /Copied|Selected/.test(document.querySelector('dialog [role="status"]').textContent),
  );
  const clip = await page.evaluate(() => navigator.clipboard.readText().catch(() => null));
  if (clip !== null) assert.equal(clip, await area.inputValue());
  await page.keyboard.press('Escape');
  assert.ok(!(await dialog.isVisible()));
  assert.ok(
    await page.evaluate(() => document.activeElement.hasAttribute('data-refrain-embed')),
    'focus returns to the button',
  );
  assert.deepEqual(errors, []);
});

test('the main page’s Embed button gives a snippet of its current view that renders', async () => {
  const { page, errors } = await openPage(env);
  await page.goto(env.url);
  await page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.state), null, {
    timeout: 30_000,
  });
  const button = page.locator('[data-refrain-embed]');
  assert.equal(await button.count(), 1, 'the page has an Embed button');
  if (!(await button.isVisible())) await page.locator('#actions > summary').click();
  await button.click();
  const area = page.locator('dialog.refrain-embed-dialog textarea');
  await page.waitForFunction(() => document.querySelector('dialog.refrain-embed-dialog textarea').value.length > 0);
  const element = await area.inputValue();
  assert.match(element, /<refrain-compare[\s>]/);
  await page.locator('dialog.refrain-embed-dialog input[value="iframe"]').check();
  await page.waitForFunction(() =>
    document.querySelector('dialog.refrain-embed-dialog textarea').value.includes('<iframe'),
  );
  const iframe = (await area.inputValue()).replace(/ loading="lazy"/, '');
  const n = (element.match(/<blockquote/g) || []).length;
  assert.match(element, /<script type="module" src="refrain\/embed\/define\.js"><\/script>/);
  // The page it goes into is in examples/: refrain's files are one folder up.
  await page.locator('dialog.refrain-embed-dialog input[value="element"]').check();
  await page.locator('dialog.refrain-embed-dialog input[type="text"]').fill('../');
  await page.waitForFunction(() =>
    document.querySelector('dialog.refrain-embed-dialog textarea').value.includes('src="../embed/define.js"'),
  );
  const pasted = await area.inputValue();
  assert.equal(
    pasted.replace('src="../embed/', 'src="refrain/embed/').replace(/folder \.\.\/ /, 'folder refrain/ '),
    element,
  );
  assert.ok(n >= 2);
  // Both snippets, pasted into a page, compare the same statements.
  const url = await fixture(page, env, 'examples/__pasted.html', pageWith(`${pasted}\n${iframe}`));
  await page.goto(url);
  await page.locator('refrain-compare').scrollIntoViewIfNeeded();
  await waitReady(page);
  await page.waitForFunction(
    () => document.querySelector('iframe').contentDocument?.querySelector('refrain-compare')?.state === 'ready',
    null,
    { timeout: 30_000 },
  );
  const counts = await page.evaluate(() => [
    document.querySelector('refrain-compare').statements.length,
    document.querySelector('iframe').contentDocument.querySelector('refrain-compare').statements.length,
  ]);
  assert.deepEqual(counts, [n, n]);
  assert.deepEqual(errors, []);
});
