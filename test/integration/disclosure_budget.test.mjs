// The budget tables of disclosure items (issue 7 item 4(a)): an officer enters the lines as
// CSV, a table that does not add up is refused with its line named and nothing stored, the
// table of a published item can no longer be replaced, the public sees the tables, chart and exports of a published item only, and the readers of the
// register may look but not write.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, DEMO_USERS, rawSql, startServer } from './harness.mjs';

const HEADER = 'side,code,name,estimate,actual\n';
const SOUND = HEADER +
  'thu,1,Thu ngân sách xã hưởng theo phân cấp,1.250.000,1.000.000\n' +
  'thu,1.1,Phí và lệ phí,1.000.000,800.000\n' +
  'thu,1.2,"Thu khác, hoa lợi công sản",250.000,200.000\n' +
  'chi,1,Chi thường xuyên,900000,450000\n';

// A budget_execution item of Nhật Tân written directly (draft or published): this suite is
// about the budget lines, not about how items are made.
function addItem(server, status, title) {
  const published = status === 'published' ? 1790000000 : 0;
  const id = rawSql(server,
    'INSERT INTO disclosure_item (commune_id, type_code, type_effective_from, title, year, ' +
    'period_key, ref_on, status, published_at, created_at, created_by) ' +
    `SELECT id, 'budget_execution', '2026-03-25', '${title}', 2026, '2026-Q1', '2026-03-31', ` +
    `'${status}', ${published}, 0, 0 FROM commune WHERE slug = 'nhat-tan' RETURNING id`);
  return Number(id.split('\n')[0]);
}

function lineCount(server, id) {
  return Number(rawSql(server, `SELECT COUNT(*) FROM disclosure_budget_line WHERE item_id = ${id}`));
}

