// A journalist's own statements keep their metadata: sidecars and lists dropped with the texts,
// many statements edited at once, groups that filter the views, undated statements said so; an HTML
// file read without a word in the console; a report cut at its most refrains said so.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setUp, openPage, load, tab, waitCompared, waitReady, waitSaved, downloadOf, WWW, OUTPUT } from './helpers.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  if (env) await env.close();
});

const demoText = (id) => readFileSync(join(WWW, 'demo', `${id}.txt`), 'utf8');
const file = (name, content, mimeType = 'text/plain') => ({
  name,
  mimeType,
  buffer: Buffer.from(typeof content === 'string' ? content : JSON.stringify(content)),
});
const json = (name, value) => file(name, value, 'application/json');

async function report(page) {
  return JSON.parse((await downloadOf(page, '#export-json')).text);
}

const message = (page) => page.textContent('#panel-statements .message');

/** Removes every statement (select all, remove) and waits for the empty page. */
async function removeAll(page) {
  await tab(page, 'statements');
  await page.click('#panel-statements .bulk button:has-text("All")');
  await page.click('#panel-statements button:has-text("Remove the selected")');
  await page.waitForFunction(() => /^No statements yet/.test(document.getElementById('status').textContent));
}

describe('sidecars dropped with their texts', () => {
  it('give the statements their speaker and date, so first use and speakers are right', async () => {
    const { page, context, errors } = await openPage(env);
    await load(page, env.url);
    await removeAll(page);
    await page.setInputFiles('#panel-statements-files', [
      file('CHN_75_2020.txt', demoText('CHN_75_2020')),
      json('CHN_75_2020.json', {
        title: 'China 2020',
        speaker: 'Xi Jinping',
        date: '2020-09-22',
        language: 'en',
        country: 'China',
      }),
      file('RUS_76_2021.txt', demoText('RUS_76_2021')),
      json('RUS_76_2021.json', { speaker: 'Sergey Lavrov', date: 2021, organisation: 'Russian Federation' }),
      file('IND_78_2023.txt', demoText('IND_78_2023')),
      json('IND_78_2023.json', { speaker: 'Subrahmanyam Jaishankar', date: '2023', extra: { ignored: true } }),
      file('ZWE_75_2020.txt', demoText('ZWE_75_2020')), // no sidecar: no speaker, no date
    ]);
    await waitCompared(page, 4);
    assert.equal(await message(page), '4 files added.');
    const r = await report(page);
    const by = Object.fromEntries(r.statements.map((s) => [s.title, s]));
    assert.equal(by['China 2020'].speaker, 'Xi Jinping');
    assert.equal(by['China 2020'].date_key, '2020-09-22');
    assert.equal(by.RUS_76_2021.speaker, 'Sergey Lavrov');
    assert.equal(by.RUS_76_2021.date_key, '2021');
    assert.equal(by.IND_78_2023.speaker, 'Subrahmanyam Jaishankar');
    assert.equal(by.ZWE_75_2020.speaker ?? null, null);
    // "COVID-19 pandemic": first used in the 2020 statement, by its speaker; the unnamed statement
    // is one of its statements but not one of its speakers.
    const covid = r.families
      .filter((f) => f.occurrences.some((o) => /COVID-19 pandemic/i.test(o.text)))
      .sort((a, b) => b.statements - a.statements)[0];
    assert.ok(covid, 'a family of "COVID-19 pandemic"');
    assert.match(covid.first_use.date, /^2020/);
    assert.equal(covid.first_use.doc, by['China 2020'].id);
    const docs = new Set(covid.occurrences.map((o) => o.doc));
    const speakers = new Set(r.statements.filter((s) => docs.has(s.id) && s.speaker).map((s) => s.speaker));
    assert.equal(covid.speakers, speakers.size);
    if (docs.has(by.ZWE_75_2020.id)) assert.ok(covid.speakers < covid.statements);
    // Country or organisation suggests a group.
    assert.equal(await page.inputValue(`#panel-statements-s-${by['China 2020'].id}-group`), 'China');
    assert.equal(await page.inputValue(`#panel-statements-s-${by.RUS_76_2021.id}-group`), 'Russian Federation');
    // Where dates matter, the undated statement is named as left out of the timeline.
    assert.match(await page.textContent('#panel-statements .undated'), /^1 undated statement is not in the timeline/);
    await tab(page, 'refrains');
    assert.match(await page.textContent('#scope-note'), /1 undated statement is not in the timeline\./);
    // Select the undated one and give it a date: the note goes.
    await tab(page, 'statements');
    await page.click('#panel-statements .bulk button:has-text("Undated")');
    assert.equal(await page.isChecked(`#panel-statements-s-${by.ZWE_75_2020.id}-pick`), true);
    await page.fill('#panel-statements-bulk-date', '2020-09-23');
    await page.click('#panel-statements button:has-text("Apply to the selected")');
    await waitReady(page);
    await page.waitForFunction(() => document.querySelector('#panel-statements .undated').hidden);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('and lists of many statements (.csv, .json) come in; what is wrong in them is said', async () => {
    const { page, context } = await openPage(env);
    await load(page, env.url);
    await removeAll(page);
    await page.setInputFiles('#panel-statements-files', [
      file('a.txt', 'We must practise genuine multilateralism and uphold the Charter of the United Nations.'),
      file('b.txt', 'All countries should practise true multilateralism and uphold the Charter of the United Nations.'),
      file('c.txt', 'Some want real multilateralism and uphold the Charter of the United Nations.'),
      file(
        'list.csv',
        'file,title,speaker,date,group,text\r\n' +
          'a.txt,"Alpha, the first",Speaker A,2019,Bloc,\r\n' +
          ',Inline one,Speaker C,2020,Bloc,"An inline statement: we practise genuine multilateralism, and ""quote"" it."\r\n',
        'text/csv',
      ),
      json('list.json', [{ file: 'b.txt', speaker: 'Speaker B', date: '2021', country: 'Chile' }]),
      json('c.json', { date: { year: 2020 } }),
      json('orphan.json', { speaker: 'Nobody' }),
    ]);
    await waitCompared(page, 4);
    const said = await message(page);
    assert.match(said, /^4 statements added\./);
    assert.match(said, /sidecar c\.json: “date” must be a string/);
    assert.match(said, /orphan\.json: a sidecar, but no orphan\.txt \(or \.md, \.html\) came with it/);
    const r = await report(page);
    const by = Object.fromEntries(r.statements.map((s) => [s.title, s]));
    assert.equal(by['Alpha, the first'].speaker, 'Speaker A');
    assert.equal(by['Alpha, the first'].date_key, '2019');
    assert.equal(by.b.speaker, 'Speaker B');
    assert.equal(by['Inline one'].speaker, 'Speaker C');
    assert.ok(by.c, 'the text of a bad sidecar still comes in');
    const texts = await page.$$eval('#panel-statements li.statement textarea', (ts) => ts.map((t) => t.value));
    assert.ok(texts.includes('An inline statement: we practise genuine multilateralism, and "quote" it.'));
    for (const [title, group] of [
      ['Alpha, the first', 'Bloc'],
      ['Inline one', 'Bloc'],
      ['b', 'Chile'],
    ])
      assert.equal(await page.inputValue(`#panel-statements-s-${by[title].id}-group`), group);
    await context.close();
  });
});

describe('groups', () => {
  it('set for many statements at once filter the reader, the refrains and the search', async () => {
    const { page, context } = await openPage(env);
    await load(page, env.url);
    await tab(page, 'statements');
    const pair = ['CHN_76_2021', 'RUS_76_2021'];
    for (const id of pair) await page.click(`#panel-statements-s-${id}-pick`);
    assert.equal(await page.textContent('#panel-statements .bulk [aria-live]'), '2 selected');
    await page.fill('#panel-statements-bulk-group', 'Pair');
    await page.fill('#panel-statements-bulk-speaker', 'Same Speaker');
    await page.click('#panel-statements button:has-text("Apply to the selected")');
    await page.waitForFunction(() =>
      /speaker, group set for 2 statements/.test(document.querySelector('#panel-statements .message').textContent),
    );
    await waitReady(page);
    await waitSaved(page);
    const r = await report(page);
    assert.deepEqual(
      r.statements.filter((s) => s.speaker === 'Same Speaker').map((s) => s.id),
      pair,
    );
    // The filter lists groups of every kind; no statement without a speaker makes a speaker group.
    await tab(page, 'read');
    const options = await page.$$eval('#group-filter option', (os) =>
      os.map((o) => [o.parentElement.label || '', o.value, o.textContent]),
    );
    assert.deepEqual(options[0], ['', '', 'All statements (7)']);
    assert.ok(options.some(([k, v, t]) => k === 'Groups' && v === 'group:pair' && t === 'Pair (2 statements)'));
    assert.ok(options.some(([k, v]) => k === 'Speakers' && v === 'speaker:same speaker'));
    assert.ok(options.some(([k, v]) => k === 'Years' && v === 'year:2023'));
    assert.ok(options.every(([, v, t]) => v === '' || !/^\s*\(/.test(t)));
    await page.selectOption('#group-filter', 'group:pair');
    // The reader: the group's statements.
    await page.waitForFunction((ids) => {
      const cols = [...document.querySelectorAll('#panel-read .col')].map((c) => c.dataset.doc);
      return cols.length === ids.length && ids.every((id) => cols.includes(id));
    }, pair);
    // Statements outside the group are still named by their names, never by their ids.
    assert.doesNotMatch(await page.textContent('#panel-read .fam-panel'), /[A-Z]{3}_\d{2}_\d{4}/);
    const inPair = r.families.filter((f) => f.occurrences.some((o) => pair.includes(o.doc)));
    assert.match(
      await page.textContent('#scope-note'),
      new RegExp(`^Showing the 2 statements of this group and the ${inPair.length} refrains they use\\.`),
    );
    // The refrains: those used in the group's statements.
    await tab(page, 'refrains');
    assert.match(await page.textContent('#panel-refrains .summary'), new RegExp(`^${inPair.length} refrains`));
    const listed = await page.$$eval('#panel-refrains li.refrain', (ls) => ls.map((l) => l.dataset.family));
    assert.ok(listed.length > 0 && listed.every((id) => inPair.some((f) => f.id === id)));
    // The search: places in the group's statements only.
    await tab(page, 'search');
    await page.fill('#panel-search-q', 'multilateralism');
    await page.press('#panel-search-q', 'Enter');
    await page.waitForSelector('#panel-search table.kwic tbody tr');
    const names = await page.$$eval('#panel-search table.kwic tbody tr', (rows) =>
      rows.map((tr) => tr.cells[1].textContent),
    );
    assert.ok(names.length > 0 && names.every((n) => n.startsWith('Same Speaker')), names.join(' | '));
    // All statements again.
    await page.selectOption('#group-filter', '');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('#panel-search table.kwic tbody tr')].some(
        (tr) => !tr.cells[1].textContent.startsWith('Same Speaker'),
      ),
    );
    await context.close();
  });
});

describe('a report cut at its most refrains', () => {
  it('says how many it shows of how many were found, and how to see more', async () => {
    const { page, context } = await openPage(env);
    await load(page, env.url);
    await tab(page, 'statements');
    await page.selectOption('#panel-statements-demo', 'china');
    await page.click('#panel-statements button:has-text("Load demo set")');
    await page.waitForFunction(() =>
      /^8 statements compared.*showing/.test(document.getElementById('status').textContent),
    );
    await waitReady(page);
    const r = await report(page);
    const found = r.stats.families_found;
    assert.equal(r.families.length, 300);
    assert.ok(found > 300);
    const cut = `showing 300 of ${found.toLocaleString('en-US')} refrains (raise “Most refrains shown” in the settings of the Statements tab to see more)`;
    assert.ok((await page.textContent('#status')).includes(cut));
    await tab(page, 'refrains');
    assert.equal(await page.textContent('#scope-note'), `The report lists ${cut}.`);
    await tab(page, 'statements');
    await page.fill('#panel-statements-o-max-families', '1000');
    await page.locator('#panel-statements-o-max-families').blur();
    await page.waitForFunction(
      (n) => document.getElementById('status').textContent.includes(`: ${n} refrains found`),
      found,
    );
    assert.equal((await report(page)).families.length, found);
    await context.close();
  });
});

describe('an HTML file', () => {
  it('is read without the browser trying its scripts, styles or base: nothing in the console', async () => {
    const { page, context, errors, dialogs } = await openPage(env);
    await load(page, env.url);
    await tab(page, 'statements');
    const html =
      '<!doctype html><html lang="fr"><head><base href="http://evil.example/"><title>Un discours</title>' +
      '<meta http-equiv="refresh" content="0;url=http://evil.example/"><link rel="stylesheet" href="x.css">' +
      '<script>window.__ran = 1</script><style>p { color: red }</style></head>' +
      '<body style="color: red" onload="window.__ran = 2"><h1 onclick="x()">Heading</h1>' +
      '<p style="font-weight: bold" onmouseover="window.__ran = 3">We should practise <b>true</b> multilateralism.</p>' +
      '<svg><style>a{}</style><title>skip</title></svg><img src="x.png" onerror="window.__ran = 4">' +
      '<script>if (a < b) document.write("</p>")</script><p title="a > b">Second paragraph.</p></body></html>';
    await page.setInputFiles('#panel-statements-files', [file('speech.html', html, 'text/html')]);
    await waitCompared(page, 8);
    const texts = await page.$$eval('#panel-statements li.statement textarea', (ts) => ts.map((t) => t.value));
    assert.ok(
      texts.includes('Heading\n\nWe should practise true multilateralism.\n\nSecond paragraph.'),
      texts.join('|'),
    );
    const titles = await page.$$eval('#panel-statements li.statement input[id$="-title"]', (is) =>
      is.map((i) => i.value),
    );
    assert.ok(titles.includes('Un discours'));
    assert.equal(await page.evaluate(() => window.__ran), undefined);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, [], 'the console stays quiet');
    await context.close();
  });
});

