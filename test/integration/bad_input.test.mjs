// Bad input never crashes the server nor gets a 500: random bytes on the socket, malformed
// HTTP, malformed UTF-8 and escapes, oversized bodies, forged forms. A valid request succeeds
// afterwards.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { Client, startServer } from './harness.mjs';

function rawRequest(port, bytes, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    const chunks = [];
    const done = () => { sock.destroy(); resolve(Buffer.concat(chunks).toString('latin1')); };
    sock.setTimeout(timeoutMs, done);
    sock.on('data', (d) => chunks.push(d));
    sock.on('end', done);
    sock.on('error', done);
    sock.on('connect', () => sock.end(bytes));
  });
}

// A deterministic generator, so a failure can be replayed.
function prng(seed) {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s; };
}

describe('bad input', () => {
  let server;
  before(async () => { server = await startServer(); });
  after(async () => { await server.stop(); });

  test('1,000 random byte strings, then a valid request succeeds', async () => {
    const next = prng(20240129);
    const prefixes = ['', 'GET / HTTP/1.1\r\n', 'POST /dang-nhap HTTP/1.1\r\nContent-Length: 5\r\n\r\n', 'GET /'];
    for (let batch = 0; batch < 50; ++batch) {
      const sends = [];
      for (let i = 0; i < 20; ++i) {
        const len = next() % 600;
        const buf = Buffer.alloc(len);
        for (let k = 0; k < len; ++k) buf[k] = next() & 0xff;
        const prefix = Buffer.from(prefixes[next() % prefixes.length], 'latin1');
        sends.push(rawRequest(server.port, Buffer.concat([prefix, buf]), 1000));
      }
      const replies = await Promise.all(sends);
      for (const r of replies) assert.ok(!/^HTTP\/1\.1 5\d\d/.test(r), `5xx reply: ${r.slice(0, 80)}`);
    }
    const res = await fetch(`${server.base}/`);
    assert.equal(res.status, 200);
    assert.equal(server.child.exitCode, null, 'server still running');
  });

  test('malformed requests get 4xx, never 5xx', async () => {
    const cases = [
      'GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET /%C3%28 HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET /?a=%ff%fe HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET /xa/%FF/ HTTP/1.1\r\nHost: x\r\n\r\n',
      'BREW / HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET / HTTP/9.9\r\n\r\n',
      `GET /${'a'.repeat(10000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      'POST /dang-nhap HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n',
      'POST /dang-nhap HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
    ];
    for (const c of cases) {
      const reply = await rawRequest(server.port, Buffer.from(c, 'latin1'));
      assert.ok(!/^HTTP\/1\.1 5\d\d/.test(reply), `${JSON.stringify(c.slice(0, 40))} → ${reply.slice(0, 40)}`);
    }
    const bad = await rawRequest(server.port, Buffer.from('GET /%C3%28 HTTP/1.1\r\nHost: x\r\n\r\n', 'latin1'));
    assert.match(bad, /^HTTP\/1\.1 400/);
    assert.equal((await fetch(`${server.base}/healthz`)).status, 200);
  });

  test('a body over the limit gets 413', async () => {
    const c = new Client(server.base);
    const res = await c.post('/dang-nhap', { username: 'x', password: 'y'.repeat(1024 * 1024 + 10) });
    assert.equal(res.status, 413);
  });

  test('malformed UTF-8 in a form gets 400', async () => {
    const c = new Client(server.base);
    await c.get('/dang-nhap');
    const res = await fetch(`${server.base}/dang-nhap`, {
      method: 'POST', redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: c.cookieHeader() },
      body: `_csrf=${c.csrf}&username=%C3%28&password=x`,
    });
    assert.equal(res.status, 400);
  });

  test('a form without the CSRF token is refused with 403 and changes nothing', async () => {
    const c = new Client(server.base);
    const res = await c.post('/dang-nhap', { username: 'chutich', password: 'xaso-demo-chutich' }, { csrf: false });
    assert.equal(res.status, 403);
    assert.ok(!c.cookies.has('xaso_session'));
    // An empty token with no cookie at all must not pass either.
    const empty = await fetch(`${server.base}/dang-nhap`, {
      method: 'POST', redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '_csrf=&username=chutich&password=xaso-demo-chutich',
    });
    assert.equal(empty.status, 403);
    const forged = await c.post('/dang-nhap', { username: 'chutich', password: 'xaso-demo-chutich', _csrf: 'A'.repeat(43) }, { csrf: false });
    assert.equal(forged.status, 403);
  });

  test('the API answers bad parameters with the structured error body', async () => {
    for (const q of ['year=abc', 'year=', 'year=99999']) {
      const res = await fetch(`${server.base}/api/v1/calendar/holidays?${q}`);
      assert.equal(res.status, 400);
      const body = await res.json();
      assert.equal(body.error.code, 'invalid_argument');
      assert.equal(typeof body.error.message, 'string');
      assert.equal(body.error.fields[0].field, 'year');
    }
    const res = await fetch(`${server.base}/api/v1/calendar/add-working-days?from=2026-02-30&days=-1`);
    assert.equal(res.status, 400);
    assert.equal((await res.json()).error.fields.length, 2);
    const unknown = await fetch(`${server.base}/api/v1/nothing`);
    assert.equal(unknown.status, 404);
    assert.equal((await unknown.json()).error.code, 'not_found');
    const anon = await fetch(`${server.base}/api/v1/me`);
    assert.equal(anon.status, 401);
  });

  test('an unknown document id or commune is a Vietnamese 404 page', async () => {
    for (const p of ['/xa/nhat-tan/van-ban/999999', '/xa/nhat-tan/van-ban/abc', '/xa/khong-co/', '/xa/nhat-tan/van-ban/99999999999999999999']) {
      const res = await fetch(server.base + p);
      assert.equal(res.status, 404, p);
      assert.match(await res.text(), /Không tìm thấy/);
    }
  });
});
