// The iframe embed (embed/embed.html) in headless Chromium: statements and settings from the URL,
// the height messages to the parent and resize.js, links of the main page (#s=), refusals.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, fixture, waitReady, foreign, shot, widenGlyphs } from './embed-helpers.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  if (env) await env.close();
});

test('the iframe tells its parent its height and resize.js sets it, again when the content changes', async () => {
  const { page, errors, requests } = await openPage(env);
  await page.addInitScript(() => {
    window.__heights = [];
    window.addEventListener('message', (e) => {
      if (e.data && e.data.type === 'refrain-height') window.__heights.push(e.data);
    });
  });
  await page.goto(`${env.url}examples/iframe-article.html`);
  const frameEl = page.locator('#frame');
  const frame = page.frameLocator('#frame');
  await frame.locator('refrain-compare').waitFor();
  const child = page.frames().find((f) => f.url().includes('embed.html'));
  await waitReady(child);
  // The frame grows to its content; the content does not scroll inside it.
  await page.waitForFunction(() => {
    const f = document.getElementById('frame');
    const inner = f.contentDocument.documentElement.getBoundingClientRect().height;
    return f.dataset.refrainHeight && Math.abs(Number(f.getAttribute('height')) - Math.ceil(inner)) <= 1;
  });
  const h1 = Number(await frameEl.getAttribute('height'));
  assert.ok(h1 > 480, `height ${h1}`);
  const msgs = await page.evaluate(() => window.__heights);
  assert.ok(msgs.length >= 1);
  assert.equal(msgs.at(-1).id, 'chn');
  assert.equal(msgs.at(-1).height, h1);
  assert.equal(await child.evaluate(() => document.scrollingElement.scrollHeight <= window.innerHeight + 1), true);
  // The settings of the URL: demo statements, view, family (words), theme.
  const st = await child.$eval('refrain-compare', (el) => ({
    ids: el.statements.map((s) => s.id),
    theme: el.theme,
    family: el.family,
    view: el.view,
  }));
  assert.deepEqual(st.ids, ['CHN_76_2021', 'CHN_78_2023']);
  assert.equal(st.theme, 'light');
  assert.equal(st.family, 'true multilateralism', 'words in the attribute stay as they were given');
  assert.equal(st.view, 'reader');
  const root = await child.$eval('refrain-compare', (el) => {
    const sel = el.shadowRoot.querySelector('mark.hl-sel');
    return el.report.families.find((f) => f.id === sel.dataset.family).root;
  });
  assert.match(root, /true multilateralism/i);
  await page.screenshot({ path: shot('embed-iframe-article-1366.png'), fullPage: true });
  // A smaller view: the frame shrinks with it.
  await child.$eval('refrain-compare', (el) => {
    el.view = 'heatmap';
  });
  await page.waitForFunction((before) => Number(document.getElementById('frame').getAttribute('height')) < before, h1);
  const h2 = Number(await frameEl.getAttribute('height'));
  assert.ok(h2 < h1 && h2 >= 120, `${h2}`);
  assert.deepEqual(foreign(requests, env.url), []);
  assert.deepEqual(errors, []);
});

test('resize.js obeys only its own frames, from their origin', async () => {
  const { page } = await openPage(env);
  await page.goto(`${env.url}examples/iframe-article.html`);
  await page.waitForFunction(
    () => document.getElementById('frame').contentDocument?.querySelector('refrain-compare')?.state === 'ready',
  );
  await page.waitForFunction(() => {
    const f = document.getElementById('frame');
    return (
      Math.abs(
        Number(f.getAttribute('height')) - Math.ceil(f.contentDocument.documentElement.getBoundingClientRect().height),
      ) <= 1
    );
  });
  const before = await page.getAttribute('#frame', 'height');
  // A message from the page itself (not a frame) changes nothing. To know it was handled, post a
  // harmless second message and wait for it: messages arrive in order, so when the page's own
  // listener sees the second, resize.js (listening since before) has handled the first.
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        window.addEventListener('message', function seen(e) {
          if (e.data && e.data.type === 'probe') {
            window.removeEventListener('message', seen);
            resolve();
          }
        });
        window.postMessage({ type: 'refrain-height', height: 99999 }, '*');
        window.postMessage({ type: 'probe' }, '*');
      }),
  );
  assert.equal(await page.getAttribute('#frame', 'height'), before);
});

