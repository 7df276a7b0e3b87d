// Share links as an attacker and a careless user make them: decompression bombs, malformed fields,
// a link pasted into an open page. The page stays alive, says what was wrong, and forgets the link.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createDeflateRaw } from 'node:zlib';
import { setUp, openPage, load, tab, waitCompared, waitReady, addStatement } from './helpers.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  if (env) await env.close();
});

const ECHO =
  'We must practise genuine multilateralism and respect the sovereignty and territorial integrity of all countries.';

/** A `z` payload (deflate-raw, base64url) of a link whose only statement's text is `megabytes` MB of "a". */
function bomb(megabytes) {
  return new Promise((ok, fail) => {
    const z = createDeflateRaw({ level: 9 });
    const parts = [];
    z.on('data', (c) => parts.push(c));
    z.on('end', () => ok(`z${Buffer.concat(parts).toString('base64url')}`));
    z.on('error', fail);
    z.write('{"v":1,"st":[{"t":"');
    const chunk = Buffer.alloc(1 << 20, 0x61);
    let left = megabytes;
    const more = () => {
      while (left > 0) {
        left--;
        if (!z.write(chunk)) {
          z.once('drain', more);
          return;
        }
      }
      z.end('"}]}');
    };
    more();
  });
}

/** A `j` payload (plain JSON, base64url) of `view`, whatever it holds. */
const plain = (view) => `j${Buffer.from(JSON.stringify(view)).toString('base64url')}`;

async function noticeOf(page) {
  await page.waitForSelector('#notice:not([hidden])');
  return page.textContent('#notice-text');
}

