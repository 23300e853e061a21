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

// A POST with a body sent as it is (numbers JavaScript cannot hold, other content types).
async function postRaw(c, p, body, contentType = 'application/json') {
  if (!c.csrf) await c.get('/dang-nhap');
  const res = await fetch(c.base + p, {
    method: 'POST', redirect: 'manual', body,
    headers: { 'content-type': contentType, 'x-csrf-token': c.csrf, cookie: c.cookieHeader() },
  });
  c.keep(res);
  return res;
}

function fieldsOf(body) { return body.error.fields.map((f) => f.field); }

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
    assert.equal(bad.status, 422);
    assert.ok((await bad.json()).error.fields.some((f) => f.field === 'body'));
    const leader = await as(server, 'leader');
    assert.equal((await leader.postJson('/api/v1/recommendations', { body: 'mttq' })).status, 403);
  });

  test('a recommendation received before any answer rule was in force is a field error, not a 404', async () => {
    const message = 'Chưa có quy định thời hạn trả lời áp dụng cho ngày nhận này (quy định có hiệu lực từ 01/07/2023).';
    const sup = await as(server, 'supervisor');
    const page = await sup.post('/quan-ly/giam-sat', {
      body: 'bttnd', received_on: '30/06/2023', title: 'Kiến nghị cũ', content: 'Nội dung.',
    });
    assert.equal(page.status, 422);
    const html = await page.text();
    assert.ok(html.includes(`<p class="field-error">${message}</p>`), 'the error stands under the received date');
    const api = await sup.postJson('/api/v1/recommendations', {
      body: 'bttnd', received_on: '2023-06-30', title: 'Kiến nghị cũ', content: 'Nội dung.',
    });
    assert.equal(api.status, 422);
    const body = await api.json();
    assert.deepEqual(body.error.fields, [{ field: 'received_on', message }]);
    assert.doesNotMatch(JSON.stringify(body), /no rule|in force/);
  });

  test('the intake form keeps the body and unit chosen after an error; no stray punctuation around empty values', async () => {
    const sup = await as(server, 'supervisor');
    const desk = await unitId(sup, '/quan-ly/giam-sat', 'Bộ phận Một cửa');
    const res = await sup.post('/quan-ly/giam-sat', { body: 'bgsdtcd', received_on: '15/04/2024', title: '', content: 'x', assigned_unit: desk });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /<option value="bgsdtcd" selected>/);
    assert.doesNotMatch(html, /<option value="mttq" selected>/);
    assert.match(html, new RegExp(`<option value="${desk}" selected>`));

    // No reference, no unit, an answer without a reference number.
    const created = await sup.post('/quan-ly/giam-sat', { body: 'bttnd', received_on: '15/04/2024', title: 'Không số', content: 'Nội dung.' });
    assert.equal(created.status, 303);
    const page = created.headers.get('location');
    const leader = await as(server, 'leader');
    let view = await (await leader.get(page)).text();
    assert.match(view, /<dd>Ban Thanh tra nhân dân<\/dd>/);
    assert.match(view, /<dd>— Lãnh đạo xã trực tiếp —<\/dd>/);
    const ok = await leader.post(page, { version: versionOf(view, page), answered_on: '20/04/2024', answer: 'Đã xử lý.' });
    assert.equal(ok.status, 303);
    view = await (await leader.get(page)).text();
    assert.match(view, /<dd>Đã xử lý\.<\/dd>/);
    const register = await (await leader.get('/quan-ly/giam-sat')).text();
    assert.match(register, />Không số<\/a><\/td>/);
  });

  test('the API answers a recommendation with its version: refusals, 422, 409 on a stale or repeated answer', async () => {
    const sup = await as(server, 'supervisor');
    const me = await (await (await as(server, 'officer')).get('/api/v1/me')).json();
    const officerUnit = me.unit_id;
    const units = (await (await sup.get('/quan-ly/giam-sat')).text()).match(/<option value="(\d+)"/g).map((o) => Number(o.match(/\d+/)[0]));
    const other = units.find((u) => u !== officerUnit);
    const mk = async (unit) => (await (await sup.postJson('/api/v1/recommendations', {
      body: 'mttq', received_on: '2024-05-08', title: 'Trả lời qua API', content: 'Đề nghị.', assigned_unit_id: unit,
    })).json());
    const mine = await mk(officerUnit);
    const theirs = await mk(other);
    assert.equal(mine.due_on, '2024-05-23');
    const officer = await as(server, 'officer');
    const url = (r) => `/api/v1/recommendations/${r.id}/answer`;
    const answer = { answered_on: '2024-05-20', answer: 'Đã xử lý.', answer_reference: '61/UBND' };
    assert.equal((await officer.postJson(url(theirs), { ...answer, version: theirs.version })).status, 403);
    const bad = await officer.postJson(url(mine), { version: mine.version, answered_on: '20/05/2024', answer: '' });
    assert.equal(bad.status, 422);
    assert.deepEqual(fieldsOf(await bad.json()).sort(), ['answered_on']);
    const empty = await officer.postJson(url(mine), { version: mine.version, answered_on: '2024-05-20', answer: ' ' });
    assert.equal(empty.status, 422);
    assert.deepEqual(fieldsOf(await empty.json()), ['answer']);
    assert.equal((await officer.postJson(url(mine), { ...answer, version: mine.version + 1 })).status, 409);
    const ok = await officer.postJson(url(mine), { ...answer, version: mine.version });
    assert.equal(ok.status, 200);
    const answered = await ok.json();
    assert.equal(answered.status, 'answered');
    assert.equal(answered.answered_on, '2024-05-20');
    assert.equal(answered.answer_reference, '61/UBND');
    assert.equal(answered.version, mine.version + 1);
    assert.equal((await officer.postJson(url(mine), { ...answer, version: answered.version })).status, 409);
    const leader = await as(server, 'leader');
    assert.equal((await leader.postJson(url(theirs), { ...answer, version: theirs.version })).status, 200);
    assert.equal((await sup.postJson(url(theirs), { ...answer, version: theirs.version })).status, 403);
    assert.equal((await leader.postJson('/api/v1/recommendations/999999/answer', { ...answer, version: 1 })).status, 404);
  });

  test('API input: JSON only, ISO dates, field names as sent, 64-bit integers range-checked, limit 1–500', async () => {
    const sup = await as(server, 'supervisor');
    const good = { body: 'mttq', received_on: '2024-04-15', title: 'Đường thôn 2', content: 'Đề nghị sửa.' };
    const form = await postRaw(sup, '/api/v1/recommendations', new URLSearchParams(good).toString(), 'application/x-www-form-urlencoded');
    assert.equal(form.status, 400);
    assert.deepEqual(fieldsOf(await form.json()), ['content-type']);
    const broken = await postRaw(sup, '/api/v1/recommendations', '{"body":');
    assert.equal(broken.status, 400);
    const viDate = await sup.postJson('/api/v1/recommendations', { ...good, received_on: '15/04/2024' });
    assert.equal(viDate.status, 422);
    assert.deepEqual(fieldsOf(await viDate.json()), ['received_on']);
    const unit = await sup.postJson('/api/v1/recommendations', { ...good, assigned_unit_id: 999999 });
    assert.equal(unit.status, 422);
    assert.deepEqual(fieldsOf(await unit.json()), ['assigned_unit_id']);
    const wrap = await postRaw(sup, '/api/v1/recommendations', JSON.stringify(good).replace('}', ',"assigned_unit_id":18446744073709551617}'));
    assert.equal(wrap.status, 422);
    assert.deepEqual(fieldsOf(await wrap.json()), ['assigned_unit_id']);
    const leader = await as(server, 'leader');
    // 4294967297 would read as dimension 1 through a 32-bit integer.
    const dim = await leader.postJson('/api/v1/inspections', { kind: 'planned', subject: 'Chợ xã', topic: 'Vệ sinh', scheduled_on: '2030-01-10', dimension: 4294967297 });
    assert.equal(dim.status, 422);
    assert.deepEqual(fieldsOf(await dim.json()), ['dimension']);
    const unitInsp = await leader.postJson('/api/v1/inspections', { kind: 'planned', unit_id: 999999, topic: 'Vệ sinh', scheduled_on: '2030-01-10' });
    assert.equal(unitInsp.status, 422);
    assert.deepEqual(fieldsOf(await unitInsp.json()), ['unit_id']);
    assert.equal((await leader.get('/api/v1/recommendations?limit=500')).status, 200);
    for (const q of ['limit=501', 'limit=0', 'after=-1', 'limit=4294967297']) {
      const r = await leader.get(`/api/v1/recommendations?${q}`);
      assert.equal(r.status, 400, q);
    }
    assert.equal((await leader.get('/api/v1/inspections?limit=501')).status, 400);
    const first = await (await leader.get('/api/v1/recommendations?limit=1')).json();
    const next = await (await leader.get(`/api/v1/recommendations?limit=1&after=${first.next_after}`)).json();
    assert.ok(next.recommendations[0].id > first.recommendations[0].id);
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

    // A "not remedied" dated before the recheck that closed it would reopen the finding with a
    // deadline already past: refused, and the form keeps what was typed.
    const backDated = await leader.post(recheck, {
      finding_id: findingId, version: String(f.version), checked_on: '20/07/2024', remedied: 'no', new_due_on: '31/07/2024',
    });
    assert.equal(backDated.status, 422);
    const bd = await backDated.text();
    assert.match(bd, /Ngày tái kiểm tra không được trước lần tái kiểm tra gần nhất \(09\/08\/2024\)/);
    assert.match(bd, /name="checked_on" required placeholder="dd\/mm\/yyyy" value="20\/07\/2024"/);
    assert.match(bd, /name="remedied" value="no" checked/);
    assert.match(bd, /name="new_due_on" placeholder="dd\/mm\/yyyy" value="31\/07\/2024"/);
    assert.equal((await (await leader.get(`/api/v1/inspections/${id}`)).json()).findings[0].status, 'closed');
    const beforeInspection = await leader.post(recheck, {
      finding_id: findingId, version: String(f.version), checked_on: '01/06/2024', remedied: 'yes',
    });
    assert.equal(beforeInspection.status, 422);
    assert.match(await beforeInspection.text(), /Ngày tái kiểm tra không được trước ngày kiểm tra \(10\/06\/2024\)/);

    // Found again on a later visit: the closed finding reopens with a new deadline.
    const reopened = await leader.post(recheck, {
      finding_id: findingId, version: String(f.version), checked_on: '01/09/2024', remedied: 'no', new_due_on: '30/09/2024',
    });
    assert.equal(reopened.status, 303);
    f = (await (await leader.get(`/api/v1/inspections/${id}`)).json()).findings[0];
    assert.equal(f.status, 'open');
    assert.equal(f.closed_on, null);
    // Rechecks without a note end without a dash; the one with a note shows it.
    html = await (await leader.get(page)).text();
    assert.match(html, /– Chưa xong<\/li>/);
    assert.doesNotMatch(html, /–\s*<\/li>/);
    assert.match(html, /Hình thức xử lý: Nhắc nhở/);
  });

  test('empty optional values show nothing or their placeholder, never a label around nothing', async () => {
    const leader = await as(server, 'leader');
    const list = (await (await leader.get('/api/v1/inspections')).json()).inspections;
    const planned = list.find((i) => i.conducted_on === null && /hộ nghèo/.test(i.topic));
    let html = await (await leader.get(`/quan-ly/kiem-tra/${planned.id}`)).text();
    assert.match(html, /<dt>Ngày kiểm tra<\/dt><dd>Chưa tiến hành<\/dd>/);
    assert.doesNotMatch(html, /<dt>Kết luận<\/dt>/);
    const register = await (await leader.get('/quan-ly/kiem-tra')).text();
    assert.match(register, /<td>Chưa tiến hành<\/td>/);
    // The desk's finding has no sanction.
    const desk = list.find((i) => i.findings.length > 0 && i.findings.every((x) => x.sanction === ''));
    html = await (await leader.get(`/quan-ly/kiem-tra/${desk.id}`)).text();
    assert.doesNotMatch(html, /Hình thức xử lý:/);
  });

  test('the schedule form keeps the kind, unit and dimension chosen after an error', async () => {
    const leader = await as(server, 'leader');
    const desk = await unitId(leader, '/quan-ly/kiem-tra', 'Bộ phận Một cửa');
    const res = await leader.post('/quan-ly/kiem-tra', {
      kind: 'unannounced', unit: desk, dimension: '7', topic: '', scheduled_on: '10/06/2024',
    });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /<option value="unannounced" selected>/);
    assert.match(html, /<option value="7" selected>7<\/option>/);
    assert.match(html, new RegExp(`<option value="${desk}" selected>`));
    const planned = await leader.post('/quan-ly/kiem-tra', { kind: 'planned', dimension: '9', topic: 'x', subject: 'y', scheduled_on: '10/06/2024' });
    assert.equal(planned.status, 422);
    assert.doesNotMatch(await planned.text(), /<option value="unannounced" selected>/);
  });

  test('the API records the conduct, a finding and its rechecks with versions: refusals, 422 and 409', async () => {
    const leader = await as(server, 'leader');
    const officer = await as(server, 'officer');
    const me = await (await officer.get('/api/v1/me')).json();
    const created = await leader.postJson('/api/v1/inspections', {
      kind: 'unannounced', unit_id: me.unit_id, topic: 'Lưu trữ hồ sơ', scheduled_on: '2024-06-10',
    });
    assert.equal(created.status, 201);
    let insp = await created.json();
    const url = `/api/v1/inspections/${insp.id}`;
    assert.equal(created.headers.get('location'), url);
    assert.equal(insp.kind, 'unannounced');

    // The conduct, with the version read.
    let r = await leader.postJson(url, { version: insp.version, conducted_on: '10/06/2024' });
    assert.equal(r.status, 422);
    assert.deepEqual(fieldsOf(await r.json()), ['conducted_on']);
    r = await leader.postJson(url, { conducted_on: '2024-06-10' });
    assert.equal(r.status, 422);
    assert.deepEqual(fieldsOf(await r.json()), ['version']);
    assert.equal((await officer.postJson(url, { version: insp.version, conducted_on: '2024-06-11' })).status, 403);
    r = await leader.postJson(url, { version: insp.version, conducted_on: '2024-06-11', conclusion: 'Thiếu sổ lưu trữ.' });
    assert.equal(r.status, 200);
    const conducted = await r.json();
    assert.equal(conducted.conducted_on, '2024-06-11');
    assert.equal(conducted.conclusion, 'Thiếu sổ lưu trữ.');
    assert.equal(conducted.version, insp.version + 1);
    assert.equal((await leader.postJson(url, { version: insp.version, conducted_on: '2024-06-12' })).status, 409);
    insp = conducted;

    // A finding.
    const findings = `${url}/findings`;
    r = await leader.postJson(findings, { description: 'Thiếu sổ', responsible_unit_id: me.unit_id, remediation_due_on: '2024-06-01' });
    assert.equal(r.status, 422);
    assert.deepEqual(fieldsOf(await r.json()), ['remediation_due_on']);
    r = await leader.postJson(findings, { description: 'Thiếu sổ', remediation_due_on: '2024-07-01' });
    assert.equal(r.status, 422);
    assert.deepEqual(fieldsOf(await r.json()), ['responsible_unit_id']);
    r = await leader.postJson(findings, { description: 'Thiếu sổ', responsible_unit_id: 999999, remediation_due_on: '2024-07-01' });
    assert.equal(r.status, 422);
    assert.deepEqual(fieldsOf(await r.json()), ['responsible_unit_id']);
    assert.equal((await officer.postJson(findings, { description: 'Thiếu sổ', responsible_unit_id: me.unit_id, remediation_due_on: '2024-07-06' })).status, 403);
    assert.equal((await leader.postJson('/api/v1/inspections/999999/findings', { description: 'Thiếu sổ', responsible_unit_id: me.unit_id, remediation_due_on: '2024-07-06' })).status, 404);
    r = await leader.postJson(findings, { description: 'Thiếu sổ lưu trữ', responsible_unit_id: me.unit_id, remediation_due_on: '2024-07-06' });
    assert.equal(r.status, 201);
    let finding = await r.json();
    assert.equal(finding.inspection_id, insp.id);
    assert.equal(finding.status, 'open');
    assert.equal(finding.effective_due_on, '2024-07-08');  // Saturday → Monday

    // Rechecks by the officer of the responsible unit.
    const rc = `/api/v1/findings/${finding.id}/recheck`;
    r = await officer.postJson(rc, { version: finding.version, checked_on: '2024-07-09' });
    assert.equal(r.status, 422);
    assert.deepEqual(fieldsOf(await r.json()), ['remedied']);
    r = await officer.postJson(rc, { version: finding.version, checked_on: '2024-07-09', remedied: false });
    assert.equal(r.status, 422);
    assert.deepEqual(fieldsOf(await r.json()), ['new_due_on']);
    r = await officer.postJson(rc, { version: finding.version, checked_on: '2024-07-09', remedied: false, new_due_on: '2024-08-10', note: 'Chưa xong' });
    assert.equal(r.status, 200);
    const reopened = await r.json();
    assert.equal(reopened.status, 'open');
    assert.equal(reopened.remediation_due_on, '2024-08-10');
    assert.equal(reopened.version, finding.version + 1);
    assert.equal((await officer.postJson(rc, { version: finding.version, checked_on: '2024-08-09', remedied: true })).status, 409);
    r = await officer.postJson(rc, { version: reopened.version, checked_on: '2024-08-09', remedied: true });
    assert.equal(r.status, 200);
    finding = await r.json();
    assert.equal(finding.status, 'closed');
    assert.equal(finding.closed_on, '2024-08-09');
    r = await leader.postJson(rc, { version: finding.version, checked_on: '2024-07-20', remedied: false, new_due_on: '2024-07-31' });
    assert.equal(r.status, 422);
    assert.deepEqual(fieldsOf(await r.json()), ['checked_on']);
    assert.equal((await (await leader.get(url)).json()).findings[0].status, 'closed');

    // Another unit's finding: the officer is refused; an unknown finding is 404.
    const farm = (await (await leader.get('/api/v1/inspections')).json()).inspections.find((i) => /chăn nuôi/.test(i.subject));
    const waste = farm.findings[0];
    assert.notEqual(waste.responsible_unit_id, me.unit_id);
    r = await officer.postJson(`/api/v1/findings/${waste.id}/recheck`, { version: waste.version, checked_on: farm.conducted_on, remedied: true });
    assert.equal(r.status, 403);
    r = await leader.postJson('/api/v1/findings/999999/recheck', { version: 1, checked_on: '2024-07-09', remedied: true });
    assert.equal(r.status, 404);
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