test('embed.html takes the statements of a main-page link (#s=, texts included) and its settings', async () => {
  const { page, errors } = await openPage(env);
  await page.goto(`${env.url}embed/embed.html`);
  const link = await page.evaluate(async () => {
    const { pack } = await import('../js/share.js');
    const view = {
      v: 1,
      set: null,
      cols: [],
      tab: 'refrains',
      fam: null,
      q: '',
      opt: {},
      st: [
        {
          t: 'We must practise true multilateralism and build a community with a shared future for mankind. <script>alert(1)</script>',
          ti: 'A & B',
          sp: 'Speaker <A>',
          da: '2021',
        },
        {
          t: 'All countries should practise genuine multilateralism and build a community with a shared future for humankind.',
          ti: null,
          sp: 'Speaker "B"',
          da: '2022',
        },
        { d: 'LIE_78_2023' },
      ],
    };
    return `embed.html?lang=fr#s=${await pack(view)}`;
  });
  await page.goto(`${env.url}embed/${link}`);
  await waitReady(page);
  const r = await page.$eval('refrain-compare', (el) => ({
    view: el.view,
    n: el.statements.length,
    speakers: el.statements.map((s) => s.speaker),
    tabs: [...el.shadowRoot.querySelectorAll('[role="tab"]')].map((t) => t.textContent),
    scripts: el.shadowRoot.querySelectorAll('script').length,
    credit: document.getElementById('attribution').textContent,
  }));
  assert.equal(r.view, 'refrains');
  assert.equal(r.n, 3);
  assert.deepEqual(r.speakers, ['Speaker <A>', 'Speaker "B"', 'Dominique Hasler']);
  assert.equal(r.tabs[0], 'Lire');
  assert.equal(r.scripts, 0);
  assert.match(r.credit, /UN General Debate Corpus/);
  await page.$eval('refrain-compare', (el) => {
    el.view = 'reader';
  });
  assert.ok(
    (await page.locator('refrain-compare [part~="text"]').first().textContent()).includes('<script>alert(1)</script>'),
    'the text shows as text',
  );
  assert.deepEqual(errors, []);
});

test('embed.html reads the blockquotes of a same-origin page (?from=) and refuses other origins', async () => {
  const { page } = await openPage(env);
  await page.goto(`${env.url}embed/embed.html?from=../examples/lesson.html%23lesson-set&view=refrains`);
  await waitReady(page);
  const ids = await page.$eval('refrain-compare', (el) => el.statements.map((s) => s.id));
  assert.deepEqual(ids, [
    'CHN_76_2021',
    'CHN_77_2022',
    'CHN_78_2023',
    'LIE_78_2023',
    'VCT_78_2023',
    'VEN_78_2023',
    'ZWE_75_2020',
  ]);
  assert.equal(await page.title(), 'Multilateralism at the UN General Assembly, 2020 to 2023 (refrain)');

  const { page: p2, requests } = await openPage(env);
  await p2.goto(`${env.url}embed/embed.html?src=https://example.org/a.txt`);
  await p2.waitForFunction(() => document.getElementById('attribution').textContent.length > 0);
  assert.match(
    await p2.textContent('#attribution'),
    /could not be loaded: https:\/\/example\.org\/a\.txt is not on this site/,
  );
  assert.deepEqual(foreign(requests, env.url), []);
});

test('the iframe at 360 px: no horizontal overflow; screenshot', async () => {
  const { page } = await openPage(env, { viewport: { width: 360, height: 800 }, bypassCSP: true });
  await page.goto(`${env.url}examples/iframe-article.html`);
  await page.locator('#frame').scrollIntoViewIfNeeded();
  await page.waitForFunction(
    () =>
      document.getElementById('frame').dataset.refrainHeight &&
      document.getElementById('frame').contentDocument.querySelector('refrain-compare').state === 'ready',
  );
  const child = page.frames().find((f) => f.url().includes('embed.html'));
  // Whatever the fonts: glyphs wider than any font draws them must still fit, in the page and the frame.
  await widenGlyphs(page);
  await widenGlyphs(child);
  assert.ok(await child.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360));
  await page.locator('#frame').screenshot({ path: shot('embed-iframe-360.png') });
});

test('a parent without resize.js can still ask the frame for its height', async () => {
  const { page } = await openPage(env);
  const url = await fixture(
    page,
    env,
    'examples/__frame.html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>f</title><link rel="icon" href="data:,"></head><body>
<iframe id="f" src="../embed/embed.html?demo=LIE_78_2023,VCT_78_2023&amp;view=heatmap" title="t" width="100%" height="300"></iframe></body></html>`,
  );
  await page.goto(url);
  const child = await (await page.$('#f')).contentFrame();
  await waitReady(child);
  const h = await page.evaluate(
    () =>
      new Promise((resolve) => {
        window.addEventListener('message', (e) => {
          if (e.data && e.data.type === 'refrain-height') resolve(e.data.height);
        });
        document.getElementById('f').contentWindow.postMessage({ type: 'refrain-height-request' }, location.origin);
      }),
  );
  assert.ok(h > 100, `${h}`);
  assert.equal(await page.getAttribute('#f', 'height'), '300', 'no script on the parent: the height stays');
});
