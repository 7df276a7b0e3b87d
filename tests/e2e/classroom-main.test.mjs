// The classroom from the main page, as a teacher uses it: their own statements (dropped with their
// sidecars, not the demo), "Present this set", every step of every slide inside a 1280 x 720
// projector (with glyphs wider than any font draws them), the blanks question only where something
// is blank, and a worksheet that never prints an answer beside its blank.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { OUTPUT, foreign, load, openPage, setUp, tab, waitCompared, waitReady, widenGlyphs } from './helpers.mjs';
import { TEACHER_SET, UNIFORM_SET, teacherFiles } from './classroom-set.mjs';
import { labelsFor } from '../../www/js/labels.js';

const L = labelsFor('en');
const shot = (name) => join(OUTPUT, name);
const SPEAKERS = TEACHER_SET.map((s) => s.speaker);

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  if (env) await env.close();
});

/** The main page with the teacher's seven statements instead of the demo. */
async function teacherPage(options, set = TEACHER_SET) {
  const opened = await openPage(env, { bypassCSP: true, ...options });
  const { page } = opened;
  await load(page, env.url);
  await tab(page, 'statements');
  await page.click('#panel-statements .bulk button:has-text("All")');
  await page.click('#panel-statements button:has-text("Remove the selected")');
  await page.waitForFunction(() => /^No statements yet/.test(document.getElementById('status').textContent));
  await page.setInputFiles('#panel-statements-files', teacherFiles(set));
  await waitCompared(page, set.length);
  return opened;
}

/** Clicks `selector` on the main page and returns the classroom tab it opens, ready. */
async function openFrom(page, context, selector) {
  const [tabOpened] = await Promise.all([context.waitForEvent('page'), page.click(selector)]);
  await waitReady(tabOpened);
  return tabOpened;
}

/** Resolves after the deck has measured again what the last change did to its layout. */
const settled = (page) =>
  page.evaluate(
    () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(ok)))),
  );

/** What the step shown holds and where it lies, in the viewport's pixels. */
const stepOf = (page, deck = '.rf-presenter') =>
  page.$eval(deck, (box) => {
    const r = (el) => {
      const b = el.getBoundingClientRect();
      return { top: b.top, left: b.left, bottom: b.bottom, right: b.right };
    };
    const stage = box.querySelector('.rfp-stage');
    return {
      slide: box.dataset.slide,
      kind: box.dataset.kind ?? null,
      title: stage.querySelector('.rfp-root')?.textContent ?? null,
      items: [...stage.querySelectorAll('.rfp-list > li')].map((li) => ({
        group: li.dataset.group ?? null,
        text: li.textContent,
      })),
      index: Number(box.dataset.index),
      part: Number(box.dataset.part),
      parts: Number(box.dataset.parts),
      revealed: box.dataset.revealed === 'true',
      count: box.querySelector('.rfp-count').textContent,
      guess: stage.querySelector('.rfp-guess')?.textContent ?? null,
      blanks: stage.querySelectorAll('.rf-blank').length,
      also: stage.querySelector('.rfp-also')?.textContent ?? null,
      speakers: [...stage.querySelectorAll('.rfp-who')].map((w) => w.textContent),
      revealDisabled: box.querySelector('[data-action="reveal"]')?.disabled ?? null,
      nextDisabled: box.querySelector('[data-action="next"]').disabled,
      viewport: { width: innerWidth, height: innerHeight },
      box: r(box),
      stage: { ...r(stage), overflow: stage.scrollHeight - stage.clientHeight },
      parts_: [...box.querySelectorAll('.rfp-top, .rfp-keys, .rfp-btn, .rfp-stage > *, .rfp-list > li')]
        .filter((el) => el.getClientRects().length) // not those a narrow box leaves out
        .map((el) => ({
          what: el.className || el.tagName,
          inStage: stage.contains(el),
          ...r(el),
        })),
    };
  });

