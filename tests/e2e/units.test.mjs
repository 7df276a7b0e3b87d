// The page's pure modules, run in Node without a browser: segmentation of overlapping and nested
// occurrences, UTF-8 to UTF-16 offsets, CSV cells, share-link packing and checking, reading
// statements from files (HTML, CSV lists, sidecars), groups, and a workspace's limits.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { segment, runs } from '../../www/js/segments.js';
import { csvCell, reportCsv } from '../../www/js/export.js';
import { pack, unpack, makeLink, readLink, checkView, LinkError, MAX_LINK } from '../../www/js/share.js';
import { inertHtml, metadataOf, parseCsv } from '../../www/js/files.js';
import { groupIds, groupsOf } from '../../www/js/groups.js';
import { admit, fromLink } from '../../www/js/workspace.js';
import { LIMITS, utf8Bytes } from '../../www/js/limits.js';

const occ = (key, start, end, rank = 0, words = []) => ({ key, family: key.split(':')[0], start, end, rank, words });

describe('segment', () => {
  const table = [
    ['no occurrences', 10, [], [[0, 10, null, []]]],
    [
      'one in the middle',
      10,
      [occ('f1:0', 2, 5)],
      [
        [0, 2, null, []],
        [2, 5, 'f1:0', ['f1:0']],
        [5, 10, null, []],
      ],
    ],
    [
      'nested: the inner one is primary',
      12,
      [occ('f1:0', 0, 12, 0), occ('f2:0', 4, 8, 1)],
      [
        [0, 4, 'f1:0', ['f1:0']],
        [4, 8, 'f2:0', ['f1:0', 'f2:0']],
        [8, 12, 'f1:0', ['f1:0']],
      ],
    ],
    [
      'crossing',
      10,
      [occ('f1:0', 0, 6), occ('f2:0', 4, 10, 1)],
      [
        [0, 4, 'f1:0', ['f1:0']],
        [4, 6, 'f1:0', ['f1:0', 'f2:0']],
        [6, 10, 'f2:0', ['f2:0']],
      ],
    ],
    [
      'same span: the stronger family is primary',
      6,
      [occ('f3:0', 1, 5, 2), occ('f1:1', 1, 5, 0)],
      [
        [0, 1, null, []],
        [1, 5, 'f1:1', ['f1:1', 'f3:0']],
        [5, 6, null, []],
      ],
    ],
    [
      'adjacent',
      6,
      [occ('f1:0', 0, 3), occ('f1:1', 3, 6)],
      [
        [0, 3, 'f1:0', ['f1:0']],
        [3, 6, 'f1:1', ['f1:1']],
      ],
    ],
    ['clipped to the text', 5, [occ('f1:0', -2, 9)], [[0, 5, 'f1:0', ['f1:0']]]],
    ['empty and inverted spans ignored', 5, [occ('f1:0', 3, 3), occ('f2:0', 4, 2)], [[0, 5, null, []]]],
  ];
  for (const [name, length, occs, expected] of table) {
    it(name, () => {
      const got = segment(length, occs).map((s) => [
        s.start,
        s.end,
        s.primary ? s.primary.key : null,
        s.occs.map((o) => o.key).sort(),
      ]);
      assert.deepEqual(got, expected);
    });
  }

  it('marks the primary occurrence’s differing words and search hits', () => {
    const sg = segment(
      20,
      [occ('f1:0', 0, 20, 0, [{ start: 5, end: 9, op: 'variant', reference: 'true' }])],
      [{ start: 3, end: 12, index: 0 }],
    );
    assert.deepEqual(
      sg.map((s) => [s.start, s.end, s.word ? s.word.op : null, s.hit]),
      [
        [0, 3, null, null],
        [3, 5, null, 0],
        [5, 9, 'variant', 0],
        [9, 12, null, 0],
        [12, 20, null, null],
      ],
    );
    // One run: the word and the hit split segments, not elements.
    assert.equal(runs(sg).length, 1);
  });

  it('covers the text exactly, whatever the occurrences', () => {
    let seed = 3;
    const rnd = (n) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let t = 0; t < 200; t++) {
      const length = 1 + rnd(80);
      const occs = Array.from({ length: rnd(8) }, (_, i) => {
        const a = rnd(length);
        return occ(`f${i}:0`, a, a + 1 + rnd(length - a), i);
      });
      const sg = segment(length, occs);
      assert.equal(sg[0].start, 0);
      assert.equal(sg[sg.length - 1].end, length);
      for (let i = 1; i < sg.length; i++) assert.equal(sg[i].start, sg[i - 1].end);
      for (const s of sg) {
        const covering = occs
          .filter((o) => o.start <= s.start && o.end >= s.end)
          .map((o) => o.key)
          .sort();
        assert.deepEqual(s.occs.map((o) => o.key).sort(), covering);
      }
      const rs = runs(sg);
      for (const o of occs) {
        const text = rs.filter((r) => r.occs.some((x) => x.key === o.key)).map((r) => [r.start, r.end]);
        assert.equal(
          text.reduce((n, [a, b]) => n + b - a, 0),
          o.end - o.start,
          'the runs of an occurrence add up to it',
        );
      }
    }
  });
});

