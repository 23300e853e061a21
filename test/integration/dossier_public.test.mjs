// The one-stop shop's dossiers seen from outside the desk (issue 5, parts 2, 4–6): a portal's
// export imported with its own codes (CLI and upload page, twice without storing anything
// twice), the public lookup by code with initials only, bad codes, the anonymous rating once,
// the statistics on a page, in CSV and JSON, and the register's CSV export and JSON list.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, rawSql, startServer, xaso } from './harness.mjs';

// Two days ago at 08:30 in Vietnam, as the portals write it ("dd/mm/yyyy HH:MM"), and its month.
const vn = new Date(Date.now() + 7 * 3600e3 - 2 * 86400e3);
const pad = (n) => String(n).padStart(2, '0');
const DAY = `${pad(vn.getUTCDate())}/${pad(vn.getUTCMonth() + 1)}/${vn.getUTCFullYear()}`;
const MONTH = `${vn.getUTCFullYear()}-${pad(vn.getUTCMonth() + 1)}`;
const ISO = `${vn.getUTCFullYear()}-${pad(vn.getUTCMonth() + 1)}-${pad(vn.getUTCDate())}T09:15:00+07:00`;

const BIRTH = 'H31-IT-0001';
const COPY = 'H31-IT-0002';
const JSON_CODE = 'H31-IT-0003';
const CSV = [
  'code,procedure_code,received_at,applicant_name,phone,address,documents',
  `${BIRTH},1.001193,${DAY} 08:30,Nguyễn Văn An,0912345678,Số 7 ngõ Hòe,Tờ khai;Giấy chứng sinh`,
  `${COPY},2.000815,${ISO},Trần Thị Bình,0987654321,Thôn Đông,Bản chính`,
  `H31-IT-0009,1.001193,31/02/2026 08:30,Lê Văn Cường,,,Tờ khai`,
].join('\n');