describe('a decompression bomb', () => {
  for (const [size, megabytes, reason] of [
    ['519 KB', 400, /longer than any refrain link/],
    ['130 KB', 130, /unpacks to more than 2 MB/],
  ]) {
    it(`of ${size} (${megabytes} MB inflated) is refused; the page lives on and forgets it`, async () => {
      const payload = await bomb(megabytes);
      assert.ok(payload.length > 100_000, `${payload.length} characters`);
      const { page, context, errors } = await openPage(env);
      await load(page, env.url);
      await addStatement(page, { title: 'Mine', text: ECHO });
      await waitCompared(page, 8);
      await page.goto(`${env.url}#s=${payload}`);
      await waitCompared(page, 8);
      const said = await noticeOf(page);
      assert.match(said, /^This link could not be read: /);
      assert.match(said, reason);
      assert.match(said, /Your statements are shown instead/);
      assert.equal(await page.evaluate(() => location.hash), '');
      assert.equal(await page.isVisible('#shared-banner'), false);
      // The page answers, and a reload does not read the link again.
      assert.equal(await page.evaluate(() => 6 * 7), 42);
      await page.reload();
      await waitCompared(page, 8);
      assert.equal(await page.isVisible('#notice'), false);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  it('of 130 KB is refused by embed/embed.html too, which forgets it', async () => {
    const payload = await bomb(130);
    const { page, context } = await openPage(env);
    await page.goto(`${env.url}embed/embed.html#s=${payload}`);
    await page.waitForFunction(() => /could not be read/.test(document.getElementById('attribution').textContent));
    assert.match(await page.textContent('#attribution'), /This link could not be read: it unpacks to more than 2 MB/);
    assert.equal(await page.evaluate(() => location.hash), '');
    assert.equal(await page.evaluate(() => 6 * 7), 42);
    await context.close();
  });
});

describe('a malformed link', () => {
  it('with a title that is an object is refused, saying which field', async () => {
    const { page, context, errors } = await openPage(env);
    await page.goto(`${env.url}#s=${plain({ v: 1, st: [{ t: ECHO, ti: { toString: 0 } }], tab: 'nowhere' })}`);
    await waitCompared(page, 7);
    const said = await noticeOf(page);
    assert.match(said, /statement 1’s title is not text; the tab is not one of the page’s/);
    assert.equal(await page.evaluate(() => location.hash), '');
    assert.doesNotMatch(await page.textContent('#status'), /could not start/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('naming a demo statement “toString” leaves it out and says so', async () => {
    const { page, context, errors } = await openPage(env);
    const view = { v: 1, st: [{ d: 'toString' }, { d: 'CHN_76_2021' }, { t: ECHO, ti: 'Linked' }], cols: [1, 2] };
    await page.goto(`${env.url}#s=${plain(view)}`);
    await waitCompared(page, 2);
    assert.match(
      await page.textContent('#shared-text'),
      /1 demo statement of the link is not on this page and left out: “toString”/,
    );
    assert.equal(await page.locator('#panel-read .col').count(), 2);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('carrying engine limits or unknown settings is refused: a link sets only the page’s settings', async () => {
    const { page, context } = await openPage(env);
    await page.goto(`${env.url}#s=${plain({ v: 1, st: [{ t: ECHO }], opt: { work_budget: 1e15, min_words: 0 } })}`);
    await waitReady(page);
    assert.match(
      await noticeOf(page),
      /setting “work_budget” is not a setting; setting min_words must be between 1 and 50/,
    );
    await context.close();
  });
});

describe('what the page says about a link', () => {
  it('a refusal stays on screen after the comparison is done', async () => {
    const { page, context } = await openPage(env);
    await page.goto(`${env.url}#s=znot-deflate`);
    await waitCompared(page, 7);
    assert.match(await page.textContent('#status'), /^7 statements compared/);
    assert.match(await noticeOf(page), /This link could not be read: its compressed data is damaged/);
    await page.click('#notice-close');
    assert.equal(await page.isVisible('#notice'), false);
    await context.close();
  });

  it('a comparison that fails on a shared link does not claim that anything is saved', async () => {
    const { page, context } = await openPage(env);
    await page.route('**/pkg/refrain_bg.wasm', (route) => route.fulfill({ status: 500, body: 'broken' }));
    await page.goto(`${env.url}#s=${plain({ v: 1, st: [{ t: ECHO }, { d: 'CHN_76_2021' }] })}`);
    await page.waitForFunction(() => document.documentElement.dataset.state === 'error');
    const said = await page.textContent('#status');
    assert.match(said, /comparison failed/);
    assert.doesNotMatch(said, /Your statements are saved/);
    assert.match(said, /not saved in this browser/);
    assert.equal(await page.textContent('#saved'), 'Shared link: not saved in this browser');
    await context.close();
  });
});

describe('a link pasted into an open page', () => {
  it('loads (only the fragment changed), and a bad one is refused there too', async () => {
    const { page, context } = await openPage(env);
    await load(page, env.url);
    const good = plain({ v: 1, st: [{ t: ECHO, ti: 'Pasted' }, { d: 'RUS_76_2021' }], tab: 'refrains' });
    await page.evaluate((h) => {
      location.hash = h;
    }, `#s=${good}`);
    await waitCompared(page, 2);
    assert.equal(await page.isVisible('#shared-banner'), true);
    assert.equal(await page.getAttribute('#tab-refrains', 'aria-selected'), 'true');
    await tab(page, 'statements');
    assert.ok(
      (
        await page.$$eval('#panel-statements li.statement input[id$="-title"]', (is) => is.map((i) => i.value))
      ).includes('Pasted'),
    );
    await page.evaluate(() => {
      location.hash = '#s=jbm90IGpzb24';
    });
    assert.match(await noticeOf(page), /This link could not be read: it is not a refrain link/);
    assert.equal(await page.evaluate(() => location.hash), '');
    // The skip link's #main is no link: nothing happens.
    await page.evaluate(() => {
      location.hash = '#main';
    });
    assert.equal(await page.isVisible('#notice'), true);
    // A good link pasted next replaces the refusal.
    const again = plain({ v: 1, st: [{ t: ECHO, ti: 'Pasted again' }, { d: 'CHN_76_2021' }, { d: 'RUS_76_2021' }] });
    await page.evaluate((h) => {
      location.hash = h;
    }, `#s=${again}`);
    await waitCompared(page, 3);
    assert.equal(await page.isVisible('#notice'), false);
    assert.equal(await page.isVisible('#shared-banner'), true);
    await context.close();
  });
});
