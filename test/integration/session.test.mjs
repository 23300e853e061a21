// Sign-in, sessions, limits, password change, security headers, language, the audit chain.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, rawSql, startServer, xaso } from './harness.mjs';

describe('accounts and sessions', () => {
  let server;
  before(async () => { server = await startServer(); });
  after(async () => { await server.stop(); });

  test('pages carry the security headers and a Vietnamese home page', async () => {
    const res = await fetch(`${server.base}/`);
    assert.equal(res.status, 200);
    const csp = res.headers.get('content-security-policy');
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.ok(res.headers.get('referrer-policy'));
    const html = await res.text();
    assert.match(html, /<html lang="vi">/);
    assert.match(html, /Xã Nhật Tân/);
    assert.match(html, /Nguyễn Văn Minh/);  // leaders' contacts are published
    assert.match(html, /11\/KH-UBND/);
    assert.doesNotMatch(html, /<script/);
    assert.ok(Buffer.byteLength(html) < 60 * 1024, 'page under 60 KB');
  });

  test('the session cookie is HttpOnly and SameSite=Lax, and sign-out ends it', async () => {
    const c = new Client(server.base);
    const res = await c.signIn('chutich');
    assert.equal(res.headers.get('location'), '/bang-dieu-khien');
    const cookie = res.headers.getSetCookie().find((x) => x.startsWith('xaso_session='));
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    const dash = await c.get('/bang-dieu-khien');
    assert.equal(dash.status, 200);
    assert.match(await dash.text(), /Bảng điều khiển/);
    const me = await (await c.get('/api/v1/me')).json();
    assert.equal(me.role, 'leader');
    const stolen = c.cookies.get('xaso_session');
    assert.equal((await c.post('/dang-xuat', {})).status, 303);
    const replay = await fetch(`${server.base}/api/v1/me`, { headers: { cookie: `xaso_session=${stolen}` } });
    assert.equal(replay.status, 401, 'a signed-out token no longer works');
  });

  test('a citizen lands on the portal, not on the staff dashboard', async () => {
    const c = new Client(server.base);
    const res = await c.signIn('congdan');
    assert.equal(res.headers.get('location'), '/');
    assert.equal((await c.get('/bang-dieu-khien')).status, 403);
  });

  test('an open redirect through next= is refused', async () => {
    const c = new Client(server.base);
    const res = await c.post('/dang-nhap', { username: 'vanphong', password: 'xaso-demo-vanphong', next: '//evil.example/' });
    assert.equal(res.headers.get('location'), '/bang-dieu-khien');
  });

  test('five wrong passwords lock the account with a Vietnamese message', async () => {
    const c = new Client(server.base);
    for (let i = 0; i < 5; ++i) {
      const res = await c.post('/dang-nhap', { username: 'phochutich', password: `sai-${i}` });
      assert.equal(res.status, 422);
      assert.match(await res.text(), /Tên đăng nhập hoặc mật khẩu không đúng/);
    }
    const locked = await c.post('/dang-nhap', { username: 'phochutich', password: 'xaso-demo-phochutich' });
    assert.equal(locked.status, 429);
    assert.match(await locked.text(), /quá nhiều lần/);
  });

  test('changing the password shows field errors, then works and ends the session', async () => {
    const c = new Client(server.base);
    await c.signIn('motcua');
    const weak = await c.post('/doi-mat-khau', { current_password: 'sai', new_password: 'ngan', confirm_password: 'ngan' });
    assert.equal(weak.status, 422);
    const html = await weak.text();
    assert.match(html, /Mật khẩu hiện tại không đúng/);
    assert.match(html, /ít nhất 10 ký tự/);
    const ok = await c.post('/doi-mat-khau', {
      current_password: 'xaso-demo-motcua', new_password: 'mật-khẩu-mới-2026', confirm_password: 'mật-khẩu-mới-2026',
    });
    assert.equal(ok.status, 200);
    assert.equal((await c.get('/bang-dieu-khien')).status, 303);
    const again = new Client(server.base);
    await again.signIn('motcua', 'mật-khẩu-mới-2026');
  });

  test('English is the second language, and the switch returns to the same page', async () => {
    const c = new Client(server.base);
    const back = await c.get('/ngon-ngu/en?next=/xa/nhat-tan/quy-dinh');
    assert.equal(back.headers.get('location'), '/xa/nhat-tan/quy-dinh');
    const evil = await c.get('/ngon-ngu/en?next=//evil.example/');
    assert.equal(evil.headers.get('location'), '/');
    const html = await (await c.get('/')).text();
    assert.match(html, /<html lang="en">/);
    assert.match(html, /Latest announcements/);
  });

  test('a commune address without its final slash is redirected', async () => {
    const res = await fetch(`${server.base}/xa/nhat-tan`, { redirect: 'manual' });
    assert.equal(res.status, 308);
    assert.equal(res.headers.get('location'), '/xa/nhat-tan/');
    assert.equal((await fetch(`${server.base}/khong-co`, { redirect: 'manual' })).status, 404);
  });

  test('the calendar API computes deadlines across Tết', async () => {
    const res = await fetch(`${server.base}/api/v1/calendar/add-working-days?from=2026-02-10&days=10`);
    assert.deepEqual(await res.json(), { from: '2026-02-10', days: 10, due: '2026-03-03' });
  });

  test('audit verify passes, then fails naming the entry altered in the database', () => {
    const ok = xaso(['audit', 'verify', '--db', server.db]);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /intact/);
    rawSql(server, "UPDATE audit_entry SET summary = 'sửa lén' WHERE seq = 4");
    const bad = xaso(['audit', 'verify', '--db', server.db]);
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, /entry 4/);
  });
});