describe('budget tables', () => {
  let server, published, draft, other;
  const officer = () => new Client(server.base);
  before(async () => {
    server = await startServer();
    // Entered as a draft; the test 'once published...' publishes it, and the rest read it.
    published = addItem(server, 'draft', 'Thực hiện ngân sách quý 1/2026');
    draft = addItem(server, 'draft', 'Thực hiện ngân sách quý 2/2026 (dự thảo)');
    other = Number(rawSql(server, 'INSERT INTO disclosure_item (commune_id, type_code, ' +
      'type_effective_from, title, year, decision_on, ref_on, created_at, created_by) ' +
      "SELECT id, 'investment_land', '2023-07-01', 'Quy hoạch', 2026, '2026-02-01', '2026-02-01', 0, 0 " +
      "FROM commune WHERE slug = 'nhat-tan' RETURNING id").split('\n')[0]);
  });
  after(async () => { await server.stop(); });

  test('a sound table pasted by an officer is stored and shown to staff', async () => {
    const c = officer();
    await c.signIn(DEMO_USERS.officer);
    const res = await c.post(`/quan-ly/cong-khai/${published}/ngan-sach`, { csv: SOUND });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `/quan-ly/cong-khai/${published}/ngan-sach?da-luu=1`);
    assert.equal(lineCount(server, published), 4);
    const page = await (await c.get(`/quan-ly/cong-khai/${published}/ngan-sach?da-luu=1`)).text();
    assert.match(page, /Đã lưu bảng ngân sách/);
    assert.match(page, /Thu khác, hoa lợi công sản/);
    assert.match(page, /1\.250\.000/);
  });

  test('an uploaded file replaces the table', async () => {
    const c = officer();
    await c.signIn(DEMO_USERS.leader);
    const csv = '\uFEFF' + SOUND.replace('chi,1,Chi thường xuyên,900000,450000', 'chi,1,Chi thường xuyên,900000,500000');
    const res = await c.postMultipart(`/quan-ly/cong-khai/${published}/ngan-sach`, { csv: '' },
      { file: { name: 'bang.csv', type: 'text/csv', bytes: Buffer.from(csv) } });
    assert.equal(res.status, 303);
    assert.equal(rawSql(server, `SELECT actual FROM disclosure_budget_line WHERE item_id = ${published} AND side = 'spending'`), '500000');
    assert.equal(lineCount(server, published), 4);
  });

  test('a table that does not add up is refused with the line named, and nothing is stored', async () => {
    const c = officer();
    await c.signIn(DEMO_USERS.officer);
    const before = rawSql(server, `SELECT estimate FROM disclosure_budget_line WHERE item_id = ${published} ORDER BY position`);
    const bad = SOUND.replace('thu,1.1,Phí và lệ phí,1.000.000', 'thu,1.1,Phí và lệ phí,1.100.000') +
      'chi,2.1,Chi không có mục cha,5,5\n';
    const res = await c.post(`/quan-ly/cong-khai/${published}/ngan-sach`, { csv: bad });
    assert.equal(res.status, 422);
    const page = await res.text();
    // File line 2 is revenue 1 (the header is line 1); line 6 is the orphan.
    assert.match(page, /Dòng 2: Dự toán mục 1 là 1\.250\.000 đồng nhưng các mục con cộng lại 1\.350\.000 đồng\./);
    assert.match(page, /Dòng 6: Mục 2\.1 không có mục cha 2 bên chi\./);
    // The refused text is shown back to be corrected.
    assert.match(page, /Chi không có mục cha/);
    assert.equal(rawSql(server, `SELECT estimate FROM disclosure_budget_line WHERE item_id = ${published} ORDER BY position`), before);
  });

  test('malformed CSV, an empty form and an item without a budget are refused', async () => {
    const c = officer();
    await c.signIn(DEMO_USERS.officer);
    let res = await c.post(`/quan-ly/cong-khai/${draft}/ngan-sach`, { csv: HEADER + 'thu,1,A,12.50,\n' });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /dòng 2: dự toán phải là số đồng/);
    res = await c.post(`/quan-ly/cong-khai/${draft}/ngan-sach`, { csv: '  ' });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /Chưa có bảng/);
    res = await c.post(`/quan-ly/cong-khai/${other}/ngan-sach`, { csv: SOUND });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /không có bảng ngân sách/);
    assert.equal(lineCount(server, draft), 0);
    assert.equal(lineCount(server, other), 0);
    assert.equal((await c.get(`/quan-ly/cong-khai/${other}/ngan-sach`)).status, 404);
  });

  test('once published, the table cannot be replaced: 409 with the reason, nothing stored', async () => {
    rawSql(server, `UPDATE disclosure_item SET status = 'published', published_at = 1790000000 WHERE id = ${published}`);
    const c = officer();
    await c.signIn(DEMO_USERS.officer);
    const before = rawSql(server, `SELECT code, estimate, actual FROM disclosure_budget_line WHERE item_id = ${published} ORDER BY position`);
    let res = await c.post(`/quan-ly/cong-khai/${published}/ngan-sach`, { csv: HEADER + 'thu,1,Thu khác,7,7\n' });
    assert.equal(res.status, 409);
    const page = await res.text();
    assert.match(page, /id="budget-error"[^]*đã công bố \(hoặc đã thu hồi\) nên không thể thay bảng ngân sách/);
    assert.doesNotMatch(page, /<textarea/, 'no form to replace the table');
    res = await c.postMultipart(`/quan-ly/cong-khai/${published}/ngan-sach`, { csv: '' },
      { file: { name: 'bang.csv', type: 'text/csv', bytes: Buffer.from(SOUND) } });
    assert.equal(res.status, 409);
    assert.equal(rawSql(server, `SELECT code, estimate, actual FROM disclosure_budget_line WHERE item_id = ${published} ORDER BY position`), before);
    // A withdrawn item keeps what it showed, too.
    rawSql(server, `UPDATE disclosure_item SET status = 'withdrawn' WHERE id = ${published}`);
    res = await c.post(`/quan-ly/cong-khai/${published}/ngan-sach`, { csv: SOUND });
    assert.equal(res.status, 409);
    rawSql(server, `UPDATE disclosure_item SET status = 'published' WHERE id = ${published}`);
    assert.equal(lineCount(server, published), 4);
  });

  test('the public page shows both sides with totals, percentages and a chart', async () => {
    const res = await new Client(server.base).get(`/xa/nhat-tan/cong-khai/${published}/ngan-sach`);
    assert.equal(res.status, 200);
    const page = await res.text();
    assert.match(page, /id="budget-revenue"/);
    assert.match(page, /id="budget-spending"/);
    assert.match(page, /class="budget-level-2"/);
    assert.match(page, /80%/); // revenue 1: 1.000.000 of 1.250.000
    assert.match(page, /55,6%/); // spending: 500.000 of 900.000
    assert.match(page, /<svg[^>]*class="chart"/);
    assert.match(page, /ngan-sach\.csv/);
  });

  test('CSV and JSON exports', async () => {
    const anon = new Client(server.base);
    let res = await anon.get(`/xa/nhat-tan/cong-khai/${published}/ngan-sach.csv`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /text\/csv/);
    const csv = await res.text();
    assert.ok(csv.startsWith('side,code,name,estimate,actual') || csv.startsWith('\uFEFFside'));
    assert.match(csv, /revenue,1\.2,"Thu khác, hoa lợi công sản",250000,200000/);
    res = await anon.get(`/xa/nhat-tan/cong-khai/${published}/ngan-sach.json`);
    assert.equal(res.status, 200);
    const json = await res.json();
    assert.equal(json.item_id, published);
    assert.equal(json.lines.length, 4);
    assert.deepEqual(json.lines[1], { side: 'revenue', code: '1.1', name: 'Phí và lệ phí', level: 2, estimate: 1000000, actual: 800000 });
    assert.deepEqual(json.totals.revenue, { estimate: 1250000, actual: 1000000 });
    assert.deepEqual(json.totals.spending, { estimate: 900000, actual: 500000 });
  });

  test('a draft is not public, nor its exports; staff still see it', async () => {
    const c = officer();
    await c.signIn(DEMO_USERS.officer);
    assert.equal((await c.post(`/quan-ly/cong-khai/${draft}/ngan-sach`, { csv: SOUND })).status, 303);
    const anon = new Client(server.base);
    for (const suffix of ['', '.csv', '.json']) {
      assert.equal((await anon.get(`/xa/nhat-tan/cong-khai/${draft}/ngan-sach${suffix}`)).status, 404, suffix);
    }
    assert.equal((await c.get(`/quan-ly/cong-khai/${draft}/ngan-sach`)).status, 200);
  });

  test('readers of the register see the table without the form; they cannot write', async () => {
    const c = new Client(server.base);
    await c.signIn(DEMO_USERS.supervisor);
    const page = await (await c.get(`/quan-ly/cong-khai/${published}/ngan-sach`)).text();
    assert.match(page, /id="budget-revenue"/);
    assert.doesNotMatch(page, /<textarea/);
    const res = await c.post(`/quan-ly/cong-khai/${published}/ngan-sach`, { csv: HEADER + 'thu,1,A,1,1\n' });
    assert.equal(res.status, 403);
    assert.equal(lineCount(server, published), 4);
    const clerk = new Client(server.base);
    await clerk.signIn(DEMO_USERS.clerk);
    assert.equal((await clerk.post(`/quan-ly/cong-khai/${published}/ngan-sach`, { csv: SOUND })).status, 403);
    const tmpl = await clerk.get('/quan-ly/cong-khai/ngan-sach-mau.csv');
    assert.equal(tmpl.status, 200);
    assert.match(await tmpl.text(), /side,code,name,estimate,actual/);
  });
});
