// Chinese reads as Chinese (issue 14, part 5): the wordings of a refrain are drawn from the
// statement's own text, with its punctuation and no space between Chinese words, in the main
// page's refrains and in the element; and family.js's renderDiff on a table of cases.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUTPUT, ROOT, downloadOf, load, openPage, setUp, tab, waitCompared } from './helpers.mjs';

const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'official', 'zh');
// Xi Jinping's speeches of autumn 2020 (two of them also in Xinhua's edition, with a dateline).
const NAMES = [
  'xi_2020-09-04_ciftis_trade_in_services_zh',
  'xi_2020-09-22_unga75_general_debate_zh',
  'xi_2020-11-04_ciie3_opening_zh',
  'xi_2020-11-10_sco20_heads_of_state_zh',
  'xi_2020-11-10_sco20_heads_of_state_zh_xinhua',
  'xi_2020-11-17_brics12_summit_zh',
  'xi_2020-11-19_apec_ceo_dialogue_zh',
  'xi_2020-11-19_apec_ceo_dialogue_zh_xinhua',
  'xi_2020-11-20_apec27_leaders_zh',
  'xi_2020-11-21_g20_15_session1_zh',
];
const HAN = '\\p{Script=Han}';
const SPACED_HAN = new RegExp(`${HAN}\\s+${HAN}`, 'u');

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  if (env) await env.close();
});

/** Each variant's text as shown (the reference's words left out) and its occurrence's excerpt. */
async function variantsShown(page, scope) {
  return page.$$eval(`${scope} li.variant .diff`, (diffs) =>
    diffs.map((d) => {
      const c = d.cloneNode(true);
      for (const del of c.querySelectorAll('del')) del.remove();
      return { shown: c.textContent, all: d.textContent };
    }),
  );
}

