// `xaso papi benchmark import FILE` (issue 6, item 5): a published provincial score file of a
// wave after the build reaches the PAPI dashboard without a rebuild — a new year column, and the
// benchmark of the commune's self-assessment — and a file with an error stores nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, rawSql, startServer, xaso } from './harness.mjs';

const PAGE = '/quan-ly/papi';
const SHIPPED = path.resolve(path.dirname(fileURLToPath(import.meta.url)),
  '../../data/papi/benchmark_hung_yen.csv');

// The shipped header and Hưng Yên's 2024 row relabelled `year`, every published score raised by
// `delta` (still in range), so the aggregate is 2024's 44,4040 + 28 × delta.
function hungYen(year, delta) {
  const [header, ...rows] = readFileSync(SHIPPED, 'utf8').trim().split('\n');
  const cells = rows.find((r) => r.startsWith('Hưng Yên,2024,')).split(',');
  const scores = cells.slice(2).map((c) => (c === '' ? '' : (Number(c) + delta).toFixed(4)));
  return { header, row: ['Hưng Yên', year, ...scores].join(',') };
}
function text(html) {
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}
function years(html) {
  const table = html.replace(/<table id="papi-self-years">[\s\S]*?<\/table>/, '');
  return [...table.matchAll(/<tr data-year="(\d+)">/g)].map((m) => Number(m[1]));
}
function yearRow(html, year) {
  const m = html.replace(/<table id="papi-self-years">[\s\S]*?<\/table>/, '')
    .match(new RegExp(`<tr data-year="${year}">([\\s\\S]*?)</tr>`));
  assert.ok(m, `the ${year} row`);
  return text(m[1]);
}

describe('PAPI benchmark import', () => {
  let server, leader, dir;
  before(async () => {
    server = await startServer();
    leader = new Client(server.base);
    await leader.signIn('chutich');
    dir = mkdtempSync(path.join(os.tmpdir(), 'xaso-bench-'));
  });
  after(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const page = async () => {
    const res = await leader.get(PAGE);
    assert.equal(res.status, 200);
    return res.text();
  };
  const importFile = (name, lines) => {
    const file = path.join(dir, name);
    writeFileSync(file, lines.join('\n') + '\n');
    return xaso(['papi', 'benchmark', 'import', file, '--db', server.db]);
  };
  const stored = () => Number(rawSql(server, 'SELECT COUNT(*) FROM papi_benchmark'));

  test('a 2025 file adds a year to the dashboard and becomes the self-assessment benchmark', async () => {
    const before = await page();
    assert.deepEqual(years(before), [2022, 2023, 2024]);
    assert.match(before, /Điểm của tỉnh dùng để so sánh: năm 2024/);

    const { header, row } = hungYen(2025, 0.01);
    const r = importFile('2025.csv', [header, row]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'imported 1 rows: Hưng Yên 2025\n');
    assert.equal(stored(), 28);  // 5.2 is blank from 2021: no row

    const html = await page();
    assert.deepEqual(years(html), [2022, 2023, 2024, 2025]);
    assert.match(yearRow(html, 2025), /44,6840/);
    assert.match(yearRow(html, 2024), /44,4040/);  // the shipped years stay
    assert.match(html, /<th scope="col">2025<\/th>/);  // the dimension table
    // The self-assessment of the demo's years (last year and this) is compared with 2025 now.
    assert.match(html, /Điểm của tỉnh dùng để so sánh: năm 2025/);
    assert.match(text(html), /44,6840 \(2025\)/);
    assert.doesNotMatch(text(html), /44,4040 \(2024\)/);

    // A corrected file replaces the year; it never adds to it.
    const corrected = hungYen(2025, 0.02);
    const again = importFile('2025b.csv', [corrected.header, corrected.row]);
    assert.equal(again.status, 0, again.stderr);
    assert.equal(stored(), 28);
    const replaced = await page();
    assert.match(yearRow(replaced, 2025), /44,9640/);
    assert.doesNotMatch(replaced, /44,6840/);
  });

  test('a file with a bad cell: exit 1 naming the line and the column, nothing stored', async () => {
    const count = stored();
    const before = await page();
    const good = hungYen(2026, 0);
    const bad = hungYen(2027, 0).row.replace(/^Hưng Yên,2027,[^,]*,/, 'Hưng Yên,2027,1.x,');
    const r = importFile('bad.csv', [good.header, good.row, bad]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /dòng 3, cột 3 \(1\.1\)/);
    assert.match(r.stderr, /'1\.x' không phải là số/);
    assert.equal(r.stdout, '');
    assert.equal(stored(), count);  // the good 2026 row was not stored either
    const after = await page();
    assert.deepEqual(years(after), years(before));
    assert.equal(yearRow(after, 2025), yearRow(before, 2025));
  });
});