describe('dossiers: import, public lookup, rating, statistics, export', () => {
  let server, dir, csvFile, citizen, clerk, leader;
  before(async () => {
    server = await startServer();
    // This suite counts its own imports exactly: the demo's dossiers would mix into them.
    rawSql(server, 'DELETE FROM dossier_event; DELETE FROM dossier_stat; DELETE FROM dossier');
    dir = mkdtempSync(path.join(os.tmpdir(), 'xaso-dossier-'));
    csvFile = path.join(dir, 'portal.csv');
    writeFileSync(csvFile, CSV);
    citizen = new Client(server.base);
    clerk = new Client(server.base);
    await clerk.signIn('motcua');
    leader = new Client(server.base);
    await leader.signIn('chutich');
  });
  after(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the CLI imports a portal export keeping its codes; again, it stores nothing twice', () => {
    const first = xaso(['dossiers', 'import', csvFile, '--commune', 'nhat-tan', '--db', server.db]);
    assert.equal(first.status, 1, 'a refused line makes the exit code non-zero');
    assert.match(first.stdout, /imported 2, already present 0, refused 1/);
    assert.match(first.stdout, /line 4: .*31\/02\/2026 08:30/);
    const again = xaso(['dossiers', 'import', csvFile, '--commune', 'nhat-tan', '--db', server.db]);
    assert.match(again.stdout, /imported 0, already present 2, refused 1/);
    assert.equal(rawSql(server, "SELECT COUNT(*) FROM dossier WHERE code LIKE 'H31-IT-%'"), '2');
    assert.equal(rawSql(server, `SELECT channel FROM dossier WHERE code = '${BIRTH}'`), 'online');
    const bad = xaso(['dossiers', 'import', csvFile, '--commune', 'khong-co', '--db', server.db]);
    assert.notEqual(bad.status, 0);
  });

  test('the upload page imports JSON and reports what is already present', async () => {
    const file = {
      name: 'portal.json', type: 'application/json',
      bytes: JSON.stringify([{ code: JSON_CODE, procedure_code: '1.001193', received_at: ISO,
        applicant_name: 'Phạm Thị Dung', phone: '0901000000', documents: 'Tờ khai' }]),
    };
    const res = await clerk.postMultipart('/quan-ly/ho-so/nhap', {}, { file });
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /id="import-imported">1</);
    const again = await (await clerk.postMultipart('/quan-ly/ho-so/nhap', {}, { file })).text();
    assert.match(again, /id="import-already">1</);
    assert.match(again, /id="import-imported">0</);
    const empty = await clerk.postMultipart('/quan-ly/ho-so/nhap', {});
    assert.equal(empty.status, 422);
    const broken = await clerk.postMultipart('/quan-ly/ho-so/nhap', {},
      { file: { name: 'x.json', type: 'application/json', bytes: '{"code":' } });
    assert.equal(broken.status, 422);
    assert.ok((await broken.text()).includes('Tệp không phải JSON hợp lệ'));
  });

  test('the public lookup shows the dossier with initials only, never the phone or address', async () => {
    const redirect = await citizen.get(`/xa/nhat-tan/ho-so?ma=${BIRTH}`);
    assert.equal(redirect.status, 303);
    assert.equal(redirect.headers.get('location'), `/xa/nhat-tan/ho-so/${BIRTH}`);
    const res = await citizen.get(`/xa/nhat-tan/ho-so/${BIRTH}`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.ok(html.includes('Đăng ký khai sinh'));
    assert.match(html, /id="dossier-initials">N\.V\.A\.</);
    assert.match(html, /id="dossier-status">Đã tiếp nhận</);
    for (const secret of ['Nguyễn Văn An', '0912345678', 'Số 7 ngõ Hòe', 'Giấy chứng sinh']) {
      assert.ok(!html.includes(secret), `the page must not show ${secret}`);
    }
    const api = await citizen.api(`/api/v1/dossiers/${BIRTH}?commune=nhat-tan`);
    assert.equal(api.status, 200);
    assert.equal(api.json.applicant_initials, 'N.V.A.');
    assert.equal(api.json.procedure_code, '1.001193');
    assert.equal(api.json.status, 'received');
    const body = JSON.stringify(api.json);
    for (const secret of ['Nguyễn Văn An', '0912345678', 'Số 7 ngõ Hòe', 'Giấy chứng sinh']) {
      assert.ok(!body.includes(secret), `the JSON must not hold ${secret}`);
    }
  });

  test('a malformed code is 400 and an unknown one 404, on the page and in JSON', async () => {
    const malformed = await citizen.get('/xa/nhat-tan/ho-so?ma=%3Cscript%3E');
    assert.equal(malformed.status, 400);
    assert.ok((await malformed.text()).includes('Mã hồ sơ không đúng dạng'));
    assert.equal((await citizen.get('/xa/nhat-tan/ho-so/ab')).status, 400);
    const unknown = await citizen.get('/xa/nhat-tan/ho-so/H31-KHONG-CO');
    assert.equal(unknown.status, 404);
    assert.ok((await unknown.text()).includes('Không tìm thấy hồ sơ'));
    const apiBad = await citizen.api('/api/v1/dossiers/ab?commune=nhat-tan');
    assert.equal(apiBad.status, 400);
    assert.equal(apiBad.json.error.code, 'invalid_argument');
    const apiUnknown = await citizen.api('/api/v1/dossiers/H31-KHONG-CO?commune=nhat-tan');
    assert.equal(apiUnknown.status, 404);
    assert.equal(apiUnknown.json.error.code, 'not_found');
    assert.equal((await citizen.api(`/api/v1/dossiers/${BIRTH}`)).status, 400);
    // Another commune does not see this commune's dossier.
    assert.equal((await citizen.get(`/xa/khong-co/ho-so/${BIRTH}`)).status, 404);
  });

  test('a returned dossier is rated once, anonymously; before its return it cannot be', async () => {
    const rate = `/xa/nhat-tan/ho-so/${BIRTH}/danh-gia`;
    const early = await citizen.post(rate, { satisfaction: 'satisfied' });
    assert.equal(early.status, 422);
    // The staff steps are another part's pages: the dossier is returned around the application,
    // then the kept statistics are rebuilt from the dossiers.
    const now = Math.floor(Date.now() / 1000);
    rawSql(server, `UPDATE dossier SET status = 'returned', finished_at = ${now - 60}, ` +
      `returned_at = ${now} WHERE code = '${BIRTH}'`);
    assert.equal(xaso(['dossiers', 'rebuild-stats', '--db', server.db]).status, 0);
    const page = await (await citizen.get(`/xa/nhat-tan/ho-so/${BIRTH}`)).text();
    assert.ok(page.includes('name="satisfaction"'), 'the rating form is offered');
    const pin = rawSql(server, `SELECT rating_pin FROM dossier WHERE code = '${BIRTH}'`);
    assert.match(pin, /^[2-9A-HJKMNP-Z]{8}$/);
    // Codes are predictable: without the rating code from the receipt nobody rates.
    for (const guess of ['', 'AAAAAAAA']) {
      const refused = await citizen.post(rate, { satisfaction: 'not_satisfied', pin: guess });
      assert.equal(refused.status, 422);
      assert.ok((await refused.text()).includes('mã đánh giá'));
    }
    assert.equal(rawSql(server, `SELECT satisfaction FROM dossier WHERE code = '${BIRTH}'`), '');
    assert.equal((await citizen.post(rate, { satisfaction: 'bad' })).status, 422);
    assert.equal((await citizen.post(rate, { satisfaction: 'satisfied', comment: 'x'.repeat(1001) })).status, 422);
    // Typed in lower case with a space, as from paper.
    const typed = `${pin.slice(0, 4).toLowerCase()} ${pin.slice(4)}`;
    const ok = await citizen.post(rate, { satisfaction: 'very_satisfied', comment: 'Nhanh, chu đáo.', pin: typed });
    assert.equal(ok.status, 303);
    const after = await (await citizen.get(ok.headers.get('location'))).text();
    assert.match(after, /id="dossier-rating">Rất hài lòng</);
    assert.ok(!after.includes('name="satisfaction"'), 'no second form');
    const twice = await citizen.post(rate, { satisfaction: 'not_satisfied', pin });
    assert.equal(twice.status, 409);
    assert.ok((await twice.text()).includes('đã được đánh giá'));
    assert.equal(rawSql(server, `SELECT satisfaction FROM dossier WHERE code = '${BIRTH}'`), 'very_satisfied');
  });

  test('the statistics page, its CSV and the JSON count the imported dossiers', async () => {
    const res = await leader.get(`/quan-ly/ho-so/thong-ke?tu=${MONTH}&den=${MONTH}&theo=procedure`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.ok(html.includes('Đăng ký khai sinh (1.001193)'));
    assert.match(html, /<tr id="dossier-stats-total"><th scope="row">Tổng<\/th><td>3<\/td>/);
    const json = await leader.api(`/api/v1/dossiers/statistics?from=${MONTH}&to=${MONTH}&by=procedure`);
    assert.equal(json.status, 200);
    assert.equal(json.json.total.received, 3);
    assert.equal(json.json.total.very_satisfied, 1);
    assert.equal(json.json.total.satisfaction_points, 18);
    const birth = json.json.lines.find((l) => l.key === '1.001193');
    assert.equal(birth.received, 2);
    const byMonth = await leader.api(`/api/v1/dossiers/statistics?from=${MONTH}&to=${MONTH}&by=month`);
    assert.deepEqual(byMonth.json.lines.map((l) => [l.key, l.received]), [[MONTH, 3]]);
    assert.equal((await leader.api('/api/v1/dossiers/statistics?by=nothing')).status, 400);
    assert.equal((await leader.get('/quan-ly/ho-so/thong-ke?tu=2026-13')).status, 400);
    const supervisor = new Client(server.base);
    await supervisor.signIn('mttq');
    const seen = await (await supervisor.get(`/quan-ly/ho-so/thong-ke?tu=${MONTH}&den=${MONTH}`)).text();
    assert.ok(!seen.includes('Nguyễn Văn An'), 'no personal data in the statistics');
    const csv = await leader.get(`/quan-ly/ho-so/thong-ke.csv?tu=${MONTH}&den=${MONTH}`);
    assert.equal(csv.status, 200);
    const text = Buffer.from(await csv.arrayBuffer());
    assert.deepEqual([...text.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.match(text.toString('utf8'), /\r\n1\.001193,Đăng ký khai sinh \(1\.001193\),2,/);
  });

  test('the register exports as CSV with a BOM, and lists as JSON for staff', async () => {
    const res = await clerk.get(`/quan-ly/ho-so/xuat.csv?from=${MONTH}&to=${MONTH}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /text\/csv/);
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').trim().split('\r\n');
    assert.equal(lines.length, 4, 'a header and three dossiers');
    const birth = lines.find((l) => l.startsWith(`${BIRTH},`));
    assert.ok(birth.includes(`,online,Nguyễn Văn An,${DAY},`));
    assert.ok(birth.includes(',returned,'));
    assert.ok(birth.endsWith(',0,very_satisfied'));
    const none = await clerk.get('/quan-ly/ho-so/xuat.csv?from=2001-01&to=2001-01');
    assert.equal((await none.text()).trim().split('\r\n').length, 1);
    assert.equal((await clerk.get('/quan-ly/ho-so/xuat.csv?from=tháng')).status, 400);

    const list = await clerk.api('/api/v1/dossiers?commune=nhat-tan&limit=2');
    assert.equal(list.status, 200);
    assert.equal(list.json.dossiers.length, 2);
    assert.ok(list.json.next_before);
    const rest = await clerk.api(`/api/v1/dossiers?limit=2&before=${list.json.next_before}`);
    assert.equal(rest.json.dossiers.length, 1);
    const codes = [...list.json.dossiers, ...rest.json.dossiers].map((d) => d.code).sort();
    assert.deepEqual(codes, [BIRTH, COPY, JSON_CODE]);
    assert.equal((await clerk.api('/api/v1/dossiers?commune=khac')).status, 403);
    assert.equal((await clerk.api('/api/v1/dossiers?limit=0')).status, 400);
  });
});