describe('screenshots', () => {
  for (const width of [360, 1366]) {
    it(`of statements with groups, the group filter and the notices (${width} px)`, async () => {
      const { page, context } = await openPage(env, { viewport: { width, height: 900 } });
      await load(page, env.url);
      await tab(page, 'statements');
      await page.setInputFiles('#panel-statements-files', [
        file('USA_76_2021.txt', 'We must end the COVID-19 pandemic and practise genuine multilateralism.'),
        json('USA_76_2021.json', { speaker: 'Joseph R. Biden', date: '2021', country: 'United States' }),
        file('undated.txt', 'An undated note on true multilateralism.'),
      ]);
      await waitCompared(page, 9);
      for (const id of ['CHN_76_2021', 'RUS_76_2021']) await page.click(`#panel-statements-s-${id}-pick`);
      await page.fill('#panel-statements-bulk-group', 'Pair');
      await page.click('#panel-statements button:has-text("Apply to the selected")');
      await waitReady(page);
      await page.click('#panel-statements-s-VEN_78_2023-pick');
      await page.evaluate(() => document.getElementById('panel-statements-list-h').scrollIntoView());
      await page.screenshot({ path: join(OUTPUT, `page-data-statements-${width}.png`), fullPage: false });
      await page.locator('#panel-statements .bulk').screenshot({ path: join(OUTPUT, `page-data-bulk-${width}.png`) });
      await tab(page, 'read');
      await page.selectOption('#group-filter', 'group:pair');
      await waitReady(page);
      await page.screenshot({ path: join(OUTPUT, `page-data-reader-group-${width}.png`) });
      await tab(page, 'refrains');
      await page.screenshot({ path: join(OUTPUT, `page-data-refrains-group-${width}.png`) });
      // A refused link and a shared one.
      await page.goto(`${env.url}#s=jeyJ2IjoxLCJzdCI6W3sidCI6MX1dfQ`);
      await waitReady(page);
      await page.waitForSelector('#notice:not([hidden])');
      await page.screenshot({ path: join(OUTPUT, `page-data-refused-${width}.png`) });
      const link = await page.evaluate(async () => {
        const { pack } = await import('./js/share.js');
        return `${location.origin}/#s=${await pack({ v: 1, st: [{ d: 'CHN_76_2021' }, { d: 'toString' }, { d: 'RUS_76_2021' }] })}`;
      });
      await page.goto(link);
      await waitCompared(page, 2);
      await page.screenshot({ path: join(OUTPUT, `page-data-shared-${width}.png`) });
      await context.close();
    });
  }
});
