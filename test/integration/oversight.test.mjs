// Inspections and supervision (plan II.4, III.3) through the real pages and API: the answer
// due date from the rule book and the legal calendar, who may answer, late flags, findings
// reopened and closed by re-inspections, bad input (422) and stale versions (409).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, DEMO_USERS, startServer, xaso } from './harness.mjs';

async function as(server, role) {
  const c = new Client(server.base);
  await c.signIn(DEMO_USERS[role]);
  return c;
}

async function unitId(c, page, name) {
  const html = await (await c.get(page)).text();
  const m = html.match(new RegExp(`<option value="(\\d+)"[^>]*>${name}</option>`));
  assert.ok(m, `no option for ${name} on ${page}`);
  return m[1];
}

function versionOf(html, action) {
  const i = html.indexOf(`action="${action}"`);
  assert.ok(i >= 0, `no form for ${action}`);
  return html.slice(i).match(/name="version" value="(\d+)"/)[1];
}

describe('supervision recommendations', () => {
  let server;
  before(async () => { server = await startServer(); });
  after(async () => { await server.stop(); });

  test('a late answer is flagged to the leaders through the outbox', async () => {
    const r = xaso(['notify', 'run', '--db', server.db]);
    assert.equal(r.status, 0, r.stderr);
    const leader = await as(server, 'leader');
    const page = await (await leader.get('/ca-nhan/thong-bao')).text();
    assert.match(page, /Quá hạn trả lời kiến nghị/);
    assert.match(page, /href="\/quan-ly\/giam-sat\/\d+"/);
    // Notices of a supervision answer are the leaders' and the unit's, not the supervisor's.
    const sup = await as(server, 'supervisor');
    assert.doesNotMatch(await (await sup.get('/ca-nhan/thong-bao')).text(), /Quá hạn trả lời kiến nghị/);
  });

  test('a recommendation due on a weekend is due the Monday after; only its unit or a leader answers', async () => {
    const sup = await as(server, 'supervisor');
    const desk = await unitId(sup, '/quan-ly/giam-sat', 'Bộ phận Một cửa');
    // 26/04/2024 + 15 days = Saturday 11/05/2024, so the answer is due Monday 13/05/2024.
    const res = await sup.post('/quan-ly/giam-sat', {
      body: 'bttnd', reference: '05/KN-BTTND', received_on: '26/04/2024',
      title: 'Niêm yết phí, lệ phí', content: 'Đề nghị niêm yết đầy đủ phí, lệ phí.', assigned_unit: desk,
    });
    assert.equal(res.status, 303);
    const page = res.headers.get('location');
    assert.match(page, /^\/quan-ly\/giam-sat\/\d+$/);
    const html = await (await sup.get(page)).text();
    assert.match(html, /13\/05\/2024/);
    assert.match(html, /supervision\.answer_max/);
    assert.match(html, /Quá hạn trả lời/);

    const officer = await as(server, 'officer');  // Văn phòng – Thống kê, not the one-stop desk
    const denied = await officer.post(page, { version: '1', answered_on: '10/05/2024', answer: 'Đã niêm yết.' });
    assert.equal(denied.status, 403);

    const leader = await as(server, 'leader');
    const form = await (await leader.get(page)).text();
    const version = versionOf(form, page);
    const early = await leader.post(page, { version, answered_on: '25/04/2024', answer: 'Đã niêm yết.' });
    assert.equal(early.status, 422);
    assert.match(await early.text(), /Ngày trả lời không được trước ngày nhận kiến nghị \(26\/04\/2024\)/);
    const ok = await leader.post(page, { version, answered_on: '10/05/2024', answer_reference: '60/UBND', answer: 'Đã niêm yết.' });
    assert.equal(ok.status, 303);
    const answered = await (await leader.get(page)).text();
    assert.match(answered, /Đã trả lời ngày 10\/05\/2024/);
    assert.doesNotMatch(answered, /Quá hạn trả lời|Trả lời muộn/);
  });

  test('the demo recommendation past its due date is listed first and flagged; a stale answer gets 409', async () => {
    const leader = await as(server, 'leader');
    const html = await (await leader.get('/quan-ly/giam-sat')).text();
    assert.match(html, /Số kiến nghị quá hạn trả lời: \d+/);
    const rows = html.split('<tr').slice(2);
    assert.match(rows[0], /class="late"/);
    const api = await (await leader.get('/api/v1/recommendations?status=open&limit=1')).json();
    assert.equal(api.recommendations.length, 1);
    assert.ok(api.next_after);
    const all = await (await leader.get('/api/v1/recommendations')).json();
    const late = all.recommendations.find((r) => r.reference === '03/KN-BTTND');
    assert.equal(late.late, true);
    assert.equal(late.status, 'open');
    const onTime = all.recommendations.find((r) => r.reference === '12/KN-MTTQ');
    assert.equal(onTime.late, false);
    assert.equal(onTime.status, 'answered');
    const stale = await leader.post(`/quan-ly/giam-sat/${late.id}`, {
      version: String(late.version + 5), answered_on: late.received_on, answer: 'Trả lời.',
    });
    assert.equal(stale.status, 409);
  });

  test('the API records a recommendation with its due date and rule version', async () => {
    const sup = await as(server, 'supervisor');
    // 15/04/2024 + 15 = 30/04/2024, a holiday with 01/05: due Thursday 02/05/2024.
    const res = await sup.postJson('/api/v1/recommendations', {
      body: 'mttq', received_on: '2024-04-15', title: 'Đường giao thông thôn 5', content: 'Đề nghị sửa chữa.',
    });
    assert.equal(res.status, 201);
    const r = await res.json();
    assert.equal(r.due_on, '2024-05-02');
    assert.deepEqual(r.rule, { key: 'supervision.answer_max', effective_from: '2023-07-01' });
    const bad = await sup.postJson('/api/v1/recommendations', { body: 'hđnd', received_on: '2024-04-15', title: 'x', content: 'y' });
    assert.equal(bad.status, 400);
    assert.ok((await bad.json()).error.fields.some((f) => f.field === 'body'));
    const leader = await as(server, 'leader');
    assert.equal((await leader.postJson('/api/v1/recommendations', { body: 'mttq' })).status, 403);
  });
});

