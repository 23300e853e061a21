// The commune's PAPI self-assessment on the dashboard (issue 6, item 5; ADR 0012): the demo's
// PAPI surveys of last year and this year scored by the PAPI method with 90% intervals, beside
// the province's latest published year; weak spots by the self-assessment rule; a new answer
// sheet shows at once.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, rawSql, startServer } from './harness.mjs';

const PAGE = '/quan-ly/papi';
const YEAR = new Date().getFullYear();

function text(html) {
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}
function selfRow(html, year) {
  const table = html.match(/<table id="papi-self-years">[\s\S]*?<\/table>/);
  assert.ok(table, 'the self-assessment table');
  const m = table[0].match(new RegExp(`<tr data-year="${year}">([\\s\\S]*?)</tr>`));
  assert.ok(m, `the ${year} row`);
  return text(m[1]);
}

describe('PAPI self-assessment', () => {
  let server, leader;
  before(async () => {
    server = await startServer();
    leader = new Client(server.base);
    await leader.signIn('chutich');
  });
  after(async () => { await server.stop(); });

  const page = async () => {
    const res = await leader.get(PAGE);
    assert.equal(res.status, 200);
    return res.text();
  };

  test('each year of the commune beside the province, with intervals and the national group', async () => {
    const html = await page();
    const counts = rawSql(server, `SELECT s.year || ':' || COUNT(r.id) FROM survey s JOIN survey_response r ON r.survey_id = s.id WHERE s.preset = 'papi' GROUP BY s.year ORDER BY s.year`);
    assert.deepEqual(counts.split('\n'), [`${YEAR - 1}:200`, `${YEAR}:160`]);
    for (const [year, n] of [[YEAR - 1, 200], [YEAR, 160]]) {
      const row = selfRow(html, year);
      assert.match(row, new RegExp(` ${n} `));
      // The aggregate with its interval, lower < point < upper, inside [8, 80].
      const m = row.match(/(\d+),(\d{4}) \((\d+),(\d{4})–(\d+),(\d{4})\)/);
      assert.ok(m, row);
      const [point, low, high] = [[1, 2], [3, 4], [5, 6]].map(([a, b]) => Number(`${m[a]}.${m[b]}`));
      assert.ok(low < point && point < high && low >= 8 && high <= 80, row);
      // The province's latest published year (2024) is the benchmark, named as such.
      assert.match(row, /44,4040 \(2024\)/);
      assert.match(row, /nhóm đạt điểm/);
    }
    assert.match(html, /không phải điểm PAPI chính thức/);
    assert.match(html, /Quy tắc đánh dấu yếu: điểm tự đánh giá gần nhất của xã/);
  });

  test('weak spots: below the province or fallen beyond both intervals, and nothing else', async () => {
    const html = await page();
    const rows = [...html.matchAll(/<tr data-code="([\d.]+)">([\s\S]*?)<\/tr>/g)];
    assert.ok(rows.length >= 28);
    const num = (s) => Number(s.replace(',', '.'));
    let weak = 0;
    for (const [, code, cells] of rows) {
      const self = cells.match(/<td class="self">(\d+,\d{4}) \((\d+,\d{4})–(\d+,\d{4})\)<\/td>/);
      if (!self) continue;  // blank: never weak
      const province2024 = [...cells.matchAll(/<td>(\d+,\d{4})<\/td>/g)].map((m) => num(m[1])).at(-1);
      const isWeak = /class="weak"/.test(cells);
      if (num(self[1]) < province2024) {
        assert.ok(isWeak, `${code} is below the province`);
        const clearly = num(self[3]) < province2024;
        assert.match(cells, clearly ? /thấp hơn tỉnh rõ rệt/ : /có thể do ngẫu nhiên/, code);
      } else if (isWeak) {
        assert.match(cells, /giảm so với lần tự đánh giá trước/, code);
        assert.doesNotMatch(cells, /thấp hơn tỉnh/, code);
      }
      if (isWeak) weak++;
    }
    assert.ok(weak > 0, 'the demo has weak spots');
  });

  test('an interview entered by the clerk counts at once', async () => {
    const id = rawSql(server, `SELECT id FROM survey WHERE preset = 'papi' AND year = ${YEAR}`);
    const clerk = new Client(server.base);
    await clerk.signIn('motcua');
    const form = await clerk.get(`/quan-ly/khao-sat/${id}/phong-van`);
    assert.equal(form.status, 200);
    // The first option of every single-choice question (the server drops the follow-ups the
    // answers hide).
    const sheet = {};
    for (const [, name, value] of (await form.text()).matchAll(/type="radio" id="[^"]+" name="(q\.[^"]+)" value="([^"]+)"/g)) {
      if (!(name in sheet)) sheet[name] = value;
    }
    assert.ok(Object.keys(sheet).length > 100);
    const res = await clerk.post(`/quan-ly/khao-sat/${id}/phong-van`, sheet);
    assert.ok([200, 303].includes(res.status), `got ${res.status}: ${text(await res.text()).slice(0, 300)}`);
    assert.match(selfRow(await page(), YEAR), / 161 /);
  });
});
