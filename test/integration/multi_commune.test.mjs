// Several communes in one installation: each sees and manages only its own records.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, rawSql, signInOtherCommune, startServer, xaso } from './harness.mjs';

describe('two communes in one database', () => {
  let server;
  let admin2;
  before(async () => {
    server = await startServer();
    admin2 = await signInOtherCommune(server);
  });
  after(async () => { await server.stop(); });

  test('each commune has its own portal and both are listed', async () => {
    const html = await (await fetch(`${server.base}/xa/tien-tien/`)).text();
    assert.match(html, /<h1>Xã Tiên Tiến<\/h1>/);
    assert.doesNotMatch(html, /Nguyễn Văn Minh/);  // Nhật Tân's chairman
    assert.match(await (await fetch(`${server.base}/`)).text(), /<h1>Xã Nhật Tân<\/h1>/);
    const { communes } = await (await fetch(`${server.base}/api/v1/communes`)).json();
    assert.deepEqual(communes.map((c) => c.slug), ['nhat-tan', 'tien-tien']);
  });

  test("an administrator sees and changes only their own commune's accounts", async () => {
    const page = await (await admin2.get('/quan-tri/tai-khoan')).text();
    assert.match(page, /quantri.tt/);
    assert.doesNotMatch(page, /chutich/);
    const reset = await admin2.post('/quan-tri/tai-khoan/mat-khau', { username: 'chutich', password: 'mat-khau-chiem-quyen' });
    assert.equal(reset.status, 404);
    const role = await admin2.post('/quan-tri/tai-khoan/vai-tro', { username: 'chutich', role: 'citizen' });
    assert.equal(role.status, 404);
    await new Client(server.base).signIn('chutich');  // still the demo password, still a leader
    const dash = await admin2.get('/bang-dieu-khien');
    assert.match(await dash.text(), /Xã Tiên Tiến/);
  });

  test("one commune's announced day off leaves the other's deadlines alone", async () => {
    const ok = await admin2.post('/quan-tri/lich', { date: '2027-03-08', kind: 'day_off', name_vi: 'Lễ hội làng' });
    assert.equal(ok.status, 303);
    const due = (slug) => fetch(`${server.base}/api/v1/calendar/add-working-days?from=2027-03-05&days=1&commune=${slug}`)
      .then((r) => r.json()).then((j) => j.due);
    assert.equal(await due('tien-tien'), '2027-03-09');
    assert.equal(await due('nhat-tan'), '2027-03-08');
  });

  test("one commune's surveys and self-assessment are another's 404s", async () => {
    const id = rawSql(server, "SELECT id FROM survey WHERE preset = 'papi' ORDER BY year DESC LIMIT 1");
    assert.match(id, /^\d+$/);
    // Nhật Tân's open survey exists at its own address only.
    assert.equal((await fetch(`${server.base}/xa/nhat-tan/khao-sat/${id}`)).status, 200);
    const citizen = new Client(server.base);
    assert.equal((await citizen.get(`/xa/tien-tien/khao-sat/${id}`)).status, 404);
    assert.equal((await citizen.post(`/xa/tien-tien/khao-sat/${id}`, { website: '' })).status, 404);
    assert.doesNotMatch(await (await citizen.get('/xa/tien-tien/khao-sat')).text(), new RegExp(`khao-sat/${id}"`));
    for (const path of ['', '/ket-qua', '/phieu.csv', '/ma-phieu']) {
      assert.equal((await admin2.get(`/quan-ly/khao-sat/${id}${path}`)).status, 404, path);
    }
    const before = rawSql(server, `SELECT COUNT(*) FROM survey_response WHERE survey_id = ${id}`);
    assert.equal((await admin2.post(`/quan-ly/khao-sat/${id}/nhap`, { csv: 'channel\n' })).status, 404);
    assert.equal(rawSql(server, `SELECT COUNT(*) FROM survey_response WHERE survey_id = ${id}`), before);
    // Tiên Tiến's dashboard has no self-assessment of its own.
    assert.match(await (await admin2.get('/quan-ly/papi')).text(), /Xã chưa có kết quả tự đánh giá/);
  });

  test('a new commune takes feedback at once, in the default categories, apart from the other', async () => {
    const citizen = new Client(server.base);
    const form = await (await citizen.get('/xa/tien-tien/phan-anh/gui')).text();
    const options = [...form.matchAll(/<option value="(\d+)">([^<]+)<\/option>/g)];
    assert.deepEqual(options.map((m) => m[2]), ['Cơ sở hạ tầng (đường, điện, nước, chiếu sáng)',
      'Môi trường, ô nhiễm, rác thải', 'An ninh, trật tự', 'Thủ tục hành chính', 'Y tế', 'Giáo dục', 'Đất đai', 'Khác']);
    const res = await citizen.post('/xa/tien-tien/phan-anh/gui', { category: options[0][1], kind: 'feedback',
      description: 'Mương thoát nước xóm Trại bị tắc.', website: '' });
    assert.equal(res.status, 303);
    const code = res.headers.get('location').match(/PA-[A-Z0-9]{8}/)[0];
    assert.equal((await citizen.get(`/xa/tien-tien/phan-anh/${code}`)).status, 200);
    assert.equal((await citizen.get(`/xa/nhat-tan/phan-anh/${code}`)).status, 404);
    // Nhật Tân's category ids are not Tiên Tiến's.
    const nhatTan = await (await citizen.get('/xa/nhat-tan/phan-anh/gui')).text();
    const other = nhatTan.match(/<option value="(\d+)">Khác<\/option>/)[1];
    const wrong = await citizen.post('/xa/tien-tien/phan-anh/gui', { category: other, kind: 'feedback',
      description: 'Thử lĩnh vực của xã khác.', website: '' });
    assert.equal(wrong.status, 422);
  });

  test('a bad commune is refused by the command line', () => {
    const r = xaso(['communes', 'add', 'Có Dấu', '--name', 'X', '--province', 'Y', '--level-above', 'Z', '--db', server.db]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /Mã xã gồm/);
    const dup = xaso(['communes', 'add', 'tien-tien', '--name', 'X', '--province', 'Y', '--level-above', 'Z', '--db', server.db]);
    assert.equal(dup.status, 1);
  });
});
