// The classroom page (embed/classroom.html) in headless Chromium: the presenter steps through the
// refrains with the keys of a keyboard and of a presentation clicker, reveals the hidden words on
// a key press; the worksheet has a numbered blank for each hidden word and an answer key that
// restores the text; printing shows the worksheet only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, foreign, shot, widenGlyphs } from './embed-helpers.mjs';
import { waitReady } from './helpers.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  if (env) await env.close();
});

const FROM = 'embed/classroom.html?from=../examples/lesson.html%23lesson-set';

const state = (page) =>
  page.$eval('.rf-presenter', (b) => ({
    index: Number(b.dataset.index),
    revealed: b.dataset.revealed === 'true',
    family: b.dataset.family,
    part: Number(b.dataset.part),
    parts: Number(b.dataset.parts),
    count: b.querySelector('.rfp-count').textContent,
    blanks: b.querySelectorAll('.rf-blank').length,
    shown: b.querySelectorAll('.rf-blank.shown').length,
    words: [...b.querySelectorAll('.rf-blank')].map((x) => x.textContent),
  }));

test('the presenter steps through the refrains by keyboard and clicker keys and reveals the words', async () => {
  const { page, errors, requests } = await openPage(env, { viewport: { width: 1366, height: 768 } });
  await page.goto(env.url + FROM);
  await waitReady(page);
  assert.equal(await page.title(), 'Multilateralism at the UN General Assembly, 2020 to 2023 (classroom)');
  let s = await state(page);
  const n = Number(/of (\d+)/.exec(s.count)[1]);
  assert.ok(n >= 2, s.count);
  assert.equal(s.index, 0);
  assert.ok(s.blanks > 0 && s.shown === 0, 'the varying words start hidden');
  assert.ok(
    s.words.every((w) => w.trim() === ''),
    'hidden words are not in the page text',
  );
  await page.screenshot({ path: shot('embed-classroom-present.png') });
  // Keys work wherever the focus is on the page (the presenter's box has it at first).
  await page.keyboard.press(' ');
  s = await state(page);
  assert.ok(s.revealed && s.shown === s.blanks);
  assert.ok(s.words.every((w) => w.trim().length > 0));
  await page.screenshot({ path: shot('embed-classroom-revealed.png') });
  await page.keyboard.press('Enter');
  assert.equal((await state(page)).revealed, false, 'Enter hides them again');
  // Each key moves one step: the next group of speakers of the refrain, or the next refrain.
  const seen = [`${s.family}/${s.part}`];
  for (const key of ['ArrowRight', 'PageDown']) {
    await page.keyboard.press(key);
    const t = await state(page);
    seen.push(`${t.family}/${t.part}`);
    assert.equal(t.revealed, false, 'a new step starts hidden');
    assert.ok(
      t.family === s.family ? t.part === s.part + 1 : t.index === s.index + 1 && t.part === 0,
      `${JSON.stringify(s)} then ${JSON.stringify(t)}`,
    );
    s = t;
  }
  assert.equal(new Set(seen).size, seen.length, 'one step at a time, each different');
  await page.keyboard.press('.'); // a clicker's "blank screen" key
  assert.equal((await state(page)).revealed, s.blanks > 0, 'reveals when the step hides words');
  await page.keyboard.press('PageUp');
  assert.equal(`${(await state(page)).family}/${(await state(page)).part}`, seen[1]);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.deepEqual([(await state(page)).index, (await state(page)).part], [0, 0], 'stops at the first');
  await page.keyboard.press('End');
  s = await state(page);
  assert.deepEqual([s.index, s.part], [n - 1, s.parts - 1]);
  await page.keyboard.press('ArrowRight');
  assert.deepEqual([(await state(page)).index, (await state(page)).part], [n - 1, s.parts - 1], 'stops at the last');
  await page.keyboard.press('Home');
  // The buttons do the same.
  await page.click('.rfp-btn[data-action="next"]');
  assert.equal(`${(await state(page)).family}/${(await state(page)).part}`, seen[1]);
  await page.click('.rfp-btn[data-action="prev"]');
  await page.click('.rfp-btn[data-action="reveal"]');
  assert.equal((await state(page)).revealed, true);
  assert.equal(await page.getAttribute('.rfp-btn[data-action="reveal"]', 'aria-pressed'), 'true');
  // Large type and high contrast.
  const look = await page.$eval('.rfp-root', (e) => {
    const c = getComputedStyle(e);
    const box = getComputedStyle(e.closest('.rf-presenter'));
    return { size: parseFloat(c.fontSize), fg: c.color, bg: box.backgroundColor };
  });
  assert.ok(look.size >= 40, `root font ${look.size}px`);
  assert.equal(look.fg, 'rgb(255, 255, 255)');
  assert.equal(look.bg, 'rgb(0, 0, 0)');
  assert.deepEqual(foreign(requests, env.url), []);
  assert.deepEqual(errors, []);
});

