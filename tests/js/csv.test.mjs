// One CSV schema: `refrain compare --csv` (the built CLI, target/debug/refrain) and the page's export
// (www/js/export.js) on the same report write the same bytes: columns, order, rounding, quoting and the
// formula guard (the page adds a byte order mark). docs/report.md, "CSV", describes the schema.
//   cargo build && node --test tests/js/csv.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CSV_COLUMNS, reportCsv } from '../../www/js/export.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = process.env.REFRAIN_BIN || join(ROOT, 'target', 'debug', 'refrain');
if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`cargo build\` first (or set REFRAIN_BIN)`);

const refrain = (cwd, args) => execFileSync(BIN, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });

/** The CLI's CSV and the page's CSV of the CLI's JSON report of the same files. */
function both(cwd, files) {
  const cli = refrain(cwd, ['compare', '--csv', ...files]);
  const report = JSON.parse(refrain(cwd, ['compare', '--json', ...files]));
  const page = reportCsv(report, report.statements);
  assert.ok(page.startsWith('\ufeff'), 'the page writes a byte order mark');
  return { cli, page: page.slice(1), report };
}

test('the header is the same, and is CSV_COLUMNS', () => {
  const { cli, page } = both(join(ROOT, 'tests', 'fixtures', 'official'), ['en', 'zh']);
  const header = (csv) => csv.slice(0, csv.indexOf('\r\n'));
  assert.equal(header(cli), header(page));
  assert.equal(header(cli), CSV_COLUMNS.join(','));
});

test('English and Chinese statements give the same CSV', () => {
  const { cli, page, report } = both(join(ROOT, 'tests', 'fixtures', 'official'), ['en', 'zh']);
  const rows = report.families.reduce((n, f) => n + f.occurrences.length, 0);
  assert.ok(rows > 10, 'a report with families');
  assert.equal(cli.split('\r\n').length, rows + 2, 'a header, one row per occurrence, CRLF after each');
  assert.ok(/[\u4e00-\u9fff]/.test(cli), 'Chinese text in the rows');
  assert.ok(/,0\.\d{1,4},/.test(cli), 'rounded decimals in the rows');
  assert.equal(cli, page);
});

test('quoting and the formula guard are the same', () => {
  const dir = mkdtempSync(join(tmpdir(), 'refrain-csv-'));
  try {
    const a =
      'We must practise true multilateralism and build common, comprehensive, cooperative and sustainable security.\n';
    const b =
      'All countries should practice "genuine multilateralism" and uphold common, comprehensive, cooperative and sustainable security.\n';
    writeFileSync(join(dir, 'a.txt'), a);
    writeFileSync(join(dir, 'b.txt'), b);
    writeFileSync(join(dir, '=c.txt'), `${a}${b}`);
    writeFileSync(
      join(dir, 'a.json'),
      JSON.stringify({ title: '=HYPERLINK("http://example.com")', speaker: '-Alice, "the" speaker', date: '+2021' }),
    );
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ title: '@home', speaker: '\tBob', date: '2023-05-01' }));
    const { cli, page } = both(dir, ['a.txt', 'b.txt', '=c.txt']);
    assert.ok(cli.includes(`"'=HYPERLINK(""http://example.com"")"`), cli);
    assert.ok(cli.includes(`"'-Alice, ""the"" speaker"`), cli);
    assert.ok(cli.includes(",'+2021,") && cli.includes(",'@home,") && cli.includes(",'\tBob,"), cli);
    assert.ok(cli.includes(",'=c.txt,"), 'an id that looks like a formula is guarded too');
    assert.equal(cli, page);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