describe('inspections', () => {
  let server;
  before(async () => { server = await startServer(); });
  after(async () => { await server.stop(); });

  test('a finding is reopened and closed by re-inspections; bad input and stale versions are refused', async () => {
    const leader = await as(server, 'leader');
    const desk = await unitId(leader, '/quan-ly/kiem-tra', 'Bộ phận Một cửa');
    const created = await leader.post('/quan-ly/kiem-tra', {
      kind: 'unannounced', unit: desk, topic: 'Kiểm tra đột xuất tiếp nhận hồ sơ', scheduled_on: '10/06/2024',
    });
    assert.equal(created.status, 303);
    const page = created.headers.get('location');
    let html = await (await leader.get(page)).text();
    assert.equal((await leader.post(page, { version: versionOf(html, page), conducted_on: '10/06/2024', conclusion: 'Có thiếu sót.' })).status, 303);

    const early = await leader.post(`${page}/phat-hien`, {
      description: 'Thiếu niêm yết', responsible_unit: desk, remediation_due_on: '01/06/2024', sanction: '',
    });
    assert.equal(early.status, 422);
    assert.match(await early.text(), /Hạn khắc phục không được trước ngày kiểm tra \(10\/06\/2024\)/);
    // Due Saturday 06/07/2024: shown as Monday 08/07/2024.
    const added = await leader.post(`${page}/phat-hien`, {
      description: 'Thiếu niêm yết phí', responsible_unit: desk, remediation_due_on: '2024-07-06', sanction: 'Nhắc nhở',
    });
    assert.equal(added.status, 303);
    html = await (await leader.get(page)).text();
    assert.match(html, /08\/07\/2024/);
    assert.match(html, /Quá hạn khắc phục/);
    const findingId = html.match(/name="finding_id" value="(\d+)"/)[1];
    const recheck = `${page}/tai-kiem-tra`;
    const v1 = versionOf(html, recheck);

    const noDate = await leader.post(recheck, { finding_id: findingId, version: v1, checked_on: '09/07/2024', remedied: 'no' });
    assert.equal(noDate.status, 422);
    assert.match(await noDate.text(), /hạn khắc phục mới/);
    const notYet = await leader.post(recheck, {
      finding_id: findingId, version: v1, checked_on: '09/07/2024', remedied: 'no', new_due_on: '10/08/2024', note: 'Chưa xong',
    });
    assert.equal(notYet.status, 303);
    const stale = await leader.post(recheck, { finding_id: findingId, version: v1, checked_on: '09/08/2024', remedied: 'yes' });
    assert.equal(stale.status, 409);
    assert.match(await stale.text(), /vừa được người khác cập nhật/);

    const id = page.split('/').pop();
    let api = await (await leader.get(`/api/v1/inspections/${id}`)).json();
    let f = api.findings[0];
    assert.equal(f.status, 'open');
    assert.equal(f.remediation_due_on, '2024-08-10');
    assert.equal(f.effective_due_on, '2024-08-12');  // Saturday → Monday
    const closed = await leader.post(recheck, {
      finding_id: findingId, version: String(f.version), checked_on: '09/08/2024', remedied: 'yes', note: 'Đã niêm yết',
    });
    assert.equal(closed.status, 303);
    api = await (await leader.get(`/api/v1/inspections/${id}`)).json();
    f = api.findings[0];
    assert.equal(f.status, 'closed');
    assert.equal(f.closed_on, '2024-08-09');
    assert.equal(f.overdue, false);
    assert.equal(f.rechecks.length, 2);
    assert.equal(f.sanction, 'Nhắc nhở');
    html = await (await leader.get(page)).text();
    assert.match(html, /Đã khắc phục ngày 09\/08\/2024/);

    // Found again on a later visit: the closed finding reopens with a new deadline.
    const reopened = await leader.post(recheck, {
      finding_id: findingId, version: String(f.version), checked_on: '01/09/2024', remedied: 'no', new_due_on: '30/09/2024',
    });
    assert.equal(reopened.status, 303);
    f = (await (await leader.get(`/api/v1/inspections/${id}`)).json()).findings[0];
    assert.equal(f.status, 'open');
    assert.equal(f.closed_on, null);
  });

  test('the register lists the demo inspections with the overdue farm finding first; officers may not schedule', async () => {
    const officer = await as(server, 'officer');
    const html = await (await officer.get('/quan-ly/kiem-tra')).text();
    assert.match(html, /Đột xuất/);
    const rows = html.split('<tr').slice(2);
    assert.match(rows[0], /class="late"/);
    assert.match(rows[0], /chăn nuôi/);
    assert.doesNotMatch(html, /action="\/quan-ly\/kiem-tra"/);
    const farm = (await (await officer.get('/api/v1/inspections')).json()).inspections
      .find((i) => /chăn nuôi/.test(i.subject));
    assert.equal(farm.overdue_findings, 1);
    assert.match(farm.findings[0].sanction, /45\/2022/);
    assert.equal((await officer.post('/quan-ly/kiem-tra', { topic: 'x' })).status, 403);
    const leader = await as(server, 'leader');
    const api = await leader.postJson('/api/v1/inspections', { kind: 'planned', subject: 'Cơ sở chế biến thực phẩm', topic: 'An toàn thực phẩm', scheduled_on: '2030-01-10', dimension: 7 });
    assert.equal(api.status, 201);
  });
});