/** Asserts that step `s` fits: the box inside the viewport, everything inside the box, the stage's content inside the stage. */
function assertFits(s, where) {
  const { width, height } = s.viewport;
  const eps = 0.5;
  assert.ok(
    s.box.top >= -eps && s.box.left >= -eps && s.box.bottom <= height + eps && s.box.right <= width + eps,
    `${where}: the slide ${JSON.stringify(s.box)} is not inside the ${width} x ${height} viewport`,
  );
  assert.ok(s.stage.overflow <= 1, `${where}: the slide's content overflows by ${s.stage.overflow}px`);
  for (const p of s.parts_) {
    const inside = p.inStage ? s.stage : s.box;
    assert.ok(
      p.top >= inside.top - eps &&
        p.bottom <= inside.bottom + eps &&
        p.left >= inside.left - eps &&
        p.right <= inside.right + eps,
      `${where}: ${p.what} ${JSON.stringify(p)} is outside ${JSON.stringify(inside)}`,
    );
  }
}

test('a teacher presents their own set from the main page: every step fits 1280 x 720, blanks asked only where there are some', async () => {
  const { page, context, requests, errors } = await teacherPage({ viewport: { width: 1280, height: 720 } });
  // The main page offers the classroom: this set, its worksheet, and a lesson page.
  assert.match(await page.getAttribute('#present-set', 'href'), /^embed\/classroom\.html\?ws=/);
  assert.match(await page.getAttribute('#worksheet-set', 'href'), /^embed\/classroom\.html\?ws=.*mode=worksheet/);
  assert.equal(await page.getAttribute('#lessons', 'href'), 'examples/lesson.html');
  await page.screenshot({ path: shot('classroom-main-page-1280.png') });

  const cr = await openFrom(page, context, '#present-set');
  cr.on('pageerror', (e) => errors.push(e.message));
  assert.equal(await cr.evaluate(() => `${innerWidth}x${innerHeight}`), '1280x720');
  assertFits(await stepOf(cr), 'the first step, in the fonts installed');
  await cr.screenshot({ path: shot('classroom-main-present-1280.png') });
  // From here on, glyphs wider than any font draws them: the steps must still fit.
  await widenGlyphs(cr);
  await settled(cr);

  const seen = new Map(); // slide -> speakers shown over its steps
  let split = false;
  let steps = 0;
  let unblanked = 0;
  for (;;) {
    let s = await stepOf(cr);
    const where = `step ${steps + 1} (${s.count})`;
    assertFits(s, where);
    if (!seen.has(s.slide)) seen.set(s.slide, []);
    seen.get(s.slide).push(...s.speakers);
    if (s.parts > 1) split = true;
    assert.ok(s.speakers.length >= 1, `${where}: no speaker`);
    for (const who of s.speakers)
      assert.ok(
        SPEAKERS.some((x) => who.startsWith(x)),
        `${where}: “${who}” is not one of the teacher's speakers`,
      );
    if (s.blanks) assert.equal(s.guess, L.guess, `${where}: blanks, so the class is asked to fill them`);
    else {
      unblanked++;
      assert.notEqual(s.guess, L.guess, `${where}: nothing is blank, yet the class is asked to fill blanks`);
      assert.ok(s.revealDisabled, `${where}: nothing to reveal`);
    }
    if (steps === 0) await cr.screenshot({ path: shot('classroom-main-present-1280-wide-glyphs.png') });
    if (s.blanks) {
      await cr.keyboard.press(' ');
      s = await stepOf(cr);
      assert.ok(s.revealed, `${where}: Space reveals`);
      assert.ok(s.also?.startsWith(L.wordsUsed), `${where}: the words used show when revealed`);
      assertFits(s, `${where}, revealed`);
      if (steps === 0) await cr.screenshot({ path: shot('classroom-main-revealed-1280.png') });
    }
    steps++;
    if (s.nextDisabled) break;
    assert.ok(steps < 200, 'the deck ends');
    await cr.keyboard.press('ArrowRight');
  }
  assert.ok(split, 'a refrain of seven speakers is split across steps at 1280 x 720');
  // Each slide shows every speaker of its refrain, once, over its steps.
  const first = [...seen.values()][0];
  assert.equal(first.length, 7, `the first refrain's speakers: ${first.join(' | ')}`);
  assert.equal(new Set(first.map((w) => SPEAKERS.find((x) => w.startsWith(x)))).size, 7);
  for (const [slide, who] of seen) assert.equal(new Set(who).size, who.length, `slide ${slide} repeats a speaker`);
  assert.ok(steps > seen.size, `${steps} steps for ${seen.size} slides`);
  console.log(`# ${seen.size} slides in ${steps} steps at 1280 x 720 (${unblanked} with nothing blank)`);
  assert.deepEqual(foreign(requests, env.url), []);
  assert.deepEqual(errors, []);
});

