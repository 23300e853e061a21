// Open311 GeoReport v2 at /open311/v2 (OPEN311.md): every endpoint in JSON and XML, every
// error in the spec's body with its HTTP code, and no personal data in any response.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rawSql, startServer, xaso } from './harness.mjs';

const V2 = '/open311/v2';
// Personal details sent with a request; none of them may ever come back.
const PERSON = { first_name: 'Nguyễn', last_name: 'Thị Riêngtư', phone: '0912 345 678', email: 'rieng@example.vn' };

function tag(xml, name) {
  const m = xml.match(new RegExp(`<${name}>([^<]*)</${name}>`));
  return m ? m[1] : undefined;
}

describe('Open311 GeoReport v2', () => {
  let server, key;
  const bodies = [];  // every response body, checked for personal data at the end
  const get = async (p) => {
    const res = await fetch(server.base + p);
    const text = await res.text();
    bodies.push(text);
    return { status: res.status, type: res.headers.get('content-type') || '', text };
  };
  const post = async (fmt, form) => {
    const res = await fetch(`${server.base}${V2}/requests.${fmt}`, {
      method: 'POST', body: new URLSearchParams(form).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    });
    const text = await res.text();
    bodies.push(text);
    return { status: res.status, type: res.headers.get('content-type') || '', text };
  };
  const valid = () => ({ api_key: key, service_code: 'ha_tang', lat: '20.69', long: '106.05',
    description: 'Đèn đường thôn 3 hỏng <từ tuần trước> & chưa sửa.', ...PERSON });
  const expectError = (r, status, fmt) => {
    assert.equal(r.status, status, r.text);
    if (fmt === 'json') {
      const body = JSON.parse(r.text);
      assert.ok(Array.isArray(body) && body.length >= 1, r.text);
      assert.equal(body[0].code, status);
      assert.ok(body[0].description.length > 0);
    } else {
      assert.match(r.text, new RegExp(`^<\\?xml[^>]*\\?><errors><error><code>${status}</code><description>[^<]+</description></error>`));
    }
  };

  before(async () => {
    server = await startServer();
    const r = xaso(['open311', 'key', 'create', 'Tổng đài thử', '--commune', 'nhat-tan', '--db', server.db]);
    assert.equal(r.status, 0, r.stderr);
    key = r.stdout.trim();
    assert.match(key, /^[A-Za-z0-9_-]{40,}$/);
  });
  after(async () => { await server.stop(); });

  test('discovery lists the endpoint with both formats', async () => {
    const j = await get(`${V2}/discovery.json`);
    assert.equal(j.status, 200);
    assert.match(j.type, /application\/json/);
    const d = JSON.parse(j.text);
    assert.equal(d.endpoints[0].specification, 'http://wiki.open311.org/GeoReport_v2');
    assert.deepEqual(d.endpoints[0].formats, ['text/xml', 'application/json']);
    assert.equal(d.max_requests, 1000);
    const x = await get(`${V2}/discovery.xml`);
    assert.equal(x.status, 200);
    assert.match(x.type, /text\/xml/);
    assert.match(x.text, /<discovery>.*<endpoints><endpoint>.*<formats><format>text\/xml<\/format><format>application\/json<\/format><\/formats>/);
  });

  test('services are the commune\'s active categories', async () => {
    const j = await get(`${V2}/services.json?jurisdiction_id=nhat-tan`);
    assert.equal(j.status, 200);
    const list = JSON.parse(j.text);
    const infra = list.find((s) => s.service_code === 'ha_tang');
    assert.ok(infra, j.text);
    assert.equal(infra.metadata, false);
    assert.equal(infra.type, 'realtime');
    assert.equal(infra.group, 'infrastructure');
    assert.ok(infra.service_name.length > 0);
    for (const k of ['description', 'keywords']) assert.ok(k in infra);
    const x = await get(`${V2}/services.xml`);
    assert.equal(x.status, 200);
    assert.match(x.text, /<services><service><service_code>[^<]+<\/service_code><service_name>/);
    assert.equal((x.text.match(/<service>/g) || []).length, list.length);
  });

  test('a service definition has no attributes', async () => {
    const j = await get(`${V2}/services/ha_tang.json`);
    assert.equal(j.status, 200);
    assert.deepEqual(JSON.parse(j.text), { service_code: 'ha_tang', attributes: [] });
    const x = await get(`${V2}/services/ha_tang.xml`);
    assert.match(x.text, /<service_definition><service_code>ha_tang<\/service_code><attributes><\/attributes><\/service_definition>/);
    expectError(await get(`${V2}/services/khong_co.json`), 404, 'json');
    expectError(await get(`${V2}/services/khong_co.xml`), 404, 'xml');
  });

  test('a request posted, then read back by id, token and list, in both formats', async () => {
    const p = await post('json', valid());
    assert.equal(p.status, 200, p.text);
    const [created] = JSON.parse(p.text);
    assert.match(created.service_request_id, /^PA-[A-Z2-9]{8}$/);
    assert.ok(created.service_notice.length > 0);
    assert.ok('account_id' in created);

    const one = await get(`${V2}/requests/${created.service_request_id}.json`);
    assert.equal(one.status, 200);
    const [r] = JSON.parse(one.text);
    assert.equal(r.service_request_id, created.service_request_id);
    assert.equal(r.status, 'open');
    assert.equal(r.service_code, 'ha_tang');
    assert.equal(r.description, valid().description);
    assert.match(r.requested_datetime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
    assert.match(r.updated_datetime, /\+07:00$/);
    assert.match(r.expected_datetime, /^\d{4}-\d\d-\d\dT23:59:59\+07:00$/);
    assert.ok(r.expected_datetime > r.requested_datetime);
    assert.ok(r.agency_responsible.length > 0);
    assert.equal(r.lat, 20.69);
    assert.equal(r.long, 106.05);
    for (const k of ['status_notes', 'service_name', 'service_notice', 'address', 'media_url']) assert.ok(k in r, k);

    const x = await get(`${V2}/requests/${created.service_request_id}.xml`);
    assert.equal(x.status, 200);
    assert.equal(tag(x.text, 'service_request_id'), created.service_request_id);
    assert.equal(tag(x.text, 'status'), 'open');
    assert.equal(tag(x.text, 'expected_datetime'), r.expected_datetime);
    // Element text is escaped.
    assert.equal(tag(x.text, 'description'), 'Đèn đường thôn 3 hỏng &lt;từ tuần trước&gt; &amp; chưa sửa.');

    const px = await post('xml', { ...valid(), lat: '', long: '', address_string: 'Thôn 3' });
    assert.equal(px.status, 200, px.text);
    assert.match(tag(px.text, 'service_request_id'), /^PA-/);

    const tj = await get(`${V2}/tokens/${created.service_request_id}.json`);
    assert.deepEqual(JSON.parse(tj.text), [{ service_request_id: created.service_request_id, token: created.service_request_id }]);
    const tx = await get(`${V2}/tokens/${created.service_request_id}.xml`);
    assert.equal(tag(tx.text, 'token'), created.service_request_id);
    expectError(await get(`${V2}/tokens/PA-ZZZZZZZZ.json`), 404, 'json');

    const list = JSON.parse((await get(`${V2}/requests.json`)).text);
    assert.ok(list.some((i) => i.service_request_id === created.service_request_id));
    const lx = await get(`${V2}/requests.xml?service_code=ha_tang&status=open`);
    assert.ok(lx.text.includes(`<service_request_id>${created.service_request_id}</service_request_id>`));
    const byId = JSON.parse((await get(`${V2}/requests.json?service_request_id=${created.service_request_id},PA-ZZZZZZZZ&status=closed`)).text);
    assert.equal(byId.length, 1);  // the id list overrides the status filter
    assert.deepEqual(JSON.parse((await get(`${V2}/requests.json?status=closed`)).text)
      .filter((i) => i.service_request_id === created.service_request_id), []);
    assert.deepEqual(JSON.parse((await get(`${V2}/requests.json?service_code=an_ninh`)).text)
      .filter((i) => i.service_request_id === created.service_request_id), []);
    const today = new Date().toISOString().slice(0, 10);
    const ranged = JSON.parse((await get(`${V2}/requests.json?start_date=2020-01-01T00:00:00Z&end_date=2020-03-01T00:00:00Z`)).text);
    assert.deepEqual(ranged, []);
    assert.ok(today.length === 10);

    // A hidden item never appears.
    rawSql(server, `UPDATE feedback SET hidden = 1 WHERE tracking_code = '${created.service_request_id}'`);
    expectError(await get(`${V2}/requests/${created.service_request_id}.json`), 404, 'json');
    assert.ok(!(await get(`${V2}/requests.json`)).text.includes(created.service_request_id));
  });

  test('every error has the spec\'s body and HTTP code', async () => {
    for (const fmt of ['json', 'xml']) {
      const { api_key: _, ...noKey } = valid();
      expectError(await post(fmt, noKey), 403, fmt);
      expectError(await post(fmt, { ...valid(), api_key: 'not-a-key' }), 403, fmt);
      expectError(await post(fmt, { ...valid(), service_code: 'khong_co' }), 404, fmt);
      expectError(await post(fmt, { ...valid(), lat: '', long: '' }), 400, fmt);
      expectError(await post(fmt, { ...valid(), description: 'a'.repeat(4001) }), 400, fmt);
      expectError(await post(fmt, { ...valid(), jurisdiction_id: 'khong-co' }), 404, fmt);
      expectError(await get(`${V2}/requests/PA-ZZZZZZZZ.${fmt}`), 404, fmt);
      expectError(await get(`${V2}/requests/khong-phai-ma.${fmt}`), 404, fmt);
      expectError(await get(`${V2}/requests.${fmt}?start_date=2026-01-01&end_date=2026-06-01`), 400, fmt);
      expectError(await get(`${V2}/requests.${fmt}?start_date=2026-03-01&end_date=2026-02-01`), 400, fmt);
      expectError(await get(`${V2}/requests.${fmt}?start_date=hom-qua`), 400, fmt);
      expectError(await get(`${V2}/requests.${fmt}?status=pending`), 400, fmt);
      expectError(await get(`${V2}/services.${fmt}?jurisdiction_id=khong-co`), 404, fmt);
      expectError(await get(`${V2}/requests.${fmt}?jurisdiction_id=khong-co`), 404, fmt);
    }
    // The description limit counts characters, not bytes.
    assert.equal((await post('json', { ...valid(), description: 'đ'.repeat(4000) })).status, 200);
    // An unknown format is a missing resource; the body is XML, the mandatory format.
    for (const p of [`${V2}/services.html`, `${V2}/requests.csv`, `${V2}/discovery.txt`, `${V2}/services/ha_tang.html`]) {
      expectError(await get(p), 404, 'xml');
    }
    const wrongType = await fetch(`${server.base}${V2}/requests.json`, {
      method: 'POST', body: JSON.stringify(valid()), headers: { 'content-type': 'application/json' },
    });
    assert.equal(wrongType.status, 400);
    assert.equal(JSON.parse(await wrongType.text())[0].code, 400);
  });

  test('no response carries the citizen\'s name, phone or e-mail', () => {
    assert.ok(bodies.length > 20);
    for (const b of bodies) {
      for (const secret of ['Riêngtư', PERSON.phone, PERSON.email, '0912345678']) {
        assert.ok(!b.includes(secret), `personal data in ${b.slice(0, 200)}`);
      }
    }
  });
});

describe('Open311 api_keys: listed, limited per hour, revoked', () => {
  let server;
  before(async () => { server = await startServer({ env: { XASO_OPEN311_MAX_PER_KEY: '2' } }); });
  after(async () => { await server.stop(); });
  const cli = (...args) => xaso(['open311', 'key', ...args, '--commune', 'nhat-tan', '--db', server.db]);
  const post = (key) => fetch(`${server.base}${V2}/requests.json`, {
    method: 'POST',
    body: new URLSearchParams({ api_key: key, service_code: 'ha_tang', address_string: 'Thôn 2',
      description: 'Cống thoát nước thôn 2 bị tắc.' }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

  test('each key has its own hourly limit, and a revoked key is refused at once', async () => {
    const a = cli('create', 'Tổng đài A').stdout.trim();
    const b = cli('create', 'Ứng dụng B').stdout.trim();
    for (let i = 0; i < 2; i++) assert.equal((await post(a)).status, 200);
    const limited = await post(a);
    assert.equal(limited.status, 429);
    const body = await limited.json();
    assert.equal(body[0].code, 429);
    assert.match(body[0].description, /một giờ/);
    // The other key is not affected by A's count.
    assert.equal((await post(b)).status, 200);

    const listed = cli('list');
    assert.equal(listed.status, 0, listed.stderr);
    const rows = listed.stdout.trim().split('\n').map((l) => l.split('\t'));
    assert.deepEqual(rows.map((r) => [r[1], r[3]]), [['Tổng đài A', 'active'], ['Ứng dụng B', 'active']]);
    assert.ok(!listed.stdout.includes(a) && !listed.stdout.includes(b), 'a key is never shown again');

    const idB = rows[1][0];
    assert.equal(cli('revoke', idB).status, 0);
    const refused = await post(b);
    assert.equal(refused.status, 403);
    assert.equal((await refused.json())[0].code, 403);
    assert.match(cli('list').stdout, /Ứng dụng B\t\d{4}-\d{2}-\d{2}\trevoked \d{4}-\d{2}-\d{2}/);
    // Revoking twice, or a key that does not exist, fails with a message.
    const again = cli('revoke', idB);
    assert.notEqual(again.status, 0);
    assert.match(again.stderr, /already revoked/);
    assert.notEqual(cli('revoke', '999999').status, 0);
    const audit = rawSql(server, "SELECT action, summary FROM audit_entry WHERE entity = 'open311_key' ORDER BY id");
    assert.match(audit, /revoke\|Ứng dụng B/);
  });
});