test('the worksheet: a numbered blank for each hidden word, an answer key that restores the text, printing shows it alone', async () => {
  const { page, errors } = await openPage(env, { viewport: { width: 1000, height: 900 } });
  await page.goto(`${env.url}${FROM}&mode=worksheet`);
  await waitReady(page);
  assert.ok(await page.isVisible('.rf-worksheet'));
  assert.ok(!(await page.isVisible('.rf-presenter')));
  const ws = await page.evaluate(() => {
    const sheet = document.querySelector('.rf-worksheet');
    const blanks = [...sheet.querySelectorAll('.ws-statement .rf-blank')].map((b) => b.textContent);
    const key = [...sheet.querySelectorAll('.ws-key li')].map((li) => ({
      n: Number(li.getAttribute('value')),
      word: li.querySelector('strong').textContent,
    }));
    // Put the key's words back into the blanks: the paragraphs must equal the statements' text.
    const byN = new Map(key.map((k) => [k.n, k.word]));
    const restored = [...sheet.querySelectorAll('.ws-statement')].map((sec) => ({
      doc: sec.dataset.doc,
      paras: [...sec.querySelectorAll('.ws-text p')].map((p) =>
        [...p.childNodes]
          .map((c) =>
            c.nodeType === 3
              ? c.data
              : c.classList.contains('rf-blank')
                ? byN.get(Number(/\d+/.exec(c.textContent)[0]))
                : c.textContent,
          )
          .join(''),
      ),
    }));
    return {
      blanks,
      key,
      restored,
      refrains: sheet.querySelectorAll('.ws-refrains li').length,
      breakBefore: getComputedStyle(sheet.querySelector('.ws-key')).breakBefore,
    };
  });
  assert.ok(ws.refrains >= 2);
  assert.ok(ws.blanks.length >= 5, `${ws.blanks.length} blanks`);
  assert.deepEqual(
    ws.blanks,
    ws.key.map((k) => `(${k.n})`),
    'blanks numbered 1..n in reading order',
  );
  assert.deepEqual(
    ws.key.map((k) => k.n),
    ws.key.map((_, i) => i + 1),
  );
  assert.ok(
    ws.key.some((k) => /^(true|genuine)$/i.test(k.word)),
    ws.key.map((k) => k.word).join(),
  );
  const texts = await page.evaluate(async () => {
    const { readSources } = await import('./sources.js');
    const r = await readSources(location.href);
    return Object.fromEntries(r.statements.map((s) => [s.id, s.text.split('\n')]));
  });
  for (const { doc, paras } of ws.restored) assert.deepEqual(paras, texts[doc], `${doc}: the answers restore the text`);
  assert.equal(ws.breakBefore, 'page', 'the answer key starts a new page');
  await page.screenshot({ path: shot('embed-worksheet-screen.png'), fullPage: true });
  // Printing from either mode prints the worksheet, never the presenter or the page's bar.
  for (const mode of ['#worksheet', '#present']) {
    await page.evaluate((h) => {
      location.hash = h;
    }, mode);
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.isVisible('.rf-worksheet'), `print from ${mode}`);
    assert.ok(!(await page.isVisible('.rf-presenter')));
    assert.ok(!(await page.isVisible('.cr-bar')));
    await page.emulateMedia({ media: 'screen' });
  }
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: shot('embed-worksheet-print.png'), fullPage: true });
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10_000);
  assert.deepEqual(errors, []);
});

test('the classroom at 360 px and with demo statements from the URL', async () => {
  const { page } = await openPage(env, { viewport: { width: 360, height: 740 }, bypassCSP: true });
  await page.goto(`${env.url}embed/classroom.html?demo=LIE_78_2023,VCT_78_2023,VEN_78_2023,ZWE_75_2020&lang=fr`);
  await waitReady(page);
  const s = await state(page);
  assert.match(s.count, /^Refrain 1 sur \d+( · déclarations? 1( à \d+)? sur \d+)?$/);
  await widenGlyphs(page);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360));
  await page.screenshot({ path: shot('embed-classroom-360.png'), fullPage: true });
});
