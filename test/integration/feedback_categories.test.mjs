// Feedback categories configurable per commune (issue 4): the leader adds one routed to a unit
// with its own answer days, which the public form, Open311 and the answer date follow; a
// rename and a deactivation; bad input kept with Vietnamese errors; only leader and admin.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, rawSql, startServer } from './harness.mjs';

const BASE = '/quan-ly/phan-anh/linh-vuc';
const FORM = '/xa/nhat-tan/phan-anh/gui';
const SERVICES = '/open311/v2/services.json?jurisdiction_id=nhat-tan';

function category(extra = {}) {
  return { code: 'cay_xanh', name_vi: 'Cây xanh, công viên', name_en: 'Trees and parks',
    description_vi: 'Cây đổ, cành gãy, công viên xuống cấp.', group_code: 'environment',
    unit_id: '', answer_days: '5', active: '1', ...extra };
}

// Mon–Fri days after `from` up to and including `to` (ISO dates).
function weekdaysBetween(from, to) {
  let n = 0;
  for (let d = new Date(`${from}T00:00:00Z`); ;) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (d.toISOString().slice(0, 10) > to) return n;
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) n += 1;
  }
}

describe('feedback categories', () => {
  let server, leader, citizen, unitId, otherUnitId, id;
  before(async () => {
    server = await startServer();
    leader = new Client(server.base);
    await leader.signIn('chutich');
    citizen = new Client(server.base);
    unitId = rawSql(server, "SELECT u.id FROM unit u JOIN commune c ON c.id = u.commune_id "
      + "WHERE c.slug = 'nhat-tan' ORDER BY u.id DESC LIMIT 1");
    rawSql(server, "INSERT INTO commune (slug, name, province, level_above, created_at) "
      + "VALUES ('xa-khac', 'Xã Khác', 'Hưng Yên', 'UBND tỉnh Hưng Yên', 0)");
    rawSql(server, "INSERT INTO unit (commune_id, code, name_vi) "
      + "SELECT id, 'vp_khac', 'Văn phòng xã khác' FROM commune WHERE slug = 'xa-khac'");
    otherUnitId = rawSql(server, "SELECT id FROM unit WHERE code = 'vp_khac'");
  });
  after(async () => { await server.stop(); });

  test('the register links to the categories, which list the rule for those without days', async () => {
    assert.match(await (await leader.get('/quan-ly/phan-anh')).text(), /href="\/quan-ly\/phan-anh\/linh-vuc"/);
    const res = await leader.get(BASE);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /Lĩnh vực phản ánh/);
    assert.match(html, /<a href="\/quan-ly\/phan-anh\/linh-vuc\/\d+">ha_tang<\/a>/);
    assert.match(html, /theo quy định \(10 ngày làm việc\)/);
  });

  test('an added category is on the form and in Open311, and routes with its own days', async () => {
    const res = await leader.post(BASE, category({ unit_id: unitId }));
    assert.equal(res.status, 303, await res.text());
    const list = await (await leader.get(BASE)).text();
    const m = list.match(/href="\/quan-ly\/phan-anh\/linh-vuc\/(\d+)">cay_xanh</);
    assert.ok(m, 'the new category is listed');
    id = m[1];
    assert.match(list, /5 ngày làm việc/);
    const form = await (await citizen.get(FORM)).text();
    assert.match(form, new RegExp(`<option value="${id}">Cây xanh, công viên</option>`));
    const services = await (await fetch(server.base + SERVICES)).json();
    const s = services.find((x) => x.service_code === 'cay_xanh');
    assert.ok(s, JSON.stringify(services));
    assert.equal(s.group, 'environment');
    const sent = await citizen.post(FORM, { category: id, kind: 'feedback', website: '',
      description: 'Cây bàng trước nhà văn hóa thôn Đông bị đổ sau bão.' });
    assert.equal(sent.status, 303);
    const code = sent.headers.get('location').match(/(PA-[A-Z0-9]{8})/)[1];
    const [days, received, due, unit, status] = rawSql(server,
      `SELECT answer_days, received_on, due_on, unit_id, status FROM feedback WHERE tracking_code = '${code}'`).split('|');
    assert.equal(days, '5');
    assert.equal(unit, unitId);
    assert.equal(status, 'assigned');
    // Five working days: at least five weekdays (holidays would add more), far below the rule's 10.
    const weekdays = weekdaysBetween(received.slice(0, 10), due.slice(0, 10));
    assert.ok(weekdays >= 5 && weekdays < 10, `${received} → ${due}`);
    const receipt = await (await citizen.get(`/xa/nhat-tan/phan-anh/${code}?moi=1`)).text();
    const [y, mo, d] = due.slice(0, 10).split('-');
    assert.match(receipt, new RegExp(`Hạn trả lời chậm nhất là ngày <strong>${d}/${mo}/${y}</strong>`));
    const audit = rawSql(server, `SELECT action, summary FROM audit_entry WHERE entity = 'feedback_category' AND entity_id = '${id}'`);
    assert.match(audit, /create\|cay_xanh/);
  });

  test('renamed and deactivated, it leaves the form and Open311 but old items keep its name', async () => {
    assert.ok(id, 'the category of the test before');
    const code = rawSql(server, `SELECT tracking_code FROM feedback WHERE category_id = ${id}`);
    const renamed = await leader.post(`${BASE}/${id}`, category({ code: 'doi_ma', name_vi: 'Cây xanh đô thị', unit_id: unitId, answer_days: '' }));
    assert.equal(renamed.status, 303);
    const edit = await (await leader.get(`${BASE}/${id}`)).text();
    assert.match(edit, /value="Cây xanh đô thị"/);
    assert.match(edit, /<strong>cay_xanh<\/strong>/);  // the code stays
    assert.match(await (await citizen.get(FORM)).text(), /Cây xanh đô thị/);
    const audit = rawSql(server, `SELECT summary FROM audit_entry WHERE entity = 'feedback_category' AND action = 'update' ORDER BY id DESC LIMIT 1`);
    assert.match(audit, /name_vi: Cây xanh, công viên → Cây xanh đô thị/);
    assert.match(audit, /answer_days: 5 → —/);
    const off = await leader.post(`${BASE}/${id}`, category({ name_vi: 'Cây xanh đô thị', unit_id: unitId, active: '' }));
    assert.equal(off.status, 303);
    assert.doesNotMatch(await (await citizen.get(FORM)).text(), /Cây xanh/);
    const services = await (await fetch(server.base + SERVICES)).json();
    assert.ok(!services.some((x) => x.service_code === 'cay_xanh'));
    const refused = await citizen.post(FORM, { category: id, kind: 'feedback', website: '',
      description: 'Cành cây gãy đè lên dây điện.' });
    assert.equal(refused.status, 422);
    assert.match(await (await citizen.get(`/xa/nhat-tan/phan-anh/${code}`)).text(), /Cây xanh đô thị/);
    assert.match(await (await leader.get(BASE)).text(), /Ngừng dùng/);
  });

  test('bad input gets 422 with Vietnamese errors and the values kept; nothing is stored', async () => {
    const before = rawSql(server, 'SELECT COUNT(*) FROM feedback_category');
    const cases = [
      [{ code: 'Cây Xanh' }, /Mã lĩnh vực gồm 2–40 ký tự/],
      [{ code: 'ha_tang' }, /Mã lĩnh vực này đã có trong xã/],
      [{ code: 'moi_1', answer_days: '0' }, /từ 1 đến 60 ngày làm việc/],
      [{ code: 'moi_2', answer_days: '61' }, /từ 1 đến 60 ngày làm việc/],
      [{ code: 'moi_3', answer_days: 'abc' }, /phải là số ngày làm việc/],
      [{ code: 'moi_4', unit_id: otherUnitId }, /Chọn một bộ phận của xã/],
      [{ code: 'moi_5', name_vi: ' ' }, /Cần nhập tên tiếng Việt/],
    ];
    for (const [extra, message] of cases) {
      const res = await leader.post(BASE, category({ name_vi: 'Giữ lại tên này', ...extra }));
      assert.equal(res.status, 422, JSON.stringify(extra));
      const html = await res.text();
      assert.match(html, message);
      assert.match(html, /value="Trees and parks"/);
    }
    assert.equal(rawSql(server, 'SELECT COUNT(*) FROM feedback_category'), before);
    const bad = await leader.post(`${BASE}/${id}`, category({ name_vi: 'Tên mới', answer_days: '61', unit_id: otherUnitId }));
    assert.equal(bad.status, 422);
    const html = await bad.text();
    assert.match(html, /value="Tên mới"/);
    assert.match(html, /từ 1 đến 60 ngày làm việc/);
    assert.equal(rawSql(server, `SELECT name_vi FROM feedback_category WHERE id = ${id}`), 'Cây xanh đô thị');
  });

  test('another commune\'s category is not found; officer, clerk and citizen are refused', async () => {
    rawSql(server, "INSERT INTO feedback_category (commune_id, code, name_vi) "
      + "SELECT id, 'khac_xa', 'Của xã khác' FROM commune WHERE slug = 'xa-khac'");
    const foreign = rawSql(server, "SELECT id FROM feedback_category WHERE code = 'khac_xa'");
    assert.equal((await leader.get(`${BASE}/${foreign}`)).status, 404);
    assert.equal((await leader.post(`${BASE}/${foreign}`, category())).status, 404);
    assert.equal((await leader.get(`${BASE}/abc`)).status, 404);
    for (const user of ['vanphong', 'motcua', 'congdan']) {
      const c = new Client(server.base);
      await c.signIn(user);
      assert.equal((await c.get(BASE)).status, 403, user);
      assert.equal((await c.post(BASE, category({ code: 'cam' }))).status, 403, user);
      assert.doesNotMatch(await (await c.get('/quan-ly/phan-anh')).text(), /phan-anh\/linh-vuc/);
    }
    assert.equal(rawSql(server, "SELECT COUNT(*) FROM feedback_category WHERE code = 'cam'"), '0');
  });
});