describe('csv', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a, "b"'), '"a, ""b"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvCell('-1'), "'-1");
    assert.equal(csvCell(-1), '-1');
    assert.equal(csvCell(0.123456), '0.1235');
    assert.equal(csvCell(null), '');
  });

  it('writes one row per occurrence', () => {
    const report = {
      families: [
        {
          id: 'f1',
          root: 'true multilateralism',
          score: 2,
          statements: 2,
          speakers: 2,
          stability: 0.9,
          occurrences: [
            { doc: 'a', start: 0, end: 20, utf16_start: 0, utf16_end: 20, similarity: 1, text: 'true multilateralism' },
            {
              doc: 'b',
              start: 5,
              end: 28,
              utf16_start: 5,
              utf16_end: 28,
              similarity: 0.87,
              text: 'genuine multilateralism',
            },
          ],
        },
      ],
    };
    const csv = reportCsv(report, [{ id: 'a', title: 'A, first', speaker: 'X' }, { id: 'b' }]);
    const lines = csv.replace(/^\ufeff/, '').split('\r\n');
    assert.equal(lines.length, 4);
    assert.equal(lines[1], 'f1,true multilateralism,2,2,2,0.9,a,"A, first",X,,0,20,0,20,1,true multilateralism');
    assert.equal(lines[3], '');
  });
});

describe('share links', () => {
  it('pack and unpack a view', async () => {
    const view = {
      v: 1,
      st: [{ d: 'CHN_76_2021' }, { t: 'Ünïcödé 😀 text', ti: 'T' }],
      cols: [0, 1],
      tab: 'search',
      fam: 'f3',
      q: 'genuine',
      opt: { synonyms: false },
    };
    const p = await pack(view);
    assert.match(p, /^[zj][A-Za-z0-9_-]+$/);
    assert.deepEqual(await unpack(p), view);
    await assert.rejects(unpack('xnope'), /not a refrain link/);
  });

  it('carry the user’s texts when they fit, the demo and settings otherwise', async () => {
    const ws = (text) => ({
      statements: [
        { id: 'CHN_76_2021', source: 'demo', demoId: 'CHN_76_2021', title: 'T' },
        { id: 'u-1', source: 'user', text, title: 'Mine' },
      ],
      demoSet: 'multilateralism',
      columns: ['u-1', 'CHN_76_2021'],
      tab: 'read',
      family: 'f2',
      query: '',
      options: { min_words: 3 },
    });
    const small = await makeLink('http://127.0.0.1:8080/#old', ws('A short text.'));
    assert.equal(small.withTexts, true);
    assert.ok(small.url.startsWith('http://127.0.0.1:8080/#s='));
    const v = await readLink(new URL(small.url).hash);
    assert.equal(v.st[1].t, 'A short text.');
    assert.deepEqual(v.cols, [1, 0]);
    assert.deepEqual(v.opt, { min_words: 3 });
    const bytes = crypto.getRandomValues(new Uint8Array(60_000));
    const noise = Array.from(bytes, (b) => String.fromCharCode(97 + (b % 26))).join('');
    const big = await makeLink('http://127.0.0.1:8080/', ws(noise));
    assert.equal(big.withTexts, false);
    assert.equal(big.dropped, 1);
    assert.ok(big.url.length <= MAX_LINK);
    const bv = await readLink(new URL(big.url).hash);
    assert.equal(bv.st.length, 1);
    assert.equal(bv.partial, 1);
    assert.equal(await readLink('#main'), null);
  });
});