/** The worksheet's blanks, each with its answer and the printed text around it (blanks as "(n)"). */
const worksheetBlanks = (page, near) =>
  page.evaluate((near) => {
    const sheet = document.querySelector('.rf-worksheet');
    const key = new Map(
      [...sheet.querySelectorAll('.ws-key li')].map((li) => [
        li.getAttribute('value'),
        li.querySelector('strong').textContent,
      ]),
    );
    const out = [];
    for (const p of sheet.querySelectorAll('.ws-text p')) {
      let printed = '';
      const at = [];
      for (const c of p.childNodes) {
        if (c.nodeType === 1 && c.classList.contains('rf-blank')) {
          at.push({ n: /\d+/.exec(c.textContent)[0], start: printed.length, shown: c.textContent });
          printed += c.textContent;
          at.at(-1).end = printed.length;
        } else printed += c.textContent;
      }
      for (const b of at)
        out.push({
          n: b.n,
          shown: b.shown,
          answer: key.get(b.n),
          before: printed.slice(Math.max(0, b.start - near), b.start),
          after: printed.slice(b.end, b.end + near),
        });
    }
    return out;
  }, near);

const asWord = (w) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu');

test("the set's worksheet, printed: no answer in clear beside its blank, the key on a page of its own", async () => {
  const { page, context, errors } = await teacherPage({ viewport: { width: 1280, height: 720 } });
  const ws = await openFrom(page, context, '#worksheet-set');
  ws.on('pageerror', (e) => errors.push(e.message));
  await ws.emulateMedia({ media: 'print' });
  assert.ok(await ws.isVisible('.rf-worksheet'));
  assert.ok(!(await ws.isVisible('.rf-presenter')));
  const blanks = await worksheetBlanks(ws, 80);
  assert.ok(blanks.length >= 5, `${blanks.length} blanks`);
  for (const b of blanks) {
    assert.equal(b.shown, `(${b.n})`, 'a blank shows its number only');
    assert.ok(b.answer?.trim(), `blank ${b.n} has an answer in the key`);
    assert.ok(
      !asWord(b.answer).test(b.before) && !asWord(b.answer).test(b.after),
      `blank ${b.n} (“${b.answer}”) is printed beside its answer: …${b.before}[${b.shown}]${b.after}…`,
    );
  }
  // The answers the class must find: the words the speakers chose for the formula.
  const answers = new Set(blanks.map((b) => b.answer.toLowerCase()));
  for (const w of ['true', 'genuine', 'real']) assert.ok(answers.has(w), `“${w}” is one of the blanks`);
  // Dunmore says "effective" twice in one sentence: that blank is left out, not printed beside its answer.
  const dunmore = await ws.evaluate(
    () =>
      [...document.querySelectorAll('.ws-statement')]
        .find((s) => s.querySelector('h3').textContent.includes('Dunmore'))
        ?.querySelector('.ws-text').textContent,
  );
  assert.match(dunmore, /uphold effective multilateralism .* an effective Organization/);
  assert.equal(
    await ws.$eval('.ws-key', (k) => getComputedStyle(k).breakBefore),
    'page',
    'the answer key starts a new page',
  );
  await ws.screenshot({ path: shot('classroom-main-worksheet-print.png'), fullPage: true });
  const pdf = await ws.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10_000);
  assert.deepEqual(errors, []);
});