test('the refrains of Chinese statements show their wordings as written', async () => {
  const { page, context, errors } = await openPage(env);
  await load(page, env.url);
  await tab(page, 'statements');
  await page.click('#panel-statements .bulk button:has-text("All")');
  await page.click('#panel-statements button:has-text("Remove the selected")');
  await page.waitForFunction(() => /^No statements yet/.test(document.getElementById('status').textContent));
  await page.setInputFiles(
    '#panel-statements-files',
    NAMES.flatMap((n) => [
      { name: `${n}.txt`, mimeType: 'text/plain', buffer: readFileSync(join(CORPUS, `${n}.txt`)) },
      { name: `${n}.json`, mimeType: 'application/json', buffer: readFileSync(join(CORPUS, `${n}.json`)) },
    ]),
  );
  await waitCompared(page, NAMES.length);
  const report = JSON.parse((await downloadOf(page, '#export-json')).text);
  await tab(page, 'refrains');
  await page.waitForSelector('#panel-refrains li.variant');
  // Every wording listed: the occurrence's text exactly (punctuation kept), no space between Han.
  const cards = await page.$$eval('#panel-refrains li.refrain', (lis) => lis.map((li) => li.dataset.family));
  assert.ok(cards.length >= 10, `only ${cards.length} refrains`);
  let chinese = 0;
  let punctuated = 0;
  for (const id of cards) {
    const fam = report.families.find((f) => f.id === id);
    const shown = await variantsShown(page, `#panel-refrains li.refrain[data-family="${id}"]`);
    const texts = new Set(fam.occurrences.map((o) => o.text));
    for (const v of shown) {
      assert.ok(!SPACED_HAN.test(v.all), `${id}: “${v.all}” spaces Chinese apart`);
      assert.ok(texts.has(v.shown), `${id}: “${v.shown}” is not the text of one of its occurrences`);
      if (/\p{Script=Han}/u.test(v.shown)) chinese++;
      if (/[，、；：“”《》（）]/u.test(v.shown)) punctuated++;
    }
  }
  assert.ok(chinese >= 10, `only ${chinese} Chinese wordings`);
  assert.ok(punctuated >= 1, 'no wording with Chinese punctuation was shown');
  // Datelines are not refrains: marked as boilerplate, after every refrain, not among the first 50.
  const credits = report.families.filter((f) => /a dateline, byline or salutation/.test(f.why.summary)).length;
  let datelines = 0;
  report.families.forEach((f, i) => {
    if (!/新华社|日电/.test(f.root)) return;
    datelines++;
    assert.ok(f.why.boilerplate, `${f.id} “${f.root}” is not boilerplate`);
    assert.ok(i >= 50 && i >= report.families.length - credits, `the dateline “${f.root}” ranks ${i + 1}`);
  });
  assert.ok(datelines >= 1, 'the Xinhua datelines make a family (else this test shows nothing)');
  await page.screenshot({ path: join(OUTPUT, 'chinese-refrains-1366.png') });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.locator('#panel-refrains li.variant').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(OUTPUT, 'chinese-refrains-360.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('renderDiff: the excerpt’s own text between the words; spaces only where the script has them', async () => {
  const { page, context, errors } = await openPage(env);
  await page.goto(`${env.url}index.html`);
  const rows = await page.evaluate(async () => {
    const { renderDiff } = await import('./js/family.js');
    const { labelsFor } = await import('./js/labels.js');
    const L = labelsFor('en');
    // An occurrence at UTF-16 offset 100 of its statement; its words' offsets are the statement's.
    const at = (text, words, ops = {}) => {
      const diff = [];
      let from = 0;
      for (const w of words) {
        if (w.startsWith('-')) {
          diff.push({ op: 'delete', reference: w.slice(1) });
          continue;
        }
        const i = text.indexOf(w, from);
        from = i + w.length;
        diff.push({
          op: ops[w] || 'equal',
          text: w,
          reference: ops[w] ? `${w}′` : w,
          utf16_start: 100 + i,
          utf16_end: 100 + i + w.length,
        });
      }
      return { diff, excerpt: { text, utf16_start: 100 } };
    };
    const shown = ({ diff, excerpt }, useExcerpt = true) => {
      const el = renderDiff(document, L, diff, 'fallback', useExcerpt ? excerpt : null);
      const c = el.cloneNode(true);
      for (const d of c.querySelectorAll('del')) d.remove();
      return { all: el.textContent, kept: c.textContent, html: el.innerHTML };
    };
    const zh = at('构建以国内大循环为主体、国内国际双循环相互促进的新发展格局', [
      '构建',
      '以',
      '国内',
      '大',
      '循环',
      '为',
      '主体',
      '国内',
      '国际',
      '双',
      '循环',
      '相互',
      '促进',
      '的',
      '新',
      '发展',
      '格局',
    ]);
    const en = at(
      'practise true, genuine multilateralism',
      ['practise', 'true', '-real', 'genuine', 'multilateralism'],
      {
        genuine: 'variant',
      },
    );
    const enStart = at('multilateralism, now', ['-true', 'multilateralism', 'now']);
    const zhDel = at('共商共建共享', ['共商', '-共同', '共建', '共享']);
    const movedEn = {
      diff: [
        { op: 'equal', text: 'peace', reference: 'peace', utf16_start: 106, utf16_end: 111 },
        { op: 'move', text: 'world', reference: 'world', utf16_start: 100, utf16_end: 105 },
      ],
      excerpt: { text: 'world peace', utf16_start: 100 },
    };
    const moved = {
      diff: [
        { op: 'equal', text: '发展', reference: '发展', utf16_start: 103, utf16_end: 105 },
        { op: 'move', text: '共同', reference: '共同', utf16_start: 100, utf16_end: 102 },
      ],
      excerpt: { text: '共同、发展', utf16_start: 100 },
    };
    return {
      zh: shown(zh),
      zhJoined: shown(zh, false),
      en: shown(en),
      enJoined: shown(en, false),
      enStart: shown(enStart),
      zhDel: shown(zhDel),
      moved: shown(moved),
      movedEn: shown(movedEn),
      empty: renderDiff(document, L, [], '原文，照录').textContent,
    };
  });
  assert.equal(rows.zh.all, '构建以国内大循环为主体、国内国际双循环相互促进的新发展格局');
  assert.equal(rows.zhJoined.all, '构建以国内大循环为主体国内国际双循环相互促进的新发展格局');
  assert.equal(rows.en.all, 'practise true real, genuine′genuine multilateralism');
  // The space before the left-out "real" is the deletion's (an English word needs one).
  assert.equal(rows.en.kept, 'practise true , genuine multilateralism');
  assert.match(rows.en.html, /<span class="d-pair d-variant"[^>]*><del>genuine′<\/del><ins>genuine<\/ins><\/span>/);
  assert.equal(rows.enJoined.all, 'practise true real genuine′genuine multilateralism');
  assert.equal(rows.enStart.all, 'true multilateralism, now');
  assert.equal(rows.zhDel.all, '共商共同共建共享');
  assert.equal(rows.zhDel.kept, '共商共建共享');
  assert.equal(rows.moved.all, '发展共同', 'moved words out of order: the words joined, unspaced in Chinese');
  assert.equal(rows.movedEn.all, 'peace world');
  assert.equal(rows.empty, '原文，照录');
  assert.deepEqual(errors, []);
  await context.close();
});
