// The administrator's pages: accounts and roles, the commune's announced days, the rule book.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, startServer, xaso } from './harness.mjs';

describe('administration', () => {
  let server;
  let admin;
  before(async () => {
    server = await startServer();
    admin = new Client(server.base);
    await admin.signIn('quantri');
  });
  after(async () => { await server.stop(); });

  test('an administrator creates an officer who can then sign in', async () => {
    const res = await admin.post('/quan-tri/tai-khoan', {
      username: 'canbo.moi', display_name: 'Đinh Thị Hương', title: 'Công chức Tư pháp – Hộ tịch',
      role: 'officer', password: 'mật-khẩu-ban-đầu',
    });
    assert.equal(res.status, 200);
    assert.match(await res.text(), /Đã tạo tài khoản canbo.moi/);
    const officer = new Client(server.base);
    await officer.signIn('canbo.moi', 'mật-khẩu-ban-đầu');
    assert.equal((await officer.get('/bang-dieu-khien')).status, 200);
    assert.equal((await officer.get('/quan-tri/tai-khoan')).status, 403);
    // The role is read on every request: a change takes effect at once.
    const grant = await admin.post('/quan-tri/tai-khoan/vai-tro', { username: 'canbo.moi', role: 'citizen' });
    assert.equal(grant.status, 200);
    assert.equal((await officer.get('/bang-dieu-khien')).status, 403);
  });

  test('bad and duplicate accounts are refused with Vietnamese field errors', async () => {
    const bad = await admin.post('/quan-tri/tai-khoan', {
      username: 'Có Dấu', display_name: '', role: 'officer', password: 'ngắn',
    });
    assert.equal(bad.status, 422);
    const html = await bad.text();
    assert.match(html, /Tên đăng nhập gồm/);
    assert.match(html, /Cần nhập họ và tên/);
    assert.match(html, /ít nhất 10 ký tự/);
    const dup = await admin.post('/quan-tri/tai-khoan', {
      username: 'chutich', display_name: 'Trùng', role: 'leader', password: 'mot-mat-khau-dai',
    });
    assert.equal(dup.status, 409);
    assert.match(await dup.text(), /Tên đăng nhập đã có/);
    const role = await admin.post('/quan-tri/tai-khoan', {
      username: 'vaitro.la', display_name: 'X', role: 'root', password: 'mot-mat-khau-dai',
    });
    assert.equal(role.status, 422);
  });

  test('an administrator cannot remove their own administration right', async () => {
    const res = await admin.post('/quan-tri/tai-khoan/vai-tro', { username: 'quantri', role: 'citizen' });
    assert.equal(res.status, 409);
    assert.equal((await admin.get('/quan-tri/tai-khoan')).status, 200);
  });

  test('a password reset ends the sessions of that account', async () => {
    const clerk = new Client(server.base);
    await clerk.signIn('motcua');
    const res = await admin.post('/quan-tri/tai-khoan/mat-khau', { username: 'motcua', password: 'mật-khẩu-đặt-lại' });
    assert.equal(res.status, 200);
    assert.equal((await clerk.get('/bang-dieu-khien')).status, 303);
    await new Client(server.base).signIn('motcua', 'mật-khẩu-đặt-lại');
  });

  test("an announced day off of the commune moves its deadlines, not the nation's", async () => {
    const api = (q) => fetch(`${server.base}/api/v1/calendar/add-working-days?from=2027-03-05&days=1${q}`).then((r) => r.json());
    assert.equal((await api('&commune=nhat-tan')).due, '2027-03-08');
    const bad = await admin.post('/quan-tri/lich', { date: '2027-02-30', kind: 'day_off', name_vi: '' });
    assert.equal(bad.status, 422);
    const ok = await admin.post('/quan-tri/lich', {
      date: '2027-03-08', kind: 'day_off', name_vi: 'Nghỉ bù lễ hội truyền thống', legal_basis: 'Quyết định 12/QĐ-UBND',
    });
    assert.equal(ok.status, 303);
    const page = await (await admin.get('/quan-tri/lich')).text();
    assert.match(page, /08\/03\/2027/);
    assert.equal((await api('&commune=nhat-tan')).due, '2027-03-09');
    assert.equal((await api('')).due, '2027-03-08');
    const unknown = await fetch(`${server.base}/api/v1/calendar/add-working-days?from=2027-03-05&days=1&commune=khong-co`);
    assert.equal(unknown.status, 404);
    assert.equal((await admin.post('/quan-tri/lich/xoa', { date: '2027-03-08' })).status, 303);
    assert.equal((await api('&commune=nhat-tan')).due, '2027-03-08');
  });

  test('an officer publishes an announcement that the home page shows at once, escaped', async () => {
    const officer = new Client(server.base);
    await officer.signIn('vanphong');
    const before = await (await fetch(`${server.base}/`)).text();  // fills the page cache
    assert.doesNotMatch(before, /Lịch cắt điện/);
    const bad = await officer.post('/quan-ly/thong-bao', { title: '  ', body: 'x'.repeat(20001) });
    assert.equal(bad.status, 422);
    const html = await bad.text();
    assert.match(html, /Cần nhập tiêu đề/);
    assert.match(html, /quá dài/);
    const ok = await officer.post('/quan-ly/thong-bao', {
      title: 'Lịch cắt điện <script>alert(1)</script>', body: 'Thôn 3 mất điện sáng thứ Bảy.',
    });
    assert.equal(ok.status, 200);
    const home = await (await fetch(`${server.base}/`)).text();
    assert.match(home, /Lịch cắt điện &lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.doesNotMatch(home, /<script>alert/);
    const citizen = new Client(server.base);
    await citizen.signIn('congdan');
    assert.equal((await citizen.post('/quan-ly/thong-bao', { title: 'x', body: 'y' })).status, 403);
  });

  test('the public rule book shows each rule with its legal basis and date', async () => {
    const html = await (await fetch(`${server.base}/xa/nhat-tan/quy-dinh`)).text();
    assert.match(html, /Hạn trả lời phản ánh, kiến nghị/);
    assert.match(html, /Luật Tiếp công dân 42\/2013\/QH13/);
    assert.match(html, /Hạn thụ lý khiếu nại/);
    assert.match(html, /7 ngày làm việc/);  // the 2026 version is in force now
  });

  test("the dashboard's feedback deadline follows the dated rule in force", async () => {
    const leader = new Client(server.base);
    await leader.signIn('chutich');
    const due = (html) => html.match(/\((\d+) ngày làm việc\): <strong>(\d\d)\/(\d\d)\/(\d{4})</);
    const before = due(await (await leader.get('/bang-dieu-khien')).text());
    assert.ok(before, 'the dashboard shows the deadline');
    assert.equal(before[1], '10');
    const today = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);  // Vietnam
    const r = xaso(['rules', 'add', 'feedback.answer_max', '5', '--from', today, '--basis', 'Quyết định của UBND xã',
      '--confidence', 'V', '--commune', 'nhat-tan', '--db', server.db]);
    assert.equal(r.status, 0, r.stderr);
    const after = due(await (await leader.get('/bang-dieu-khien')).text());
    assert.equal(after[1], '5');
    const api = await (await fetch(`${server.base}/api/v1/calendar/add-working-days?from=${today}&days=5&commune=nhat-tan`)).json();
    assert.equal(`${after[4]}-${after[3]}-${after[2]}`, api.due);
  });

  test('every change above is in an intact audit chain', () => {
    const r = xaso(['audit', 'verify', '--db', server.db]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });
});