test('Present this set at 360 and 1366 px', async () => {
  for (const [width, height] of [
    [360, 740],
    [1366, 768],
  ]) {
    const { page, context, errors } = await teacherPage({ viewport: { width, height } });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: shot(`classroom-main-page-${width}.png`) });
    // On a phone the link stands in the header too, without scrolling sideways.
    assert.ok(await page.isVisible('#present-set'));
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth));
    const cr = await openFrom(page, context, '#present-set');
    await widenGlyphs(cr);
    await settled(cr);
    const s = await stepOf(cr);
    assertFits(s, `${width} px`);
    assert.ok(await cr.evaluate(() => document.documentElement.scrollWidth <= innerWidth));
    await cr.screenshot({ path: shot(`classroom-main-present-${width}.png`) });
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('a set in which no refrain varies: its slides show the refrains and never ask to fill blanks', async () => {
  const { page, context, errors } = await teacherPage({ viewport: { width: 1280, height: 720 } }, UNIFORM_SET);
  const cr = await openFrom(page, context, '#present-set');
  await widenGlyphs(cr);
  await settled(cr);
  let steps = 0;
  const roots = new Set();
  for (;;) {
    const s = await stepOf(cr);
    assertFits(s, `step ${steps + 1}`);
    roots.add(s.slide);
    assert.equal(s.blanks, 0);
    assert.equal(s.guess, L.sameWords, `step ${steps + 1}: nothing is blank, yet the class is asked to fill blanks`);
    assert.ok(s.revealDisabled);
    await cr.keyboard.press(' ');
    assert.equal((await stepOf(cr)).also, null, 'nothing to reveal');
    steps++;
    if (s.nextDisabled) break;
    assert.ok(steps < 200, 'the deck ends');
    await cr.keyboard.press('ArrowRight');
  }
  assert.ok(roots.size >= 2, `${roots.size} refrains`);
  await cr.screenshot({ path: shot('classroom-main-uniform-1280.png') });
  assert.deepEqual(errors, []);
});

test('the comparison of two groups as slides: North against South, every step inside 1280 x 720, by keyboard', async () => {
  const { page, context, errors, requests } = await teacherPage({ viewport: { width: 1280, height: 720 } });
  assert.match(await page.getAttribute('#present-groups', 'href'), /^embed\/classroom\.html\?ws=.*mode=groups/);
  const cr = await openFrom(page, context, '#present-groups');
  cr.on('pageerror', (e) => errors.push(e.message));
  const deck = '#groups .rf-presenter';
  const groupsReady = () =>
    cr.waitForFunction(() => ['ready', 'error'].includes(document.getElementById('groups').dataset.state));
  await groupsReady();
  assert.equal(await cr.getAttribute('#groups', 'data-state'), 'ready', await cr.textContent('#groups-status'));
  assert.ok(await cr.isVisible(deck));
  assert.ok(!(await cr.isVisible('#stage .rf-presenter')), 'one deck at a time');
  // The groups the page offers first: the two typed groups.
  assert.equal(await cr.$eval('#group-a', (s) => s.value), 'group=North');
  assert.equal(await cr.$eval('#group-b', (s) => s.value), 'group=South');
  assert.equal(await cr.getAttribute('#mode-groups', 'aria-current'), 'page');
  await cr.screenshot({ path: shot('classroom-groups-1280.png') });
  await widenGlyphs(cr);
  await settled(cr);

  // Step through by keyboard, as a clicker would.
  const steps = [];
  for (;;) {
    const s = await stepOf(cr, deck);
    assertFits(s, `step ${steps.length + 1} (${s.count})`);
    assert.equal(s.revealDisabled, null, 'nothing is hidden: no reveal button');
    steps.push(s);
    if (s.nextDisabled) break;
    assert.ok(steps.length < 100, 'the deck ends');
    await cr.keyboard.press(steps.length % 2 ? 'ArrowRight' : 'PageDown');
  }
  const slides = [...new Map(steps.map((s) => [s.slide, s])).values()];
  assert.equal(slides[0].slide, 'signature-a');
  assert.equal(slides[1].slide, 'signature-b');
  assert.match(slides[0].title, /North/);
  assert.match(slides[1].title, /South/);
  const said = (slide) =>
    steps
      .filter((s) => s.slide === slide)
      .flatMap((s) => s.items.map((i) => i.text))
      .join(' | ');
  assert.match(said('signature-a'), /rules-based international order/);
  assert.doesNotMatch(said('signature-a'), /shared future/);
  assert.match(said('signature-b'), /shared future for mankind/);
  assert.doesNotMatch(said('signature-b'), /rules-based/);
  // Then each distinctive formula, with both groups' wordings.
  const formulas = slides.filter((s) => s.kind === 'formula');
  assert.ok(formulas.length >= 2, `${formulas.length} formula slides`);
  for (const f of formulas) {
    const items = steps.filter((s) => s.slide === f.slide).flatMap((s) => s.items);
    assert.deepEqual(
      items.map((i) => i.group),
      ['North', 'South'],
      `${f.title}: both groups`,
    );
  }
  const rules = formulas.find((f) => /rules-based international order/i.test(f.title));
  assert.ok(rules, formulas.map((f) => f.title).join(' | '));
  const rulesItems = steps.filter((s) => s.slide === rules.slide).flatMap((s) => s.items);
  assert.match(rulesItems[0].text, /rules-based international order/i);
  assert.match(rulesItems[1].text, /South does not use it/);
  // The keys go back, to the first and to the last step; the buttons do the same.
  await cr.keyboard.press('ArrowLeft');
  assert.equal((await stepOf(cr, deck)).slide, steps.at(-2).slide);
  await cr.keyboard.press('Home');
  assert.deepEqual([(await stepOf(cr, deck)).index, (await stepOf(cr, deck)).part], [0, 0]);
  await cr.keyboard.press('End');
  assert.equal((await stepOf(cr, deck)).slide, steps.at(-1).slide);
  await cr.click(`${deck} [data-action="prev"]`);
  assert.equal((await stepOf(cr, deck)).slide, steps.at(-2).slide);

  // Another choice of groups: the slides follow.
  await cr.selectOption('#group-b', 'rest');
  await groupsReady();
  await cr.waitForFunction(() =>
    /the rest/.test(document.querySelector('#groups .rfp-count')?.closest('.rf-presenter')?.getAttribute('aria-label')),
  );
  await cr.keyboard.press('End');
  await cr.keyboard.press('Home');
  const s = await stepOf(cr, deck);
  assert.match(s.title, /North/);
  assertFits(s, 'North against the rest');
  assert.deepEqual(foreign(requests, env.url), []);
  assert.deepEqual(errors, []);
});

