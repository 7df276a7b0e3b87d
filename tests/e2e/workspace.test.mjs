// The user's work is never lost: a shared link opened beside it, two tabs editing at once, a reload
// right after a change, and input larger than the engine takes.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, load, tab, waitCompared, waitSaved, addStatement, ECHO } from './helpers.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  if (env) await env.close();
});

const titles = (page) =>
  page.$$eval('#panel-statements li.statement input[id$="-title"]', (is) => is.map((i) => i.value));

/** A share link (made with the page's own share.js) to `view`. */
function linkTo(page, view) {
  return page.evaluate(async (v) => {
    const { pack } = await import('./js/share.js');
    return `${location.origin}/#s=${await pack(v)}`;
  }, view);
}

describe('a shared link opened beside the user’s statements', () => {
  it('becomes a workspace of its own when changed; the user’s statements stay as they were', async () => {
    const { page, context, errors } = await openPage(env);
    await load(page, env.url);
    await addStatement(page, { title: 'My own statement', text: ECHO });
    await waitCompared(page, 8);
    await waitSaved(page);
    const link = await linkTo(page, {
      v: 1,
      st: [{ d: 'CHN_76_2021' }, { t: ECHO, ti: 'From the link' }],
      opt: {},
    });

    // A new tab opens the link: shown, not saved.
    const other = await context.newPage();
    await other.goto(link);
    await waitCompared(other, 2);
    assert.match(await other.textContent('#shared-text'), /shown but not saved/);
    assert.equal(await other.evaluate(() => document.documentElement.dataset.saved), 'unsaved');
    // The careless user changes one setting, then adds a statement.
    await tab(other, 'statements');
    await other.uncheck('#panel-statements-o-synonyms');
    await waitSaved(other);
    assert.match(await other.textContent('#shared-text'), /workspace of their own, “Shared link/);
    assert.equal(await other.evaluate(() => location.hash), '');
    await addStatement(other, { title: 'Added to the link', text: ECHO });
    await waitCompared(other, 3);
    await waitSaved(other);
    // That tab keeps the link's workspace, with both changes.
    await other.reload();
    await waitCompared(other, 3);
    await tab(other, 'statements');
    assert.deepEqual(await titles(other), [
      'China at the 76th UN General Assembly',
      'From the link',
      'Added to the link',
    ]);
    assert.equal(await other.isChecked('#panel-statements-o-synonyms'), false);

    // The user's own statements and settings are untouched, in the first tab and in a new one.
    for (const p of [page, await context.newPage()]) {
      if (p === page) await page.reload();
      else await p.goto(env.url);
      await waitCompared(p, 8);
      await tab(p, 'statements');
      const mine = await titles(p);
      assert.ok(mine.includes('My own statement'));
      assert.ok(!mine.includes('From the link') && !mine.includes('Added to the link'));
      assert.equal(await p.isChecked('#panel-statements-o-synonyms'), true);
      // Both workspaces are there to open.
      const names = await p.$$eval('#panel-statements-ws option', (os) => os.map((o) => o.textContent));
      assert.equal(names[0], 'My statements');
      assert.match(names[1], /^Shared link, /);
    }
    // Opening the link's workspace from the switcher shows it.
    await page.selectOption('#panel-statements-ws', { index: 1 });
    await page.click('#panel-statements .workspaces button:has-text("Open")');
    await waitCompared(page, 3);
    assert.ok((await titles(page)).includes('Added to the link'));
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('“Back to my statements” shows them and saves nothing of the link', async () => {
    const { page, context } = await openPage(env);
    await load(page, env.url);
    await addStatement(page, { title: 'Kept', text: ECHO });
    await waitCompared(page, 8);
    await page.goto(await linkTo(page, { v: 1, st: [{ t: ECHO, ti: 'Linked' }, { d: 'RUS_76_2021' }] }));
    await waitCompared(page, 2);
    await page.click('#shared-back');
    await waitCompared(page, 8);
    assert.equal(await page.isVisible('#shared-banner'), false);
    await tab(page, 'statements');
    assert.equal(await page.locator('#panel-statements .workspaces').isVisible(), false, 'one workspace only');
    await context.close();
  });
});

describe('two tabs editing the same statements', () => {
  it('see each other’s changes as they are made, and keep both', async () => {
    const { page: a, context } = await openPage(env);
    await load(a, env.url);
    const b = await context.newPage();
    await load(b, env.url);
    await addStatement(a, { title: 'From tab A', text: ECHO });
    await waitCompared(a, 8);
    await waitCompared(b, 8); // told over BroadcastChannel
    await tab(b, 'statements');
    assert.ok((await titles(b)).includes('From tab A'));
    await addStatement(b, { title: 'From tab B', text: ECHO });
    await waitCompared(b, 9);
    await waitCompared(a, 9);
    await a.reload();
    await waitCompared(a, 9);
    await tab(a, 'statements');
    const all = await titles(a);
    assert.ok(all.includes('From tab A') && all.includes('From tab B'));
    await context.close();
  });

  it('keep both when one tab never hears of the other (the store merges statement by statement)', async () => {
    const { page: a, context } = await openPage(env);
    await load(a, env.url);
    const b = await context.newPage();
    // This tab cannot hear the other: what it holds goes stale.
    await b.addInitScript(() => {
      delete window.BroadcastChannel;
    });
    await load(b, env.url);
    await addStatement(a, { title: 'Added in A', text: ECHO });
    await waitCompared(a, 8);
    await waitSaved(a);
    await tab(a, 'statements');
    await a.fill('#panel-statements-s-CHN_76_2021-speaker', 'Speaker set in A');
    await waitSaved(a);
    // B still shows 7 statements; it adds one and edits another field of the same statement.
    await addStatement(b, { title: 'Added in B', text: ECHO });
    await waitCompared(b, 8);
    await b.fill('#panel-statements-s-CHN_76_2021-title', 'Title set in B');
    await waitSaved(b);
    for (const p of [a, b]) {
      await p.reload();
      await waitCompared(p, 9);
      await tab(p, 'statements');
      const all = await titles(p);
      assert.ok(all.includes('Added in A') && all.includes('Added in B'), all.join(' | '));
      assert.equal(await p.inputValue('#panel-statements-s-CHN_76_2021-speaker'), 'Speaker set in A');
      assert.equal(await p.inputValue('#panel-statements-s-CHN_76_2021-title'), 'Title set in B');
    }
    await context.close();
  });
});

describe('a change acknowledged', () => {
  it('is stored: a reload right after the acknowledgement keeps it', async () => {
    const { page, context } = await openPage(env);
    await load(page, env.url);
    await tab(page, 'statements');
    await page.fill('#panel-statements-new-title', 'Reloaded at once');
    await page.fill('#panel-statements-new-text', ECHO);
    await page.click('#panel-statements form.add-form button[type="submit"]');
    await page.waitForFunction(() =>
      /Statement added\./.test(document.querySelector('#panel-statements .message').textContent),
    );
    await page.reload();
    await waitCompared(page, 8);
    await tab(page, 'statements');
    assert.ok((await titles(page)).includes('Reloaded at once'));
    // An edit of a field: acknowledged as saved, then reloaded.
    await page.fill('#panel-statements-s-RUS_76_2021-speaker', 'Renamed just before a reload');
    await waitSaved(page);
    assert.equal(await page.textContent('#saved'), 'Saved in this browser');
    await page.reload();
    await waitCompared(page, 8);
    await tab(page, 'statements');
    assert.equal(await page.inputValue('#panel-statements-s-RUS_76_2021-speaker'), 'Renamed just before a reload');
    // Many at once: select, set, reload.
    await page.click('#panel-statements-s-RUS_76_2021-pick');
    await page.click('#panel-statements-s-CHN_76_2021-pick');
    await page.fill('#panel-statements-bulk-group', 'Both');
    await page.click('#panel-statements button:has-text("Apply to the selected")');
    await page.waitForFunction(() =>
      /group set for 2 statements/.test(document.querySelector('#panel-statements .message').textContent),
    );
    await page.reload();
    await waitCompared(page, 8);
    await tab(page, 'statements');
    for (const id of ['RUS_76_2021', 'CHN_76_2021'])
      assert.equal(await page.inputValue(`#panel-statements-s-${id}-group`), 'Both');
    await context.close();
  });
});

describe('input larger than the engine takes', () => {
  it('a 20 MB paste is refused at the door, by its title and the limit; the rest keeps working', async () => {
    const { page, context } = await openPage(env);
    await load(page, env.url);
    await tab(page, 'statements');
    await page.fill('#panel-statements-new-title', 'The huge one');
    await page.fill('#panel-statements-new-text', 'word '.repeat(4_000_000));
    await page.click('#panel-statements form.add-form button[type="submit"]');
    await page.waitForFunction(() =>
      /not added/.test(document.querySelector('#panel-statements .message').textContent),
    );
    const said = await page.textContent('#panel-statements .message');
    assert.match(said, /“The huge one” has 19\.1 MB of text: a statement may have at most 8 MB/);
    assert.doesNotMatch(said, /u-[a-z0-9]{4,}/, 'no internal id');
    await waitSaved(page);
    await page.reload();
    await waitCompared(page, 7);
    await tab(page, 'statements');
    assert.ok(!(await titles(page)).includes('The huge one'));
    // The draft was not kept either (it could not become a statement).
    assert.equal(await page.inputValue('#panel-statements-new-text'), '');
    await addStatement(page, { title: 'A normal one', text: ECHO });
    await waitCompared(page, 8);
    await context.close();
  });

  it('3,000 dropped files: as many as a workspace holds come in, the rest are named, and it still loads', async () => {
    const { page, context } = await openPage(env);
    await load(page, env.url);
    await tab(page, 'statements');
    await page.evaluate(() => {
      const dt = new DataTransfer();
      for (let i = 0; i < 3000; i++)
        dt.items.add(
          new File([`Statement ${i} says that we must practise genuine multilateralism.`], `s${i}.txt`, {
            type: 'text/plain',
          }),
        );
      const panel = document.getElementById('panel-statements');
      panel.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await page.waitForFunction(
      () => /added/.test(document.querySelector('#panel-statements .message').textContent),
      null,
      {
        timeout: 60_000,
      },
    );
    assert.match(
      await page.textContent('#panel-statements .message'),
      /^1993 files added\. 1,007 files were not added: a workspace holds at most 2,000 statements and 32 MB of text \(the first left out: s1993\.txt\)\.$/,
    );
    await waitCompared(page, 2000);
    await waitSaved(page);
    await page.reload();
    await waitCompared(page, 2000);
    // The overview draws a heatmap of the statements that share the most, and says so.
    await tab(page, 'overview');
    assert.match(await page.textContent('#overview-note'), /shows the 60 statements \(of 2,000\)/);
    assert.equal(await page.locator('#overview-heatmap [role="gridcell"]').count(), 3600);
    await context.close();
  });
});

describe('a browser without IndexedDB', () => {
  it('keeps the statements in localStorage, statement by statement too', async () => {
    const { page, context } = await openPage(env);
    await page.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined });
    });
    await load(page, env.url);
    await addStatement(page, { title: 'Kept in localStorage', text: ECHO });
    await waitCompared(page, 8);
    await waitSaved(page);
    assert.match(await page.textContent('#panel-statements section.box p.hint'), /localStorage/);
    await page.reload();
    await waitCompared(page, 8);
    await tab(page, 'statements');
    assert.ok((await titles(page)).includes('Kept in localStorage'));
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('refrain.v2')));
    assert.ok(Object.values(stored.statements.mine).some((st) => st.title === 'Kept in localStorage'));
    await context.close();
  });
});