describe('share links are checked', () => {
  it('field by field, own properties only, and say what was wrong', () => {
    assert.deepEqual(checkView({ v: 1, st: [{ d: 'CHN_76_2021', ti: null }], cols: [0], opt: { max_families: 500 } }), {
      v: 1,
      st: [{ d: 'CHN_76_2021', ti: null }],
      cols: [0],
      opt: { max_families: 500 },
    });
    const problems = (view) => {
      try {
        checkView(view);
        return [];
      } catch (e) {
        assert.ok(e instanceof LinkError);
        return e.problems;
      }
    };
    assert.deepEqual(problems({ v: 1, st: [{ t: 'x', ti: { toString: 0 } }] }), ['statement 1’s title is not text']);
    assert.deepEqual(problems({ v: 1, st: [{}] }), ['statement 1 has neither a text nor a demo statement']);
    assert.deepEqual(problems({ v: 1, st: [{ t: 'x' }], cols: [3] }), ['the columns are not statements of the link']);
    assert.deepEqual(problems({ v: 1, st: [], opt: { toString: 1 } }), ['setting “toString” is not a setting']);
    assert.deepEqual(problems({ v: 1, st: [], opt: JSON.parse('{"__proto__": {"x": 1}}') }), [
      'setting “__proto__” is not a setting',
    ]);
    assert.deepEqual(problems({ v: 1, st: new Array(501).fill({ t: 'x' }) }), [
      'it holds 501 statements; a link may hold at most 500',
    ]);
    assert.deepEqual(problems(Object.create({ v: 1, st: [] })), ['it is not a refrain link']);
    assert.deepEqual(problems({ v: 1, st: [{ t: 'x', ti: 'y'.repeat(1001) }] }), [
      'statement 1’s title is longer than 1000 characters',
    ]);
  });

  it('and inflated with a cap: a bomb stops at 2 MB', async () => {
    const { deflateRawSync } = await import('node:zlib');
    const payload = `z${deflateRawSync(Buffer.alloc(50 << 20, 0x61)).toString('base64url')}`;
    await assert.rejects(unpack(payload), /unpacks to more than 2 MB/);
    await assert.rejects(unpack(`j${'A'.repeat(200_001)}`), /longer than any refrain link/);
    await assert.rejects(unpack('z!!'), /not in the form refrain writes/);
  });
});

describe('statements from files', () => {
  it('HTML without what the browser would run or apply', () => {
    assert.equal(
      inertHtml(
        '<html lang=fr><head><base href=x><title>T</title><script>a<b</script><style>p{}</style><link rel=x><meta a=b></head>' +
          '<body style="c" onload=x><p title="a>b" ONCLICK="y">A</p><textarea><p style=x></textarea><!-- <script> --></body></html>',
      ),
      '<html lang=fr><head><title>T</title></head><body><p title="a>b">A</p><textarea><p style=x></textarea><!-- <script> --></body></html>',
    );
  });

  it('CSV lists as RFC 4180 writes them', () => {
    assert.deepEqual(parseCsv('\ufeffa,b\r\n"x, y","say ""hi""\nthere"\r\n\r\nlast,'), [
      ['a', 'b'],
      ['x, y', 'say "hi"\nthere'],
      ['last', ''],
    ]);
  });

  it('sidecar metadata as the CLI reads it, country or organisation as a group', () => {
    assert.deepEqual(
      metadataOf({ title: ' A  title ', speaker: '', date: 2021, language: null, country: 'Chile' }, 'x'),
      {
        title: 'A title',
        date: '2021',
        country: 'Chile',
        group: 'Chile',
      },
    );
    assert.deepEqual(metadataOf({ organisation: 'EU', group: 'Europe' }, 'x'), { country: 'EU', group: 'Europe' });
    assert.throws(() => metadataOf({ date: { y: 1 } }, 'sidecar a.json'), /sidecar a\.json: “date” must be a string/);
    assert.deepEqual(metadataOf(Object.create({ speaker: 'inherited' }), 'x'), {});
  });
});

