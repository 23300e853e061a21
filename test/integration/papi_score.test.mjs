// `xaso papi score` end to end: the binary reads the CSV files, scores them with the built-in
// indicator catalogue or another one, and prints CSV or JSON; bad input exits 2 naming the line
// and the column. No database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { xaso } from './harness.mjs';

const dir = mkdtempSync(path.join(os.tmpdir(), 'xaso-papi-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

function file(name, text) {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

// The CSV output as one object per unit, keyed by column.
function rows(csv) {
  const [header, ...lines] = csv.trim().split('\n');
  const columns = header.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [columns[i], v])));
}

test('aggregate values reproduce 2019 Hà Nội 7.3 water (PAPI.md §5.3)', () => {
  const input = file('agg.csv', 'unit,indicator,value,n\nHà Nội,7.3.a,0.006069,720\n' +
    'Hà Nội,7.3.b,0.01211,720\nHà Nội,7.3.c,0.03737,720\n');
  const r = xaso(['papi', 'score', '--level', 'aggregate', '--year', '2019', '--input', input]);
  assert.equal(r.status, 0, r.stderr);
  const [hanoi] = rows(r.stdout);
  assert.equal(hanoi.unit, 'Hà Nội');
  assert.equal(hanoi['7.3'], '0.3889');
  assert.equal(hanoi['5.2'], '');  // 2019 still has 5.2; not given, so blank
  assert.equal(hanoi.D7, '');
  assert.equal(hanoi.total, '');
});

test('respondent rows: weights, suppression below 15 answers and bootstrap SEs in JSON', () => {
  let csv = 'unit,weight,7.3.a,7.3.b,7.3.c\n';
  for (let i = 0; i < 16; i++) csv += `A,${i < 8 ? 3 : 1},${i < 8 ? 1 : 0},1,0\n`;
  for (let i = 0; i < 14; i++) csv += 'B,1,1,1,1\n';
  const input = file('resp.csv', csv);
  const r = xaso(['papi', 'score', '--input', input, '--format', 'json', '--seed', '7']);
  assert.equal(r.status, 0, r.stderr);
  const [a, b] = JSON.parse(r.stdout);
  assert.equal(a.unit, 'A');
  assert.equal(a.year, 2024);
  // a: weighted mean 0.75, b: 1, c: 0 → m = 1.75 / 3 → S = (1 + 9m) / 3.
  assert.equal(a.subdimensions['7.3'].score, 2.0833);
  assert.ok(a.subdimensions['7.3'].se > 0);
  assert.ok(a.subdimensions['7.3'].low < 2.0833 && a.subdimensions['7.3'].high > 2.0833);
  assert.equal(a.dimensions['7'].score, null);  // 7.1 and 7.2 were not asked
  assert.equal(b.subdimensions['7.3'].score, null);  // 14 answers
  assert.equal(a.subdimensions['5.2'], undefined);  // not scored from 2021
  const again = xaso(['papi', 'score', '--input', input, '--format', 'json', '--seed', '7']);
  assert.equal(again.stdout, r.stdout);
});

test('bad input exits 2 naming the line and the column', () => {
  const cases = [
    [['--input', file('bad1.csv', 'unit,7.3.a\nA,1\nA,1.5\n')], 'dòng 3, cột 7.3.a: giá trị 1.5 ngoài khoảng [0, 1]'],
    [['--input', file('bad2.csv', 'unit,9.9.z\nA,1\n')], 'dòng 1, cột 9.9.z: không có chỉ tiêu 9.9.z'],
    [['--level', 'aggregate', '--input', file('bad3.csv', 'unit,indicator,value\nA,5.1.e,7\n')],
      'dòng 2, cột value: giá trị 7 ngoài khoảng [1, 5]'],
    [['--input', file('ok.csv', 'unit,x\nA,1\n'), '--catalog',
      file('cat.csv', 'indicator,subdimension,dimension,lower,upper,direction,label_vi,label_en\nx,7.3,7,1,0,positive,a,b\n')],
      'cat.csv: dòng 2, cột upper: cận trên phải lớn hơn cận dưới'],
    [['--input', path.join(dir, 'missing.csv')], 'không đọc được tệp'],
  ];
  for (const [args, message] of cases) {
    const r = xaso(['papi', 'score', ...args]);
    assert.equal(r.status, 2, r.stderr);
    assert.ok(r.stderr.includes(message), r.stderr);
    assert.equal(r.stdout, '');
  }
});

test('another catalogue replaces the built-in one', () => {
  const catalog = file('mine.csv', 'indicator,subdimension,dimension,lower,upper,direction,label_vi,label_en\n' +
    'x,7.3,7,1,5,negative,Mức ô nhiễm,Pollution\n');
  const input = file('mine_in.csv', 'unit,indicator,value\nA,x,2\n');
  const r = xaso(['papi', 'score', '--level', 'aggregate', '--catalog', catalog, '--input', input]);
  assert.equal(r.status, 0, r.stderr);
  // reversed: 1 − (2 − 1) / 4 = 0.75 → (1 + 6.75) / 3
  assert.equal(rows(r.stdout)[0]['7.3'], '2.5833');
});