describe('statements saved by the previous version of the page', () => {
  it('are still there (IndexedDB version 1 is upgraded)', async () => {
    const { page, context } = await openPage(env);
    // A page of the same origin without the app, to write what version 1 wrote.
    await page.goto(`${env.url}demo/manifest.json`);
    await writeV1(page, [
      { id: 'CHN_76_2021', source: 'demo', demoId: 'CHN_76_2021', title: 'Renamed in v1' },
      { id: 'u-old1', source: 'user', demoId: null, title: 'Written by v1', text: ECHO },
    ]);
    await page.goto(env.url);
    await waitCompared(page, 2);
    assert.equal(await page.getAttribute('#tab-statements', 'aria-selected'), 'true');
    assert.deepEqual(await titles(page), ['Renamed in v1', 'Written by v1']);
    assert.equal(await page.inputValue('#panel-statements-o-min-words'), '3');
    await context.close();
  });

  it('even one larger than the engine takes: the others are compared, it is named, not its id', async () => {
    const { page, context } = await openPage(env);
    await page.goto(`${env.url}demo/manifest.json`);
    await writeV1(page, [
      { id: 'RUS_76_2021', source: 'demo', demoId: 'RUS_76_2021' },
      { id: 'u-big1', source: 'user', demoId: null, title: 'Too big', text: 'word '.repeat(2_000_000) },
      { id: 'u-old2', source: 'user', demoId: null, title: 'Fine', text: ECHO },
    ]);
    await page.goto(env.url);
    await waitCompared(page, 2);
    const said = await page.textContent('#status');
    assert.match(said, /Not compared: “Too big” has 9\.5 MB of text: a statement may have at most 8 MB/);
    assert.doesNotMatch(said, /u-big1/);
    await context.close();
  });
});

/** Writes `statements` as version 1 of the page stored its workspace (IndexedDB version 1, store kv). */
function writeV1(page, statements) {
  return page.evaluate(
    (statements) =>
      new Promise((ok, fail) => {
        const req = indexedDB.open('refrain', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('kv');
        req.onerror = () => fail(req.error);
        req.onsuccess = () => {
          const t = req.result.transaction('kv', 'readwrite');
          t.objectStore('kv').put(
            {
              version: 1,
              statements,
              tab: 'statements',
              options: { min_words: 3 },
            },
            'workspace',
          );
          t.oncomplete = () => {
            req.result.close();
            ok();
          };
        };
      }),
    statements,
  );
}
