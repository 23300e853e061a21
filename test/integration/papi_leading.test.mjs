// PAPI leading indicators (issue 6, item 6): the API and the staff page give, for the demo
// commune, the shares counted from its own records, each mapped to its PAPI sub-dimension and
// labelled as a proxy; the expected numbers are counted here with SQL, not copied from the demo.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, rawSql, startServer } from './harness.mjs';

const API = '/api/v1/papi/leading-indicators';
const PAGE = '/quan-ly/papi/chi-bao';
// Wide enough for every demo record, so no deadline moved off a day off crosses its edge.
const FROM = '2000-01';
const TO = '2099-12';

describe('PAPI leading indicators', () => {
  let server, leader, citizen, communeId;
  before(async () => {
    server = await startServer();
    leader = new Client(server.base);
    await leader.signIn('chutich');
    citizen = new Client(server.base);
    await citizen.signIn('congdan');
    communeId = rawSql(server, "SELECT id FROM commune WHERE slug = 'nhat-tan'");
  });
  after(async () => { await server.stop(); });

  const count = (sql) => Number(rawSql(server, sql) || 0);
  const byCode = (json) => Object.fromEntries(json.indicators.map((i) => [i.code, i]));

  async function expectedTasks() {
    // The effective deadline (moved off days off) as the plan API reports it.
    const deadlines = new Map();
    let afterId = 0;
    while (afterId !== null) {
      const { status, json } = await leader.api(`/api/v1/tasks?after=${afterId}&limit=100`);
      assert.equal(status, 200);
      for (const t of json.tasks) deadlines.set(String(t.id), t.deadline);
      afterId = json.next_after;
    }
    const rows = rawSql(server, `SELECT id, status, COALESCE(done_on, '') FROM plan_task
        WHERE commune_id = ${communeId} AND recurrence = 'none'`).split('\n').filter(Boolean);
    const today = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
    let num = 0, den = 0;
    for (const row of rows) {
      const [id, status, doneOn] = row.split('|');
      const due = deadlines.get(id);
      assert.ok(due, `task ${id} has a deadline`);
      const done = status === 'done';
      if (!done && today <= due) continue;
      den += 1;
      if (done && doneOn && doneOn <= due) num += 1;
    }
    assert.ok(den > 0, 'the demo has one-off tasks due');
    return { num, den };
  }

  test('the API counts the commune\'s records, each mapped to its sub-dimension', async () => {
    const { status, json } = await leader.api(`${API}?from=${FROM}&to=${TO}`);
    assert.equal(status, 200);
    assert.equal(json.from, FROM);
    assert.equal(json.to, TO);
    const li = byCode(json);
    assert.deepEqual(Object.keys(li).sort(),
      ['disclosure_on_time', 'dossier_on_time', 'dossier_satisfied', 'feedback_on_time', 'plan_task_on_time']);
    for (const i of json.indicators) {
      assert.equal(i.note, 'chỉ báo gần đúng, không phải điểm PAPI');
      assert.equal(i.share, i.denominator === 0 ? null : i.numerator / i.denominator);
    }
    assert.equal(li.dossier_on_time.subdimension, '5.4');
    assert.equal(li.dossier_satisfied.subdimension, '5.4');
    assert.equal(li.feedback_on_time.subdimension, '3.2');
    assert.equal(li.plan_task_on_time.subdimension, '2.1');
    assert.equal(li.disclosure_on_time.subdimension, '2.1');
    assert.ok(li.disclosure_on_time.numerator <= li.disclosure_on_time.denominator);

    const dossiers = `FROM dossier WHERE commune_id = ${communeId}`;
    assert.equal(li.dossier_on_time.denominator, count(`SELECT COUNT(*) ${dossiers} AND timeliness <> ''`));
    assert.equal(li.dossier_on_time.numerator,
      count(`SELECT COUNT(*) ${dossiers} AND timeliness IN ('early', 'on_time')`));
    assert.equal(li.dossier_satisfied.denominator, count(`SELECT COUNT(*) ${dossiers} AND satisfaction <> ''`));
    assert.equal(li.dossier_satisfied.numerator,
      count(`SELECT COUNT(*) ${dossiers} AND satisfaction IN ('very_satisfied', 'satisfied')`));
    assert.ok(li.dossier_on_time.denominator > 0, 'the demo has finished dossiers');

    const answers = `FROM feedback_answer_stat WHERE commune_id = ${communeId}`;
    assert.equal(li.feedback_on_time.denominator, count(`SELECT SUM(n) ${answers}`));
    assert.equal(li.feedback_on_time.numerator, count(`SELECT SUM(n) ${answers} AND on_time = 1`));
    assert.ok(li.feedback_on_time.denominator > 0, 'the demo has answered feedback');

    const tasks = await expectedTasks();
    assert.equal(li.plan_task_on_time.numerator, tasks.num);
    assert.equal(li.plan_task_on_time.denominator, tasks.den);
  });

  test('a month range with no records has no shares', async () => {
    const { status, json } = await leader.api(`${API}?from=2001-01&to=2001-02`);
    assert.equal(status, 200);
    for (const i of json.indicators) {
      assert.equal(i.denominator, 0, i.code);
      assert.equal(i.share, null, i.code);
    }
  });

  test('a malformed month is a 400 naming the field', async () => {
    for (const q of ['from=2026-13', 'to=2026-1', 'from=2026-05&to=2026-04', 'from=abc']) {
      const { status, json } = await leader.api(`${API}?${q}`);
      assert.equal(status, 400, q);
      assert.ok(json.error.fields.some((f) => f.field === 'from'), q);
    }
    const page = await leader.get(`${PAGE}?tu=2026-13`);
    assert.equal(page.status, 400);
    assert.match(await page.text(), /Tháng không hợp lệ/);
  });

  test('a citizen is refused', async () => {
    assert.equal((await citizen.get(`${API}?from=${FROM}&to=${TO}`)).status, 403);
    assert.equal((await citizen.get(PAGE)).status, 403);
  });

  test('the page shows each proxy with its sub-dimension and the share with a decimal comma', async () => {
    const { json } = await leader.api(`${API}?from=${FROM}&to=${TO}`);
    const res = await leader.get(`${PAGE}?tu=${FROM}&den=${TO}`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /Chỉ báo sớm PAPI/);
    assert.match(html, /Chỉ báo gần đúng, không phải điểm PAPI/);
    assert.match(html, /3\.2 Giải đáp khiếu nại, tố cáo, khúc mắc của người dân/);
    assert.match(html, /5\.4 Dịch vụ hành chính cấp xã\/phường/);
    for (const i of json.indicators) {
      const row = html.match(new RegExp(`<tr data-code="${i.code}">([\\s\\S]*?)</tr>`));
      assert.ok(row, i.code);
      assert.match(row[1], /chỉ báo gần đúng/);
      const expected = i.share === null ? '—'
        : `${(Math.round(i.share * 1000) / 10).toFixed(1).replace('.', ',').replace(/,0$/, '')}%`;
      assert.ok(row[1].includes(`>${expected}<`), `${i.code}: ${expected} in ${row[1]}`);
    }
  });
});
