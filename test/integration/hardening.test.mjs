// Attacks and HTTP details found in review: header injection through redirects, caching of
// personal pages, control characters, the 405 Allow header, CSRF renewal, the trusted proxy.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, rawSql, startServer } from './harness.mjs';

describe('hardening', () => {
  let server;
  before(async () => { server = await startServer({ env: { XASO_TRUSTED_PROXY: '127.0.0.1' } }); });
  after(async () => { await server.stop(); });

  test('a crafted next= can neither inject headers nor leave the site', async () => {
    const page = await (await fetch(`${server.base}/dang-nhap?next=/x%0D%0ASet-Cookie:%20evil=1`)).text();
    assert.match(page, /name="next" value="\/bang-dieu-khien"/);
    for (const next of ['/\t/evil.example', '/x\r\nSet-Cookie: evil=1', '/\\evil.example',
      'https://evil.example/', '/a b', '//evil.example']) {
      const c = new Client(server.base);
      const res = await c.post('/dang-nhap', { username: 'vanphong', password: 'xaso-demo-vanphong', next });
      assert.equal(res.headers.get('location'), '/bang-dieu-khien', JSON.stringify(next));
      assert.ok(!res.headers.getSetCookie().some((x) => x.startsWith('evil')));
    }
  });

  test('personal pages are never stored by caches', async () => {
    const c = new Client(server.base);
    await c.signIn('chutich');
    const res = await c.get('/bang-dieu-khien');
    assert.equal(res.headers.get('cache-control'), 'no-store');
  });

  test('the CSRF token is renewed at sign-in', async () => {
    const c = new Client(server.base);
    await c.get('/dang-nhap');
    const before = c.csrf;
    await c.signIn('vanphong');
    assert.ok(c.csrf && c.csrf !== before);
  });

  test('control characters in a form are refused', async () => {
    const c = new Client(server.base);
    await c.signIn('quantri');
    const res = await c.post('/quan-tri/tai-khoan', {
      username: 'nul.user', display_name: 'A\u0000B', role: 'officer', password: 'mot-mat-khau-dai',
    });
    assert.equal(res.status, 400);
  });

  test('a wrong method gets 405 with the Allow header', async () => {
    const res = await fetch(`${server.base}/bang-dieu-khien`, { method: 'DELETE' });
    assert.equal(res.status, 405);
    assert.equal(res.headers.get('allow'), 'GET');
  });

  test("a demoted leader leaves the home page's contacts at once", async () => {
    assert.match(await (await fetch(`${server.base}/`)).text(), /Trần Thị Lan/);
    const admin = new Client(server.base);
    await admin.signIn('quantri');
    assert.equal((await admin.post('/quan-tri/tai-khoan/vai-tro', { username: 'phochutich', role: 'officer' })).status, 200);
    assert.doesNotMatch(await (await fetch(`${server.base}/`)).text(), /Trần Thị Lan/);
  });

  test('behind the trusted proxy, the per-IP limit counts the citizen, not the proxy', async () => {
    const from = (ip) => ({ headers: { 'x-forwarded-for': `203.0.113.9, ${ip}` } });
    for (let i = 0; i < 20; ++i) {
      const c = new Client(server.base);
      await c.post('/dang-nhap', { username: `khong-co-${i}`, password: 'sai' }, from('198.51.100.1'));
    }
    const blocked = new Client(server.base);
    const res = await blocked.post('/dang-nhap', { username: 'mttq', password: 'xaso-demo-mttq' }, from('198.51.100.1'));
    assert.equal(res.status, 429);
    const other = new Client(server.base);
    const ok = await other.post('/dang-nhap', { username: 'mttq', password: 'xaso-demo-mttq' }, from('198.51.100.2'));
    assert.equal(ok.status, 303);
  });

  test('sign-in attempts are kept under a pseudonym, never the address', async () => {
    const c = new Client(server.base);
    await c.post('/dang-nhap', { username: 'khong-co', password: 'sai' }, { headers: { 'x-forwarded-for': '198.51.100.77' } });
    const ips = rawSql(server, 'SELECT DISTINCT ip FROM signin_attempt');
    assert.ok(ips.length > 0);
    assert.doesNotMatch(ips, /198\.51\.100|127\.0\.0\.1/);
    for (const ip of ips.split('\n')) assert.match(ip, /^[0-9a-f]{64}$/);
  });
});