describe('groups', () => {
  it('of every kind, with their statement ids; no value is no group', () => {
    const sts = [
      { id: 'a', group: 'G77', speaker: 'Wang Yi', date: '2021-09-01', country: 'China' },
      { id: 'b', group: ' g77 ', speaker: null, date: 'autumn', country: 'Chile' },
      { id: 'c', group: null, speaker: 'wang  yi', date: '2022' },
      { id: 'd' },
    ];
    assert.deepEqual(
      groupsOf(sts).map((g) => [g.key, g.name, g.ids]),
      [
        ['group:g77', 'G77', ['a', 'b']],
        ['speaker:wang yi', 'Wang Yi', ['a', 'c']],
        ['country:chile', 'Chile', ['b']],
        ['country:china', 'China', ['a']],
        ['year:2021', '2021', ['a']],
        ['year:2022', '2022', ['c']],
      ],
    );
    assert.deepEqual([...groupIds(sts, 'speaker:wang yi')], ['a', 'c']);
    assert.equal(groupIds(sts, 'group:gone'), null);
    assert.equal(groupIds(sts, null), null);
  });
});

describe('a workspace', () => {
  it('takes statements up to its limits and names the ones it refuses', () => {
    const big = { title: 'Big', text: 'é'.repeat(LIMITS.statementBytes / 2 + 1) };
    const { accepted, refused } = admit([], [{ title: 'Small', text: 'ok' }, big, { text: 'also ok' }]);
    assert.deepEqual(
      accepted.map((s) => s.text),
      ['ok', 'also ok'],
    );
    assert.deepEqual(refused, [
      '“Big” has 8,388,610 bytes of text: a statement may have at most 8 MB, so it was not added.',
    ]);
    const full = Array.from({ length: LIMITS.statements - 1 }, (_, i) => ({ id: `s${i}`, text: 'x' }));
    const r = admit(full, [{ title: 'Last', text: 'y' }, { title: 'One more', text: 'z' }, { text: 'w' }]);
    assert.deepEqual(
      r.accepted.map((s) => s.title),
      ['Last'],
    );
    assert.deepEqual(r.refused, [
      '2 statements (the first: “One more”) were not added: a workspace holds at most 2,000 statements.',
    ]);
    assert.equal(utf8Bytes('aé😀\ud800'), 1 + 2 + 4 + 3);
  });

  it('from a link keeps its columns when a demo statement is left out', () => {
    const manifest = {
      statements: { A: { title: 'A', speaker: 'S', date: '2020' } },
      sets: [{ id: 'multilateralism', statements: ['A'] }],
    };
    const { ws, unknown } = fromLink(manifest, {
      v: 1,
      st: [{ d: 'toString' }, { d: 'A', gr: 'G' }, { t: 'text', i: 'u-abc' }],
      cols: [2, 1, 0],
    });
    assert.deepEqual(unknown, ['toString']);
    assert.deepEqual(
      ws.statements.map((s) => [s.id, s.group ?? null]),
      [
        ['A', 'G'],
        ['u-abc', null],
      ],
    );
    assert.deepEqual(ws.columns, ['u-abc', 'A']);
  });
});