test('the comparison of two groups at 360 and 1366 px', async () => {
  for (const [width, height] of [
    [360, 740],
    [1366, 768],
  ]) {
    const { page, context, errors } = await teacherPage({ viewport: { width, height } });
    const cr = await openFrom(page, context, '#present-groups');
    await cr.waitForFunction(() => document.getElementById('groups').dataset.state === 'ready');
    await widenGlyphs(cr);
    await settled(cr);
    assertFits(await stepOf(cr, '#groups .rf-presenter'), `${width} px`);
    assert.ok(await cr.evaluate(() => document.documentElement.scrollWidth <= innerWidth));
    await cr.keyboard.press('End');
    assertFits(await stepOf(cr, '#groups .rf-presenter'), `${width} px, the last step`);
    await cr.screenshot({ path: shot(`classroom-groups-${width}.png`) });
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('a shared link shown unsaved is presented too: its statements travel in the address, not in storage', async () => {
  const { page, context, errors } = await teacherPage({ viewport: { width: 1280, height: 720 } });
  await page.click('#share-link');
  // The link is written once its statements are compressed (asynchronously).
  await page.waitForFunction(() => document.getElementById('share-url').value.includes('#s='));
  const link = await page.inputValue('#share-url');
  assert.match(link, /#s=/);
  await context.close();
  // Another browser profile: nothing stored, the link shown as it is.
  const other = await openPage(env, { viewport: { width: 1280, height: 720 } });
  await other.page.goto(link);
  await other.page.waitForFunction(() => document.documentElement.dataset.state === 'ready', null, {
    timeout: 30_000,
  });
  assert.match(await other.page.getAttribute('#present-set', 'href'), /^embed\/classroom\.html#s=/);
  const cr = await openFrom(other.page, other.context, '#present-set');
  const speakers = new Set();
  for (;;) {
    const s = await stepOf(cr);
    for (const w of s.speakers) speakers.add(SPEAKERS.find((x) => w.startsWith(x)));
    if (s.nextDisabled) break;
    await cr.keyboard.press('ArrowRight');
  }
  assert.deepEqual([...speakers].sort(), [...SPEAKERS].sort());
  assert.deepEqual([...errors, ...other.errors], []);
});
