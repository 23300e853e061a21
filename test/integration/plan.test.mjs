// The plan: Plan 11/KH-UBND's tasks, progress with evidence files, the public accountability
// pages, the plan API with optimistic locking and keyset pagination, and the CSV export.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, startServer } from './harness.mjs';

const PDF = new TextEncoder().encode('%PDF-1.4\n% biên bản kiểm tra\n%%EOF\n');

describe('plan and accountability', () => {
  let server, officer, leader, vpUnit, vpTask, otherTask;
  before(async () => {
    server = await startServer();
    officer = new Client(server.base);
    await officer.signIn('vanphong');
    leader = new Client(server.base);
    await leader.signIn('chutich');
    vpUnit = (await officer.api('/api/v1/me')).json.unit_id;
    const mine = await officer.api(`/api/v1/tasks?unit=${vpUnit}&open=1&limit=500`);
    vpTask = mine.json.tasks.find((t) => t.lead_unit_id === vpUnit && t.recurrence === 'none');
    const all = await leader.api('/api/v1/tasks?limit=500');
    otherTask = all.json.tasks.find((t) => t.lead_unit_id !== vpUnit && !t.coordinating_unit_ids.includes(vpUnit));
    assert.ok(vpTask && otherTask, 'the demo has tasks for the office and for other units');
  });
  after(async () => { await server.stop(); });

  test('the demo carries Plan 11/KH-UBND as tasks across all 8 dimensions', async () => {
    const all = await leader.api('/api/v1/tasks?limit=500');
    assert.ok(all.json.tasks.length >= 60);
    const dims = new Set(all.json.tasks.map((t) => t.dimension));
    assert.deepEqual([...dims].sort(), [1, 2, 3, 4, 5, 6, 7, 8]);
    // The two reports to the level above keep the plan's deadlines.
    assert.ok(all.json.tasks.some((t) => t.due_on === '2024-07-04'));
    assert.ok(all.json.tasks.some((t) => t.due_on === '2025-01-04'));
    // A deadline inside Tết 2024 (08–14/02) takes effect on the first working day after it.
    const tet = all.json.tasks.find((t) => t.due_on === '2024-02-10');
    assert.equal(tet.deadline, '2024-02-15');
  });

  test('a task with sub-tasks lists them; a sub-task links back to its parent', async () => {
    const all = (await leader.api('/api/v1/tasks?limit=500')).json.tasks;
    const child = all.find((t) => t.parent_id !== null);
    const parent = await (await leader.get(`/quan-ly/nhiem-vu/${child.parent_id}`)).text();
    assert.match(parent, /<h2>Nhiệm vụ con<\/h2>/);
    assert.match(parent, new RegExp(`href="/quan-ly/nhiem-vu/${child.id}"`));
    const page = await (await leader.get(`/quan-ly/nhiem-vu/${child.id}`)).text();
    assert.match(page, new RegExp(`href="/quan-ly/nhiem-vu/${child.parent_id}"`));
    assert.doesNotMatch(page, /<h2>Nhiệm vụ con<\/h2>/);
  });

  test('the public accountability page shows progress per dimension without signing in', async () => {
    const res = await fetch(`${server.base}/xa/nhat-tan/giai-trinh`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /11\/KH-UBND/);
    assert.match(html, /<svg[^>]*role="img"/);
    assert.match(html, /Quản trị môi trường/);
    const dim = await fetch(`${server.base}/xa/nhat-tan/giai-trinh/2`);
    assert.equal(dim.status, 200);
    assert.match(await dim.text(), /Công khai, minh bạch/);
    assert.equal((await fetch(`${server.base}/xa/nhat-tan/giai-trinh/9`)).status, 404);
    assert.equal((await fetch(`${server.base}/xa/khong-co/giai-trinh`)).status, 404);
  });

  test('an officer sees his unit\'s open tasks, overdue first', async () => {
    const res = await officer.get('/quan-ly/nhiem-vu');
    assert.equal(res.status, 200);
    const html = await res.text();
    const first = html.indexOf('class="task');
    assert.ok(first > 0);
    assert.match(html.slice(first, first + 40), /late/);
    assert.equal((await officer.get('/quan-ly/ke-hoach')).status, 200);
    const dash = await (await officer.get('/bang-dieu-khien')).text();
    assert.match(dash, /11\/KH-UBND: <strong>\d+<\/strong>\/\d+ đã xong/);
    assert.match(dash, /Nhiệm vụ của đơn vị<\/a> \(\d+ quá hạn\)/);
  });

  test('progress with a public evidence file reaches the public page with its hash', async () => {
    const page = await officer.get(`/quan-ly/nhiem-vu/${vpTask.id}`);
    assert.equal(page.status, 200);
    const res = await officer.postMultipart(`/quan-ly/nhiem-vu/${vpTask.id}/tien-do`, {
      version: String(vpTask.version), status: 'in_progress', progress: '65', note: 'Đã gửi báo cáo các bộ phận.', public: '1',
    }, { file: { name: 'bien-ban.pdf', type: 'application/pdf', bytes: PDF } });
    assert.equal(res.status, 303);
    const task = (await officer.api(`/api/v1/tasks/${vpTask.id}`)).json;
    assert.equal(task.progress, 65);
    assert.equal(task.version, vpTask.version + 1);
    const after = await (await officer.get(`/quan-ly/nhiem-vu/${vpTask.id}`)).text();
    assert.match(after, /bien-ban\.pdf/);
    assert.match(after, /Đã gửi báo cáo các bộ phận/);
    const pub = await (await fetch(`${server.base}/xa/nhat-tan/giai-trinh/${vpTask.dimension}`)).text();
    assert.match(pub, /Minh chứng:/);
    const link = pub.match(/href="(\/xa\/nhat-tan\/giai-trinh\/tep\/\d+)">bien-ban\.pdf/);
    assert.ok(link, 'the public page links the evidence');
    const file = await fetch(server.base + link[1]);
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'application/pdf');
    assert.match(file.headers.get('content-disposition'), /^attachment;/);
    const bytes = new Uint8Array(await file.arrayBuffer());
    assert.deepEqual(bytes, PDF);
    const hash = file.headers.get('x-content-sha256');
    assert.match(pub, new RegExp(hash));
  });

  test('private evidence is not served to the public', async () => {
    const t = (await officer.api(`/api/v1/tasks/${vpTask.id}`)).json;
    const res = await officer.postMultipart(`/quan-ly/nhiem-vu/${vpTask.id}/tien-do`, {
      version: String(t.version), status: 'in_progress', progress: '70', note: '',
    }, { file: { name: 'noi-bo.pdf', type: 'application/pdf', bytes: PDF } });
    assert.equal(res.status, 303);
    const html = await (await officer.get(`/quan-ly/nhiem-vu/${vpTask.id}`)).text();
    const id = html.match(/tep\/(\d+)">noi-bo\.pdf/)[1];
    assert.equal((await officer.get(`/quan-ly/nhiem-vu/${vpTask.id}/tep/${id}`)).status, 200);
    assert.equal((await fetch(`${server.base}/xa/nhat-tan/giai-trinh/tep/${id}`)).status, 404);
  });

  test('bad progress, a forbidden file and a stale version get clear errors', async () => {
    const t = (await officer.api(`/api/v1/tasks/${vpTask.id}`)).json;
    const over = await officer.postMultipart(`/quan-ly/nhiem-vu/${vpTask.id}/tien-do`, {
      version: String(t.version), status: 'in_progress', progress: '150',
    });
    assert.equal(over.status, 422);
    assert.match(await over.text(), /từ 0 đến 100/);
    const exe = await officer.postMultipart(`/quan-ly/nhiem-vu/${vpTask.id}/tien-do`, {
      version: String(t.version), status: 'in_progress', progress: '80',
    }, { file: { name: 'virus.exe', bytes: new TextEncoder().encode('MZ...') } });
    assert.equal(exe.status, 422);
    assert.match(await exe.text(), /Chỉ nhận tệp PDF/);
    const fake = await officer.postMultipart(`/quan-ly/nhiem-vu/${vpTask.id}/tien-do`, {
      version: String(t.version), status: 'in_progress', progress: '80',
    }, { file: { name: 'gia.pdf', bytes: new TextEncoder().encode('<html>') } });
    assert.equal(fake.status, 422);
    // A file one byte over the limit (10 MiB) is refused with the limit named; a body far over
    // it never reaches the handler.
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(new TextEncoder().encode('%PDF-1.4'));
    const tooBig = await officer.postMultipart(`/quan-ly/nhiem-vu/${vpTask.id}/tien-do`, {
      version: String(t.version), status: 'in_progress', progress: '80',
    }, { file: { name: 'lon.pdf', bytes: big } });
    assert.equal(tooBig.status, 422);
    assert.match(await tooBig.text(), /Tệp quá lớn \(tối đa 10 MB\)/);
    const huge = await officer.postMultipart(`/quan-ly/nhiem-vu/${vpTask.id}/tien-do`, {
      version: String(t.version), status: 'in_progress', progress: '80',
    }, { file: { name: 'rat-lon.pdf', bytes: new Uint8Array(11 * 1024 * 1024) } });
    assert.equal(huge.status, 413);
    // Two editors read version v; the first saves, the second gets 409 and the first is kept.
    const first = await officer.api(`/api/v1/tasks/${vpTask.id}/progress`, { version: t.version, status: 'in_progress', progress: 81 });
    assert.equal(first.status, 200);
    const second = await leader.api(`/api/v1/tasks/${vpTask.id}/progress`, { version: t.version, status: 'in_progress', progress: 20 });
    assert.equal(second.status, 409);
    assert.equal(second.json.error.code, 'aborted');
    assert.equal((await leader.api(`/api/v1/tasks/${vpTask.id}`)).json.progress, 81);
    // Nothing was half-written: the refused reports left no file behind.
    const html = await (await officer.get(`/quan-ly/nhiem-vu/${vpTask.id}`)).text();
    assert.doesNotMatch(html, /virus\.exe|gia\.pdf/);
  });

  test('an officer cannot report on another unit\'s task; a leader can', async () => {
    const res = await officer.api(`/api/v1/tasks/${otherTask.id}/progress`, { version: otherTask.version, status: 'in_progress', progress: 10 });
    assert.equal(res.status, 403);
    const page = await (await officer.get(`/quan-ly/nhiem-vu/${otherTask.id}`)).text();
    assert.doesNotMatch(page, /tien-do/);
  });

  test('the API creates and re-plans tasks with field errors and optimistic locking', async () => {
    const plans = (await leader.api('/api/v1/plans')).json.plans;
    const base = { plan_id: plans[0].id, title: 'Kiểm tra đột xuất Bộ phận Một cửa', dimension: 5,
      subdimensions: ['5.4'], lead_unit_id: vpUnit, starts_on: '2024-03-01', due_on: '2024-02-01' };
    const bad = await leader.api('/api/v1/tasks', base);
    assert.equal(bad.status, 422);
    assert.equal(bad.json.error.fields[0].field, 'due_on');
    const wrongCode = await leader.api('/api/v1/tasks', { ...base, due_on: '2024-04-01', subdimensions: ['5.2'] });
    assert.equal(wrongCode.status, 422);
    const unknownUnit = await leader.api('/api/v1/tasks', { ...base, due_on: '2024-04-01', lead_unit_id: 999999 });
    assert.equal(unknownUnit.status, 422);
    const made = await leader.api('/api/v1/tasks', { ...base, due_on: '2024-04-01' });
    assert.equal(made.status, 201);
    assert.equal(made.json.overdue, true);
    const edit = await leader.api(`/api/v1/tasks/${made.json.id}`, { version: made.json.version, due_on: '2024-05-02' });
    assert.equal(edit.status, 200);
    assert.equal(edit.json.due_on, '2024-05-02');
    const stale = await leader.api(`/api/v1/tasks/${made.json.id}`, { version: made.json.version, due_on: '2024-06-03' });
    assert.equal(stale.status, 409);
    assert.equal((await officer.api('/api/v1/tasks', { ...base, due_on: '2024-04-01' })).status, 403);
  });

  test('lists page by id with next_after and filter by dimension and status', async () => {
    const first = await leader.api('/api/v1/tasks?limit=10');
    assert.equal(first.json.tasks.length, 10);
    const next = await leader.api(`/api/v1/tasks?limit=10&after=${first.json.next_after}`);
    assert.ok(next.json.tasks[0].id > first.json.tasks[9].id);
    const env = await leader.api('/api/v1/tasks?dimension=7&status=done&limit=500');
    assert.ok(env.json.tasks.length > 0);
    assert.ok(env.json.tasks.every((t) => t.dimension === 7 && t.status === 'done'));
    assert.equal((await leader.api('/api/v1/tasks?limit=0')).status, 400);
    assert.equal((await leader.api('/api/v1/tasks?status=xong')).status, 400);
    assert.equal((await leader.api('/api/v1/tasks?after=-5')).status, 400);
  });

  test('the CSV export lists every task of the plan', async () => {
    const res = await leader.get('/quan-ly/nhiem-vu.csv');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /text\/csv/);
    const lines = (await res.text()).trim().split('\r\n');
    assert.match(lines[0], /^id,section,title,dimension/);
    assert.ok(lines.length > 60);
  });

  test('a leader creates a task from the page form; bad dates get Vietnamese errors', async () => {
    const plans = (await leader.api('/api/v1/plans')).json.plans;
    const bad = await leader.post('/quan-ly/nhiem-vu', { plan: String(plans[0].id), title: 'Rà soát hộ nghèo', dimension: '2',
      subdimensions: '2.2', lead_unit_id: String(vpUnit), starts_on: '31/02/2024', recurrence: 'none', due_on: '01/12/2024' });
    assert.equal(bad.status, 422);
    assert.match(await bad.text(), /Ngày bắt đầu không hợp lệ/);
    const ok = await leader.post('/quan-ly/nhiem-vu', { plan: String(plans[0].id), title: 'Rà soát hộ nghèo', dimension: '2',
      subdimensions: '2.2', lead_unit_id: String(vpUnit), starts_on: '01/10/2024', recurrence: 'none', due_on: '01/12/2024' });
    assert.equal(ok.status, 303);
    assert.match(ok.headers.get('location'), /^\/quan-ly\/nhiem-vu\/\d+$/);
    assert.equal((await officer.post('/quan-ly/nhiem-vu', { title: 'x' })).status, 403);
    // Re-planning from the page: the form comes filled in, and a stale version is refused.
    const path = ok.headers.get('location');
    const form = await (await leader.get(`${path}/sua`)).text();
    assert.match(form, /value="Rà soát hộ nghèo"/);
    assert.match(form, /value="01\/12\/2024"/);
    const version = form.match(/name="version" value="(\d+)"/)[1];
    const fields = { title: 'Rà soát, bình xét hộ nghèo', dimension: '2', subdimensions: '2.2', lead_unit_id: String(vpUnit),
      starts_on: '01/10/2024', recurrence: 'none', due_on: '15/12/2024', version };
    const saved = await leader.post(`${path}/sua`, { ...fields, [`coord_${otherTask.lead_unit_id}`]: '1' });
    assert.equal(saved.status, 303);
    const replanned = (await leader.api(`/api/v1${path.replace('/quan-ly/nhiem-vu', '/tasks')}`)).json;
    assert.deepEqual(replanned.coordinating_unit_ids, [otherTask.lead_unit_id]);
    assert.match(await (await leader.get(`${path}/sua`)).text(), new RegExp(`name="coord_${otherTask.lead_unit_id}" value="1" checked`));
    assert.match(await (await leader.get(path)).text(), /Rà soát, bình xét hộ nghèo/);
    const stale = await leader.post(`${path}/sua`, { ...fields, title: 'Bản cũ' });  // version as read before
    assert.equal(stale.status, 409);
    assert.match(await stale.text(), /vừa được người khác cập nhật/);
  });

  test('a leader records a new plan; duplicates and bad years are refused', async () => {
    const bad = await leader.post('/quan-ly/ke-hoach', { number: '05/KH-UBND', year: '20277', issued_on: '15/01/2027', title: 'Kế hoạch 2027' });
    assert.equal(bad.status, 422);
    assert.match(await bad.text(), /1990–2200/);
    const ok = await leader.post('/quan-ly/ke-hoach', { number: '05/KH-UBND', year: '2027', issued_on: '15/01/2027', title: 'Kế hoạch nâng cao chỉ số PAPI năm 2027', goal: 'Tăng bậc' });
    assert.equal(ok.status, 303);
    const board = await (await leader.get(ok.headers.get('location'))).text();
    assert.match(board, /05\/KH-UBND/);
    const dup = await leader.api('/api/v1/plans', { number: '05/KH-UBND', year: 2027, issued_on: '2027-01-15', title: 'Trùng' });
    assert.equal(dup.status, 409);
    const api = await leader.api('/api/v1/plans', { number: '06/KH-UBND', year: 2027, issued_on: '2027-01-20', title: 'Kế hoạch khác' });
    assert.equal(api.status, 201);
    assert.equal((await officer.api('/api/v1/plans', { number: '07/KH-UBND', year: 2027, issued_on: '2027-01-20', title: 'x' })).status, 403);
  });

  test('a file published by mistake can be withdrawn from the public page', async () => {
    const t = (await officer.api(`/api/v1/tasks/${vpTask.id}`)).json;
    await officer.postMultipart(`/quan-ly/nhiem-vu/${vpTask.id}/tien-do`, {
      version: String(t.version), status: 'in_progress', progress: String(t.progress), public: '1',
    }, { file: { name: 'danh-sach-ca-nhan.pdf', type: 'application/pdf', bytes: PDF } });
    const html = await (await officer.get(`/quan-ly/nhiem-vu/${vpTask.id}`)).text();
    const id = html.match(/tep\/(\d+)">danh-sach-ca-nhan\.pdf/)[1];
    assert.equal((await fetch(`${server.base}/xa/nhat-tan/giai-trinh/tep/${id}`)).status, 200);
    const other = new Client(server.base);
    await other.signIn('motcua');  // the one-stop desk has no part in this task
    assert.equal((await other.post(`/quan-ly/nhiem-vu/${vpTask.id}/tep/${id}/cong-khai`, { public: '0' })).status, 403);
    const res = await officer.post(`/quan-ly/nhiem-vu/${vpTask.id}/tep/${id}/cong-khai`, { public: '0' });
    assert.equal(res.status, 303);
    assert.equal((await fetch(`${server.base}/xa/nhat-tan/giai-trinh/tep/${id}`)).status, 404);
    assert.equal((await officer.post(`/quan-ly/nhiem-vu/${otherTask.id}/tep/${id}/cong-khai`, { public: '1' })).status, 403);
  });

  test('API numbers and dates out of range, and parent cycles, are refused', async () => {
    const plans = (await leader.api('/api/v1/plans')).json.plans;
    const base = { plan_id: plans.find((p) => p.number === '11/KH-UBND').id, title: 'Kiểm tra', dimension: 4,
      lead_unit_id: vpUnit, starts_on: '2024-03-01', due_on: '2024-04-01' };
    assert.equal((await leader.api('/api/v1/tasks', { ...base, dimension: 4294967297 })).status, 422);
    assert.equal((await leader.api('/api/v1/tasks', { ...base, starts_on: '0001-01-01' })).status, 422);
    assert.equal((await leader.api('/api/v1/tasks', { ...base, due_on: '9999-12-31' })).status, 422);
    const t = (await officer.api(`/api/v1/tasks/${vpTask.id}`)).json;
    assert.equal((await officer.api(`/api/v1/tasks/${vpTask.id}/progress`, { version: t.version, status: 'in_progress', progress: 4294967396 })).status, 422);
    const a = (await leader.api('/api/v1/tasks', base)).json;
    const b = (await leader.api('/api/v1/tasks', { ...base, parent_id: a.id })).json;
    const cycle = await leader.api(`/api/v1/tasks/${a.id}`, { version: a.version, parent_id: b.id });
    assert.equal(cycle.status, 422);
    assert.equal(cycle.json.error.fields[0].field, 'parent_id');
  });

  test('a re-planned deadline is recorded with its old and new value', async () => {
    const plans = (await leader.api('/api/v1/plans')).json.plans;
    const made = (await leader.api('/api/v1/tasks', { plan_id: plans.find((p) => p.number === '11/KH-UBND').id, title: 'Dời hạn',
      dimension: 3, lead_unit_id: vpUnit, starts_on: '2024-03-01', due_on: '2024-04-01' })).json;
    const moved = await leader.api(`/api/v1/tasks/${made.id}`, { version: made.version, due_on: '2024-09-30' });
    assert.equal(moved.status, 200);
    const page = await (await leader.get(`/quan-ly/nhiem-vu/${made.id}`)).text();
    assert.match(page, /hạn hoàn thành: 01\/04\/2024 → 30\/09\/2024/);
  });

  test('partial progress on a periodic task does not clear its missed period', async () => {
    const plans = (await leader.api('/api/v1/plans')).json.plans;
    const periodic = (await leader.api('/api/v1/tasks', { plan_id: plans.find((p) => p.number === '11/KH-UBND').id,
      title: 'Công khai thu, chi ngân sách hằng quý', dimension: 2, subdimensions: ['2.3'], lead_unit_id: vpUnit,
      starts_on: '2024-02-01', recurrence: 'quarterly' })).json;
    assert.equal(periodic.overdue, true);  // no quarter of 2024 was reported done
    const partial = await leader.api(`/api/v1/tasks/${periodic.id}/progress`, { version: periodic.version, status: 'in_progress', progress: 5 });
    assert.equal(partial.status, 200);
    assert.equal(partial.json.overdue, true);
    const done = await leader.api(`/api/v1/tasks/${periodic.id}/progress`, { version: partial.json.version, status: 'done', progress: 100 });
    assert.equal(done.json.overdue, false);
  });

  test('the public counts take a task split into sub-tasks once, through its sub-tasks', async () => {
    const all = (await leader.api('/api/v1/tasks?plan=' + vpTask.plan_id + '&limit=500')).json.tasks;
    const parents = new Set(all.filter((t) => t.parent_id !== null).map((t) => t.parent_id));
    const html = await (await fetch(`${server.base}/xa/nhat-tan/giai-trinh?ke-hoach=${vpTask.plan_id}`)).text();
    const total = Number(html.match(/<strong>(\d+)<\/strong> nhiệm vụ/)[1]);
    assert.equal(total, all.length - parents.size);
  });
});
