// The one-stop shop's procedure catalogue (issue 5, part 1): the demo catalogue on public pages
// and in JSON, search without diacritics, fees in đồng, the note on values still to be checked
// against the province's catalogue, and bad input.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, startServer } from './harness.mjs';

const LIST = '/xa/nhat-tan/thu-tuc';
const API = '/api/v1/procedures';

describe('procedure catalogue', () => {
  let server, citizen;
  before(async () => {
    server = await startServer();
    citizen = new Client(server.base);
  });
  after(async () => { await server.stop(); });

  test('the demo catalogue lists its procedures grouped by field, linked from the home page', async () => {
    const res = await citizen.get(LIST);
    assert.equal(res.status, 200);
    const html = await res.text();
    for (const name of ['Đăng ký khai sinh', 'Đăng ký kết hôn', 'Chứng thực chữ ký trong các giấy tờ văn bản']) {
      assert.ok(html.includes(name), name);
    }
    assert.match(html, /<h2>Hộ tịch<\/h2>/);
    assert.match(html, /<h2>Chứng thực<\/h2>/);
    assert.ok(html.includes('trong ngày; nộp sau 15:00 trả ngày làm việc tiếp theo'));
    const home = await (await citizen.get('/xa/nhat-tan/')).text();
    assert.ok(home.includes(`href="${LIST}"`), 'the one-stop part links to the catalogue');
    assert.ok(html.includes('href="/xa/nhat-tan/ho-so"'), 'the catalogue links to the dossier lookup');
  });

  test('search needs no diacritics', async () => {
    const html = await (await citizen.get(`${LIST}?q=khai+sinh`)).text();
    assert.ok(html.includes('Đăng ký khai sinh'));
    assert.ok(!html.includes('Đăng ký kết hôn'));
    const none = await (await citizen.get(`${LIST}?q=khong+co+thu+tuc+nay`)).text();
    assert.ok(none.includes('Không tìm thấy thủ tục nào'));
    const json = await citizen.api(`${API}?commune=nhat-tan&q=KET+HON`);
    assert.equal(json.status, 200);
    assert.deepEqual(json.json.procedures.map((p) => p.code), ['1.000894']);
    const all = await citizen.api(`${API}?commune=nhat-tan`);
    assert.equal(all.json.procedures.length, 8);
  });

  test('a procedure page shows steps, fees in đồng, the time limit and the note to verify', async () => {
    const res = await citizen.get(`${LIST}/2.000815`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /2\.000 đ/);
    assert.ok(html.includes('Cần đối chiếu với Bộ thủ tục hành chính do tỉnh công bố'));
    assert.ok(html.includes('Công chức đối chiếu bản sao với bản chính'));
    assert.ok(html.includes('Bản sao cần chứng thực'));
    assert.ok(html.includes('Nghị định 23/2015/NĐ-CP'));
    assert.ok(html.includes('Văn phòng – Thống kê'), 'the unit by its name');
    const days = await (await citizen.get(`${LIST}/1.004873`)).text();
    assert.ok(days.includes('3 ngày làm việc'));
    const json = await citizen.api(`${API}/2.000815?commune=nhat-tan`);
    assert.equal(json.status, 200);
    assert.equal(json.json.fees[0].amount_dong, 2000);
    assert.equal(json.json.same_day, true);
    assert.equal(json.json.to_verify, true);
  });

  test('unknown codes and communes are 404; an over-long search is 400', async () => {
    assert.equal((await citizen.get(`${LIST}/9.999999`)).status, 404);
    assert.equal((await citizen.get('/xa/khong-co/thu-tuc')).status, 404);
    const unknown = await citizen.api(`${API}/9.999999?commune=nhat-tan`);
    assert.equal(unknown.status, 404);
    assert.equal(unknown.json.error.code, 'not_found');
    assert.equal((await citizen.api(`${API}?commune=khong-co`)).status, 404);
    const missing = await citizen.api(API);
    assert.equal(missing.status, 400);
    assert.equal(missing.json.error.fields[0].field, 'commune');
    const long = 'a'.repeat(201);
    assert.equal((await citizen.get(`${LIST}?q=${long}`)).status, 400);
    const bad = await citizen.api(`${API}?commune=nhat-tan&q=${long}`);
    assert.equal(bad.status, 400);
    assert.equal(bad.json.error.code, 'invalid_argument');
    assert.equal(bad.json.error.fields[0].field, 'q');
  });
});
