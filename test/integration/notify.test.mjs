// Deadline notices end to end: a task due soon, `xaso notify run`, the lead unit's officers
// see one notice each on /ca-nhan/thong-bao (also after a second run), mark it read; an
// officer of another unit sees only the notices of their own unit.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, DEMO_USERS, rawSql, startServer, xaso } from './harness.mjs';

// Monday 04/03/2024; Wednesday 06/03 is two working days later.
const TODAY = '2024-03-04';
const VP_TASK = 'Niêm yết công khai thủ tục hành chính';
const TP_TASK = 'Rà soát hồ sơ hộ tịch';

function unitId(server, code) {
  return rawSql(server, `SELECT u.id FROM unit u JOIN commune c ON c.id = u.commune_id
    WHERE c.slug = 'nhat-tan' AND u.code = '${code}'`);
}

function addTask(server, title, unitCode, due) {
  rawSql(server, `INSERT INTO plan_task (commune_id, plan_id, title, dimension, lead_unit_id,
      starts_on, due_on, status, created_at, updated_at)
    SELECT p.commune_id, p.id, '${title}', 3, ${unitId(server, unitCode)}, '2024-01-02', '${due}',
      'in_progress', 0, 0 FROM plan p WHERE p.number = '11/KH-UBND-IT'`);
}

function notifyRun(server) {
  const r = xaso(['notify', 'run', '--db', server.db, '--today', TODAY]);
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

function count(text, needle) { return text.split(needle).length - 1; }

describe('deadline notices', () => {
  let server;
  before(async () => {
    // No worker in the server: this test runs the passes itself, for its own date.
    server = await startServer({ env: { XASO_NOTIFY_INTERVAL: '0' } });
    // The demo's plan is 2024's too; its tasks are taken out so that only this test's count.
    rawSql(server, `UPDATE plan_task SET status = 'done', progress = 100`);
    rawSql(server, `INSERT INTO plan (commune_id, year, number, issued_on, title, created_at)
      SELECT id, 2024, '11/KH-UBND-IT', '2024-01-29', 'Kế hoạch thử', 0 FROM commune WHERE slug = 'nhat-tan'`);
    addTask(server, VP_TASK, 'vp_tk', '2024-03-06');
    addTask(server, TP_TASK, 'tp_ht', '2024-03-05');
    addTask(server, 'Nhiệm vụ còn xa', 'vp_tk', '2024-04-30');
    const user = xaso(['users', 'add', 'tuphap', '--name', 'Trần Văn Tư', '--role', 'officer',
      '--commune', 'nhat-tan', '--db', server.db], { XASO_PASSWORD: 'mat-khau-tu-phap' });
    assert.equal(user.status, 0, user.stderr);
    rawSql(server, `UPDATE account SET unit_id = ${unitId(server, 'tp_ht')} WHERE username = 'tuphap'`);
  });
  after(async () => { await server.stop(); });

  test('a run enqueues and delivers the notices of tasks due soon, once', () => {
    assert.match(notifyRun(server), /notify: 2 enqueued, 2 delivered, 0 failed/);
    assert.match(notifyRun(server), /notify: 0 enqueued, 0 delivered, 0 failed/);
  });

  test("the lead unit's officer sees the notice, with the unread count, and marks it read", async () => {
    const c = new Client(server.base);
    await c.signIn(DEMO_USERS.officer);
    let page = await (await c.get('/ca-nhan/thong-bao')).text();
    assert.equal(count(page, `Sắp đến hạn: ${VP_TASK} (hạn 06/03/2024)</a></h2>`), 1);
    assert.match(page, /còn 2 ngày làm việc/);
    assert.doesNotMatch(page, new RegExp(TP_TASK));
    assert.doesNotMatch(page, /Nhiệm vụ còn xa/);
    assert.match(page, /<strong class="badge">1<span class="sr-only"> chưa đọc<\/span><\/strong>/);
    const id = page.match(/name="id" value="(\d+)"/)[1];

    const res = await c.post('/ca-nhan/thong-bao/da-doc', { id });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/ca-nhan/thong-bao');
    page = await (await c.get('/ca-nhan/thong-bao')).text();
    assert.equal(count(page, `Sắp đến hạn: ${VP_TASK} (hạn 06/03/2024)</a></h2>`), 1);
    assert.doesNotMatch(page, /name="id"/);
    assert.doesNotMatch(page, /class="badge">\d/);
  });

  test("another unit's officer sees only their own unit's notice and cannot mark others'", async () => {
    const vp = new Client(server.base);
    await vp.signIn(DEMO_USERS.officer);
    const tp = new Client(server.base);
    await tp.signIn('tuphap', 'mat-khau-tu-phap');
    const page = await (await tp.get('/ca-nhan/thong-bao')).text();
    assert.doesNotMatch(page, new RegExp(VP_TASK));
    assert.equal(count(page, `Sắp đến hạn: ${TP_TASK} (hạn 05/03/2024)</a></h2>`), 1);
    const vpId = rawSql(server, `SELECT n.id FROM notice n JOIN account a ON a.id = n.account_id
      WHERE a.username = '${DEMO_USERS.officer}'`);
    const res = await tp.post('/ca-nhan/thong-bao/da-doc', { id: vpId });
    assert.equal(res.status, 404);
    const clerk = new Client(server.base);
    await clerk.signIn(DEMO_USERS.clerk);  // the one-stop desk: nothing for it
    assert.match(await (await clerk.get('/ca-nhan/thong-bao')).text(), /Chưa có thông báo nào/);
  });

  test('a bad notice id is 404, not an error', async () => {
    const c = new Client(server.base);
    await c.signIn(DEMO_USERS.officer);
    for (const id of ['', 'abc', '-1', '99999999999999999999']) {
      assert.equal((await c.post('/ca-nhan/thong-bao/da-doc', { id })).status, 404, id);
    }
  });

  test('--today must be a date', () => {
    const r = xaso(['notify', 'run', '--db', server.db, '--today', '04/03/2024']);
    assert.equal(r.status, 2);
  });
});
