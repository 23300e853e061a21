// `xaso papi rank`: ranks and quartile groups of units from a CSV of PAPI sub-dimension scores
// (ADR 0011), in CSV and JSON, and a bad file refused with its lines and columns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { xaso } from './harness.mjs';

// The 28 sub-dimensions that still apply (5.2 was dropped after 2020).
const CODES = ['1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '2.3', '2.4', '3.1', '3.2', '3.3', '4.1',
  '4.2', '4.3', '4.4', '5.1', '5.3', '5.4', '6.1', '6.2', '6.3', '6.4', '7.1', '7.2', '7.3', '8.1',
  '8.2', '8.3'];

function row(unit, value, blank) {
  return [unit, ...CODES.map((c) => (c === blank ? '' : value))].join(',');
}

test('papi rank', async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'xaso-papi-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'communes.csv');
  // Aggregates 28 × value: A 28, B 33.6, C 39.2, D 22.4, E 33.6; F has no 6.2, so no D6 and no
  // aggregate. Over the five: P25 28, P50 33.6, P75 33.6.
  writeFileSync(file, [
    ['unit', ...CODES].join(','),
    row('Xã A', '1.0'), row('Xã B', '1.2'), row('Xã C', '1.4'), row('Xã D', '0.8'),
    row('Xã E', '1.2'), row('Xã F', '1.0', '6.2'),
  ].join('\n') + '\n');

  await t.test('CSV: ranks with ties, groups with boundaries in the lower group', () => {
    const r = xaso(['papi', 'rank', '--input', file]);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.match(lines[0], /^unit,year,aggregate,aggregate_rank,aggregate_group,d1,d1_rank,d1_group,/);
    const first5 = (unit) => lines.find((l) => l.startsWith(unit + ',')).split(',').slice(0, 5).join(',');
    assert.equal(first5('Xã C'), 'Xã C,,39.2000,1,high');
    assert.equal(first5('Xã B'), 'Xã B,,33.6000,2,low_average'); // equal to P50 and P75
    assert.equal(first5('Xã E'), 'Xã E,,33.6000,2,low_average');
    assert.equal(first5('Xã A'), 'Xã A,,28.0000,4,low'); // equal to P25
    assert.equal(first5('Xã D'), 'Xã D,,22.4000,5,low');
    assert.equal(first5('Xã F'), 'Xã F,,,,');
    const f = lines.find((l) => l.startsWith('Xã F,')).split(',');
    assert.deepEqual(f.slice(5, 8), ['4.0000', '4', 'low']); // D1 4.0 ties A over six units
    assert.deepEqual(f.slice(20, 23), ['', '', '']); // D6 blank
  });

  await t.test('JSON', () => {
    const r = xaso(['papi', 'rank', '--input', file, '--format', 'json']);
    assert.equal(r.status, 0, r.stderr);
    const units = JSON.parse(r.stdout);
    assert.equal(units.length, 6);
    const c = units.find((u) => u.unit === 'Xã C');
    assert.equal(c.year, null);
    assert.deepEqual(c.aggregate, {
      score: 39.2, rank: 1, of: 5, group: 'high', group_vi: 'nhóm đạt điểm cao nhất',
    });
    assert.equal(c.dimensions.length, 8);
    assert.deepEqual(c.dimensions[4], {
      dimension: 5, score: 4.2, rank: 1, of: 6, group: 'high', group_vi: 'nhóm đạt điểm cao nhất',
    });
    const fRow = units.find((u) => u.unit === 'Xã F');
    assert.deepEqual(fRow.aggregate, { score: null });
    assert.deepEqual(fRow.dimensions[5], { dimension: 6, score: null });
  });

  await t.test('the shipped benchmark file ranks each year on its own', () => {
    const r = xaso(['papi', 'rank', '--input', fileURLToPath(new URL('../../data/papi/benchmark_hung_yen.csv', import.meta.url))]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Hưng Yên,2022,44\.183\d,1,low,5\.4941,1,low,/m);
  });

  await t.test('a bad file is refused with its lines and columns, exit 2', () => {
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, [['unit', ...CODES].join(','), row('Xã A', '2.6', ''), row('Xã B', 'abc')]
      .join('\n') + '\n');
    const r = xaso(['papi', 'rank', '--input', bad]);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /dòng 2, cột 2 \(1\.1\): điểm 2\.6 ngoài khoảng 0\.2500–2\.5000/);
    assert.match(r.stderr, /dòng 3, cột 2 \(1\.1\): 'abc' không phải là số/);
    const missing = xaso(['papi', 'rank', '--input', path.join(dir, 'none.csv')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /không đọc được tệp/);
  });
});
