// Feedback (issue 4): anonymous submission with a receipt, the tracking page and public list
// without personal data, staff handling with versions and allowed moves, the citizen's rating,
// moderation, the honeypot, the per-IP hourly limit, bad input, and photos without their GPS
// and other metadata.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client, rawSql, startServer } from './harness.mjs';

const SLUG = '/xa/nhat-tan/phan-anh';

async function categoryId(client, name) {
  const html = await (await client.get(`${SLUG}/gui`)).text();
  const m = html.match(new RegExp(`<option value="(\\d+)">${name}</option>`));
  assert.ok(m, `category ${name} on the form`);
  return m[1];
}

function base(category, extra = {}) {
  return { category, kind: 'feedback', title: 'Ổ gà trên đường liên thôn',
    description: 'Đường liên thôn đoạn qua cầu Đông có nhiều ổ gà lớn.', website: '', ...extra };
}

async function submit(client, form) {
  const res = await client.post(`${SLUG}/gui`, form);
  assert.equal(res.status, 303, `submit gave ${res.status}`);
  const loc = res.headers.get('location');
  const m = loc.match(/^\/xa\/nhat-tan\/phan-anh\/(PA-[A-Z0-9]{8})\?moi=1$/);
  assert.ok(m, loc);
  return m[1];
}

async function staffId(client, code) {
  const html = await (await client.get('/quan-ly/phan-anh')).text();
  const m = html.match(new RegExp(`href="/quan-ly/phan-anh/(\\d+)">${code}<`));
  assert.ok(m, `${code} in the register`);
  return m[1];
}

function count(server) {
  return Number(rawSql(server, 'SELECT COUNT(*) FROM feedback').trim());
}

describe('feedback', () => {
  let server, citizen, leader, officer, clerk, other;
  before(async () => {
    // Every submission here comes from one address; the limit has its own suite below.
    server = await startServer({ env: { XASO_FEEDBACK_MAX_PER_IP: '100' } });
    citizen = new Client(server.base);
    leader = new Client(server.base);
    await leader.signIn('chutich');
    officer = new Client(server.base);
    await officer.signIn('vanphong');
    clerk = new Client(server.base);
    await clerk.signIn('motcua');
    other = await categoryId(citizen, 'Khác');
  });
  after(async () => { await server.stop(); });

  test('the demo shows answered items on the public list, newest first', async () => {
    const res = await citizen.get(SLUG);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /Phản ánh, kiến nghị của người dân/);
    assert.match(html, /Đèn chiếu sáng đường trục thôn Đông hỏng/);
    assert.match(html, /Trả lời chính thức/);
    assert.match(html, /Ngô Thị Thu/);  // she chose to show her name
    assert.doesNotMatch(html, /Trần Văn Bình/);  // he did not
    assert.ok(html.indexOf('Loa truyền thanh') < html.indexOf('Đèn chiếu sáng'));
    assert.match(html, /\d{2}\/\d{2}\/2026/);
    assert.equal((await citizen.get(`${SLUG}?truoc=abc`)).status, 404);
  });

  test('anonymous submission gives a receipt with the code and the answer date', async () => {
    const code = await submit(citizen, base(other));
    const res = await citizen.get(`${SLUG}/${code}?moi=1`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /Phiếu tiếp nhận phản ánh/);
    assert.match(html, new RegExp(`class="tracking-code">${code}<`));
    assert.match(html, /Hạn trả lời chậm nhất là ngày <strong>\d{2}\/\d{2}\/\d{4}<\/strong>/);
    assert.match(html, /Đã giao xử lý/);
  });

  test('the tracking page and the list hide phone and e-mail, and the name unless chosen', async () => {
    const contact = { name: 'Đỗ Minh Khoa', phone: '0912345678', email: 'khoa@example.vn' };
    const shown = await submit(citizen, base(other, { ...contact, show_name: '1' }));
    const hidden = await submit(citizen, base(other, { ...contact, name: 'Vũ Thị Lan' }));
    const a = await (await citizen.get(`${SLUG}/${shown}`)).text();
    assert.match(a, /Đỗ Minh Khoa/);
    const b = await (await citizen.get(`${SLUG}/${hidden}`)).text();
    assert.doesNotMatch(b, /Vũ Thị Lan/);
    const list = await (await citizen.get(SLUG)).text();
    for (const html of [a, b, list]) {
      assert.doesNotMatch(html, /0912345678|khoa@example\.vn/);
    }
    assert.doesNotMatch(list, /Vũ Thị Lan/);
    // Staff see the contact details.
    const staff = await (await leader.get(`/quan-ly/phan-anh/${await staffId(leader, hidden)}`)).text();
    assert.match(staff, /0912345678/);
    assert.match(staff, /Vũ Thị Lan/);
  });

  test('staff answer with the version: a stale version and a move not allowed get 409', async () => {
    const code = await submit(citizen, base(other));
    const id = await staffId(leader, code);
    const act = (form) => leader.post(`/quan-ly/phan-anh/${id}/xu-ly`, form);
    const notAllowed = await act({ action: 'close', version: '1' });
    assert.equal(notAllowed.status, 409);
    assert.match(await notAllowed.text(), /Không thể chuyển phản ánh/);
    const empty = await act({ action: 'answer', version: '1', answer: '  ' });
    assert.equal(empty.status, 422);
    assert.match(await empty.text(), /Nhập nội dung trả lời/);
    const ok = await act({ action: 'answer', version: '1', answer: 'Xã đã cho vá ổ gà ngày 20/11.' });
    assert.equal(ok.status, 303);
    const stale = await act({ action: 'answer', version: '1', answer: 'Lần nữa' });
    assert.equal(stale.status, 409);
    assert.match(await stale.text(), /vừa được người khác cập nhật/);
    const page = await (await citizen.get(`${SLUG}/${code}`)).text();
    assert.match(page, /Xã đã cho vá ổ gà ngày 20\/11\./);
    assert.match(page, /Đã trả lời/);
    // The history shows dates and statuses, never staff names.
    assert.doesNotMatch(page, /Nguyễn|chutich/);
  });

  test('the citizen rates an answer once', async () => {
    const code = await submit(citizen, base(other));
    const id = await staffId(leader, code);
    assert.equal((await citizen.post(`${SLUG}/${code}/danh-gia`, { rating: 'satisfied' })).status, 409);
    await leader.post(`/quan-ly/phan-anh/${id}/xu-ly`, { action: 'answer', version: '1', answer: 'Đã xử lý.' });
    const form = await (await citizen.get(`${SLUG}/${code}`)).text();
    assert.match(form, /Bạn có hài lòng với trả lời này không\?/);
    assert.equal((await citizen.post(`${SLUG}/${code}/danh-gia`, { rating: 'maybe' })).status, 422);
    const first = await citizen.post(`${SLUG}/${code}/danh-gia`, { rating: 'unsatisfied' });
    assert.equal(first.status, 303);
    const again = await citizen.post(`${SLUG}/${code}/danh-gia`, { rating: 'satisfied' });
    assert.equal(again.status, 409);
    const page = await (await citizen.get(`${SLUG}/${code}`)).text();
    assert.match(page, /Không hài lòng/);
    assert.doesNotMatch(page, /Gửi đánh giá/);
    // Without the CSRF token the rating is refused.
    assert.equal((await citizen.post(`${SLUG}/${code}/danh-gia`, { rating: 'satisfied' }, { csrf: false })).status, 403);
  });

  test('an officer acts only on his unit\'s items; a clerk enters one with its channel', async () => {
    const land = await categoryId(citizen, 'Đất đai');
    const foreign = await submit(citizen, base(land));
    const fid = await staffId(leader, foreign);
    const refused = await officer.post(`/quan-ly/phan-anh/${fid}/xu-ly`, { action: 'start', version: '1' });
    assert.equal(refused.status, 403);
    const mine = await submit(citizen, base(other));
    const mid = await staffId(leader, mine);
    assert.equal((await officer.post(`/quan-ly/phan-anh/${mid}/xu-ly`, { action: 'start', version: '1' })).status, 303);
    const noChannel = await clerk.post('/quan-ly/phan-anh/moi', base(other));
    assert.equal(noChannel.status, 422);
    const entered = await clerk.post('/quan-ly/phan-anh/moi', base(other, { channel: 'hotline', name: 'Cụ Hòa' }));
    assert.equal(entered.status, 303);
    const page = await (await clerk.get(entered.headers.get('location'))).text();
    assert.match(page, /Đường dây nóng đài truyền thanh/);
    assert.match(page, /Cụ Hòa/);
  });

  test('a leader hides an item with a reason: gone from the public side, audited', async () => {
    const code = await submit(citizen, base(other, { description: 'Nội dung xúc phạm cán bộ.' }));
    const id = await staffId(leader, code);
    assert.equal((await officer.post(`/quan-ly/phan-anh/${id}/an`, { version: '1', reason: 'x' })).status, 403);
    assert.equal((await leader.post(`/quan-ly/phan-anh/${id}/an`, { version: '1', reason: ' ' })).status, 422);
    assert.equal((await leader.post(`/quan-ly/phan-anh/${id}/an`, { version: '1', reason: 'Lời lẽ xúc phạm' })).status, 303);
    assert.equal((await citizen.get(`${SLUG}/${code}`)).status, 404);
    assert.doesNotMatch(await (await citizen.get(SLUG)).text(), new RegExp(code));
    assert.match(await (await leader.get(`/quan-ly/phan-anh/${id}`)).text(), /Lời lẽ xúc phạm/);
    assert.match(rawSql(server, "SELECT summary FROM audit_entry WHERE action = 'hide'"), /Lời lẽ xúc phạm/);
  });

  test('a leader merges a duplicate: its citizen is pointed to the other item, which alone is listed', async () => {
    const first = await submit(citizen, base(other, { description: 'Cột điện nghiêng ở ngã ba thôn Bắc.' }));
    const dup = await submit(citizen, base(other, { description: 'Cột điện ở ngã ba thôn Bắc sắp đổ.' }));
    const id = await staffId(leader, dup);
    assert.equal((await officer.post(`/quan-ly/phan-anh/${id}/gop`, { version: '1', into: first })).status, 403);
    const bad = await leader.post(`/quan-ly/phan-anh/${id}/gop`, { version: '1', into: 'PA-1' });
    assert.equal(bad.status, 422);
    assert.match(await bad.text(), /Mã phản ánh gồm PA- và 8 ký tự/);
    const self = await leader.post(`/quan-ly/phan-anh/${id}/gop`, { version: '1', into: dup });
    assert.equal(self.status, 422);
    assert.match(await self.text(), /Nhập mã của một phản ánh khác/);
    // Codes are accepted in lower case, as read out on the phone.
    assert.equal((await leader.post(`/quan-ly/phan-anh/${id}/gop`, { version: '1', into: first.toLowerCase() })).status, 303);
    const staffPage = await (await leader.get(`/quan-ly/phan-anh/${id}`)).text();
    assert.match(staffPage, new RegExp(`Đã gộp, là bản trùng của <a href="/quan-ly/phan-anh/\\d+">${first}</a>`));
    assert.doesNotMatch(staffPage, /action="\/quan-ly\/phan-anh\/\d+\/gop"/);
    const page = await (await citizen.get(`${SLUG}/${dup}`)).text();
    assert.match(page, new RegExp(`đã được gộp vào phản ánh <a href="${SLUG}/${first}">${first}</a>`));
    assert.doesNotMatch(page, /name="rating"/);
    const list = await (await citizen.get(SLUG)).text();
    assert.match(list, new RegExp(first));
    assert.doesNotMatch(list, new RegExp(dup));
    assert.match(rawSql(server, `SELECT summary FROM audit_entry WHERE action = 'merge'`), new RegExp(`merged into ${first}`));
  });

  test('answered questions are published and found without diacritics', async () => {
    const FAQ = '/xa/nhat-tan/hoi-dap';
    const all = await (await citizen.get(FAQ)).text();
    assert.match(all, /Hồ sơ đăng ký khai sinh cần những giấy tờ gì\?/);
    assert.match(all, /Xã công khai dự toán ngân sách năm 2026 ở đâu\?/);
    assert.doesNotMatch(all, /Rác thải đổ trộm/);  // feedback, not a question
    const budget = await (await citizen.get(`${FAQ}?q=${encodeURIComponent('cong khai NGAN SACH')}`)).text();
    assert.match(budget, /Xã công khai dự toán ngân sách năm 2026 ở đâu\?/);
    assert.match(budget, /nhà văn hóa các thôn/);  // with its answer
    assert.doesNotMatch(budget, /Quy hoạch sử dụng đất của xã/);
    assert.match(budget, /value="cong khai NGAN SACH"/);
    // A word found only in an answer finds the question.
    assert.match(await (await citizen.get(`${FAQ}?q=chung+sinh`)).text(), /Hồ sơ đăng ký khai sinh/);
    const none = await (await citizen.get(`${FAQ}?q=${encodeURIComponent('<b>cầu cống</b>')}`)).text();
    assert.match(none, /Không tìm thấy câu hỏi nào khớp với “&lt;b&gt;cầu cống&lt;\/b&gt;”/);
    assert.equal((await citizen.get(`${FAQ}?q=${'a'.repeat(201)}`)).status, 400);
    assert.equal((await citizen.get(`${FAQ}?truoc=abc`)).status, 404);
    assert.equal((await citizen.get('/xa/khong-co/hoi-dap')).status, 404);
    // A new question appears once answered, and the form opened from the page asks a question.
    assert.match(await (await citizen.get(`${SLUG}/gui?loai=question`)).text(), /value="question" checked/);
    const code = await submit(citizen, base(other, { kind: 'question', title: 'Giờ tiếp công dân của xã là khi nào?' }));
    assert.doesNotMatch(await (await citizen.get(`${FAQ}?q=tiep+cong+dan`)).text(), /Giờ tiếp công dân/);
    const id = await staffId(leader, code);
    assert.equal((await leader.post(`/quan-ly/phan-anh/${id}/xu-ly`, { version: '1', action: 'answer', answer: 'Sáng thứ Năm hằng tuần.' })).status, 303);
    const found = await (await citizen.get(`${FAQ}?q=tiep+cong+dan`)).text();
    assert.match(found, /Giờ tiếp công dân của xã là khi nào\?/);
    assert.match(found, /Sáng thứ Năm hằng tuần/);
  });

  test('a filled honeypot is thanked but nothing is stored', async () => {
    const before = count(server);
    const res = await citizen.post(`${SLUG}/gui`, base(other, { website: 'http://spam.example' }));
    assert.equal(res.status, 200);
    assert.match(await res.text(), /Đã nhận phản ánh/);
    assert.equal(count(server), before);
  });

  test('bad input: a long description, an unknown category, a malformed code', async () => {
    const before = count(server);
    const long = await citizen.post(`${SLUG}/gui`, base(other, { description: 'a'.repeat(4001) }));
    assert.equal(long.status, 422);
    assert.match(await long.text(), /Ô nội dung quá dài \(tối đa 4000 ký tự\)\./);
    const unknown = await citizen.post(`${SLUG}/gui`, base('999999'));
    assert.equal(unknown.status, 422);
    assert.match(await unknown.text(), /Chọn một lĩnh vực phản ánh của xã\./);
    assert.equal((await citizen.post(`${SLUG}/gui`, base('abc'))).status, 422);
    assert.equal(count(server), before);
    for (const bad of ['PA-00000000', 'xyz', 'PA-ABCDEFG%00', 'PA-' + 'A'.repeat(300)]) {
      assert.equal((await citizen.get(`${SLUG}/${bad}`)).status, 404, bad);
      assert.equal((await citizen.post(`${SLUG}/${bad}/danh-gia`, { rating: 'satisfied' })).status, 404, bad);
    }
    assert.equal((await citizen.get('/xa/khong-co/phan-anh')).status, 404);
    assert.equal((await leader.get('/quan-ly/phan-anh?trang-thai=xyz')).status, 400);
    assert.equal((await leader.get('/quan-ly/phan-anh/999999')).status, 404);
  });

  test('the register filters by status and category and marks overdue items', async () => {
    const html = await (await leader.get('/quan-ly/phan-anh')).text();
    assert.match(html, /Rác thải đổ trộm ven kênh thôn Nam/);
    assert.match(html, /Quá hạn/);
    const answered = await (await leader.get('/quan-ly/phan-anh?trang-thai=answered')).text();
    assert.match(answered, /Hồ sơ đăng ký khai sinh/);
    assert.doesNotMatch(answered, /Rác thải đổ trộm/);
    const cat = await (await leader.get(`/quan-ly/phan-anh?linh-vuc=${other}`)).text();
    assert.doesNotMatch(cat, /Hồ sơ đăng ký khai sinh/);
    assert.equal((await (new Client(server.base)).get('/quan-ly/phan-anh')).status, 303);
    // An answered item may be reopened or closed; a supervisor reads it without the forms.
    const id = html.match(/href="\/quan-ly\/phan-anh\/(\d+)">PA-[A-Z0-9]{8}<\/a><\/td><td>Hồ sơ đăng ký khai sinh/)[1];
    const item = await (await leader.get(`/quan-ly/phan-anh/${id}`)).text();
    assert.match(item, /name="action" value="start">\s*<button type="submit">Bắt đầu xử lý</);
    assert.match(item, /name="action" value="close">\s*<button type="submit">Kết thúc</);
    const supervisor = new Client(server.base);
    await supervisor.signIn('mttq');
    const read = await supervisor.get(`/quan-ly/phan-anh/${id}`);
    assert.equal(read.status, 200);
    assert.doesNotMatch(await read.text(), /name="action"/);
  });
});

describe('feedback per-IP limit', () => {
  let server;
  before(async () => { server = await startServer({ env: { XASO_FEEDBACK_MAX_PER_IP: '2' } }); });
  after(async () => { await server.stop(); });

  test('the third submission within an hour gets 429 with a clear message', async () => {
    const c = new Client(server.base);
    const other = await categoryId(c, 'Khác');
    const before = count(server);
    await submit(c, base(other));
    await submit(c, base(other));
    const res = await c.post(`${SLUG}/gui`, base(other));
    assert.equal(res.status, 429);
    assert.match(await res.text(), /Bạn đã gửi quá nhiều phản ánh trong một giờ/);
    assert.equal(count(server), before + 2);
    // The limit's table holds a keyed pseudonym (HMAC-SHA-256), never the address.
    const senders = rawSql(server, 'SELECT DISTINCT ip_hash FROM feedback_submission').split('\n');
    assert.equal(senders.length, 1);
    assert.match(senders[0], /^[0-9a-f]{64}$/);
    assert.notEqual(senders[0], createHash('sha256').update('feedback:127.0.0.1').digest('hex'));
    assert.notEqual(senders[0], createHash('sha256').update('127.0.0.1').digest('hex'));
  });
});

describe('feedback register paging', () => {
  let server;
  before(async () => { server = await startServer(); });
  after(async () => { await server.stop(); });

  test('the register shows 100 items a page and the next page continues without repeats', async () => {
    // 150 open items next to the demo's, made in one statement.
    rawSql(server, `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 150)
      INSERT INTO feedback (commune_id, tracking_code, category_id, kind, channel, description, status,
        received_at, received_on, rule_key, rule_effective_from, answer_days, due_on, updated_at)
      SELECT f.commune_id, 'PA-T' || CAST(1000 + n.i AS TEXT), f.category_id, 'feedback', 'portal',
        'Mục thử ' || CAST(n.i AS TEXT), 'received', f.received_at, f.received_on, f.rule_key,
        f.rule_effective_from, f.answer_days, f.due_on, f.updated_at
      FROM n CROSS JOIN (SELECT * FROM feedback ORDER BY id LIMIT 1) f`);
    const leader = new Client(server.base);
    await leader.signIn('chutich');
    const codes = [];
    let href = '/quan-ly/phan-anh';
    for (let page = 0; page < 5 && href; page++) {
      const html = await (await leader.get(href)).text();
      const found = [...html.matchAll(/href="\/quan-ly\/phan-anh\/\d+">(PA-[A-Z0-9]{5,8})</g)].map((m) => m[1]);
      assert.ok(found.length <= 100);
      codes.push(...found);
      const next = html.match(/<a href="([^"]+)" rel="next">Trang sau</);
      href = next ? next[1].replaceAll('&amp;', '&') : null;
    }
    assert.equal(codes.length, count(server));
    assert.ok(codes.length > 150);
    assert.equal(new Set(codes).size, codes.length);
    assert.equal((await leader.get('/quan-ly/phan-anh?sau=khong-hop-le')).status, 400);
  });

  test('an item page links staff to what the public sees, unless it is hidden', async () => {
    const leader = new Client(server.base);
    await leader.signIn('chutich');
    const id = rawSql(server, "SELECT id FROM feedback WHERE hidden = 0 AND tracking_code LIKE 'PA-T%' ORDER BY id LIMIT 1");
    const code = rawSql(server, `SELECT tracking_code FROM feedback WHERE id = ${id}`);
    const html = await (await leader.get(`/quan-ly/phan-anh/${id}`)).text();
    assert.match(html, new RegExp(`href="/xa/nhat-tan/phan-anh/${code}">Xem trang công khai`));
    rawSql(server, `UPDATE feedback SET hidden = 1 WHERE id = ${id}`);
    assert.doesNotMatch(await (await leader.get(`/quan-ly/phan-anh/${id}`)).text(), /Xem trang công khai/);
  });
});

// test/fixtures/gps.jpg: a 16×8 JPEG whose Exif carries a GPS position, a camera make
// ("XasoTestCam") and model, the time taken and Orientation 6, with an XMP copy of the position,
// an IPTC city ("ThonBa") and a JPEG comment naming a person.
const FIXTURES = new URL('../fixtures/', import.meta.url);
const GPS_JPEG = readFileSync(new URL('gps.jpg', FIXTURES));
const PNG = readFileSync(new URL('tiny.png', FIXTURES));
const LEAKS = ['XasoTestCam', 'PhoneModel-X', 'GPSLatitude', '2026:11:20', 'ThonBa', 'Nguyen Van A'];

function gpsPhoto(name = 'IMG_0001.JPG') { return { name, type: 'image/jpeg', bytes: GPS_JPEG }; }

// The tags of the first IFD of a JPEG's Exif block (APP1 "Exif\0\0" + TIFF), or null.
function exifTags(bytes) {
  const at = bytes.indexOf(Buffer.from('Exif\0\0', 'binary'));
  if (at < 0) return null;
  const tiff = bytes.subarray(at + 6);
  const le = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (o) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  const ifd = u32(4);
  const tags = [];
  for (let i = 0; i < u16(ifd); i++) tags.push(u16(ifd + 2 + 12 * i));
  return tags;
}

function counts(server) {
  return ['feedback', 'feedback_photo', 'file_blob']
    .map((t) => Number(rawSql(server, `SELECT COUNT(*) FROM ${t}`)));
}

describe('feedback photos', () => {
  let server, citizen, leader, clerk, other;
  before(async () => {
    server = await startServer();
    citizen = new Client(server.base);
    leader = new Client(server.base);
    await leader.signIn('chutich');
    clerk = new Client(server.base);
    await clerk.signIn('motcua');
    other = await categoryId(citizen, 'Khác');
  });
  after(async () => { await server.stop(); });

  test('the fixture really carries GPS and camera data', () => {
    for (const leak of LEAKS) assert.ok(GPS_JPEG.includes(leak), leak);
    assert.ok(exifTags(GPS_JPEG).includes(0x8825));  // the GPS IFD pointer
  });

  test('photos are served without GPS or other metadata but keep the orientation', async () => {
    const res = await citizen.postMultipart(`${SLUG}/gui`, base(other),
      { photo: [gpsPhoto(), { name: 'so-do.png', type: 'image/png', bytes: PNG }] });
    assert.equal(res.status, 303);
    const code = res.headers.get('location').match(/(PA-[A-Z0-9]{8})/)[1];
    const page = await (await citizen.get(`${SLUG}/${code}`)).text();
    assert.match(page, new RegExp(`<img src="${SLUG}/${code}/anh/1" alt="Ảnh kèm phản ánh, số 1 · ${code}"`));
    assert.match(page, new RegExp(`<img src="${SLUG}/${code}/anh/2"`));
    assert.doesNotMatch(page, /IMG_0001/);  // the sender's file name is not kept

    const photo = await citizen.get(`${SLUG}/${code}/anh/1`);
    assert.equal(photo.status, 200);
    assert.equal(photo.headers.get('content-type'), 'image/jpeg');
    assert.equal(photo.headers.get('content-disposition'), 'inline');
    assert.equal(photo.headers.get('x-content-type-options'), 'nosniff');
    const served = Buffer.from(await photo.arrayBuffer());
    assert.equal(served.readUInt16BE(0), 0xffd8);
    assert.ok(served.length < GPS_JPEG.length);
    for (const leak of LEAKS) assert.ok(!served.includes(leak), `${leak} was served`);
    assert.deepEqual(exifTags(served), [0x0112]);  // Orientation only
    // The picture itself is untouched: its entropy-coded scan is the original's.
    const sos = (b) => b.subarray(b.indexOf(Buffer.from([0xff, 0xda])));
    assert.ok(sos(served).equals(sos(GPS_JPEG)));
    const png = await citizen.get(`${SLUG}/${code}/anh/2`);
    assert.equal(png.headers.get('content-type'), 'image/png');
    // Open311 gives the first photo as media_url; an item without photos has none.
    const host = new URL(server.base).host;
    const req = (await (await fetch(`${server.base}/open311/v2/requests/${code}.json`)).json())[0];
    assert.equal(req.media_url, `http://${host}${SLUG}/${code}/anh/1`);
    const plain = await submit(citizen, base(other));
    assert.equal((await (await fetch(`${server.base}/open311/v2/requests/${plain}.json`)).json())[0].media_url, '');
    for (const n of ['3', '0', 'x']) assert.equal((await citizen.get(`${SLUG}/${code}/anh/${n}`)).status, 404);

    // What is stored is the scrubbed file, never the original.
    const blobs = rawSql(server, "SELECT b.data FROM feedback_photo p JOIN file_blob b ON " +
      'b.commune_id = p.commune_id AND b.sha256 = p.sha256').split('\n');
    assert.equal(blobs.length, 2);
    for (const b64 of blobs) {
      const stored = Buffer.from(b64, 'base64');
      for (const leak of LEAKS) assert.ok(!stored.includes(leak), `${leak} was stored`);
    }

    // Staff see the photos on the item page; a hidden item's photos leave the public side only.
    const id = await staffId(leader, code);
    const staffPage = await (await leader.get(`/quan-ly/phan-anh/${id}`)).text();
    assert.match(staffPage, new RegExp(`<img src="/quan-ly/phan-anh/${id}/anh/1"`));
    assert.equal((await leader.post(`/quan-ly/phan-anh/${id}/an`, { version: '1', reason: 'Trùng lặp' })).status, 303);
    assert.equal((await citizen.get(`${SLUG}/${code}/anh/1`)).status, 404);
    const staffPhoto = await leader.get(`/quan-ly/phan-anh/${id}/anh/1`);
    assert.equal(staffPhoto.status, 200);
    assert.ok(Buffer.from(await staffPhoto.arrayBuffer()).equals(served));
  });

  test('a file that is not an image is refused in Vietnamese and nothing is stored', async () => {
    const before = counts(server);
    const text = await citizen.postMultipart(`${SLUG}/gui`, base(other),
      { photo: [gpsPhoto(), { name: 'anh.jpg', type: 'image/jpeg', bytes: Buffer.from('Xin chào, đây là văn bản.') }] });
    assert.equal(text.status, 422);
    const html = await text.text();
    assert.match(html, /Ảnh thứ 2: Nội dung tệp không đúng với loại \.jpg\./);
    assert.match(html, /Đường liên thôn đoạn qua cầu Đông/);  // what was typed is kept
    const pdf = await citizen.postMultipart(`${SLUG}/gui`, base(other),
      { photo: { name: 'don.pdf', type: 'application/pdf', bytes: Buffer.from('%PDF-1.7\n%%EOF\n') } });
    assert.equal(pdf.status, 422);
    assert.match(await pdf.text(), /Ảnh thứ 1: chỉ nhận ảnh JPG, PNG hoặc WebP\./);
    const damaged = await citizen.postMultipart(`${SLUG}/gui`, base(other),
      { photo: { name: 'hong.jpg', type: 'image/jpeg', bytes: GPS_JPEG.subarray(0, 1000) } });
    assert.equal(damaged.status, 422);
    assert.match(await damaged.text(), /Ảnh thứ 1: Không đọc được ảnh/);
    assert.deepEqual(counts(server), before);
  });

  test('a fourth photo is refused and nothing is stored', async () => {
    const before = counts(server);
    const res = await citizen.postMultipart(`${SLUG}/gui`, base(other),
      { photo: [gpsPhoto('1.jpg'), gpsPhoto('2.jpg'), gpsPhoto('3.jpg'), gpsPhoto('4.jpg')] });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /Gửi tối đa 3 ảnh\./);
    assert.deepEqual(counts(server), before);
  });

  test('a clerk enters an item with a photo on a citizen\'s behalf', async () => {
    const form = await (await clerk.get('/quan-ly/phan-anh/moi')).text();
    assert.match(form, /enctype="multipart\/form-data"/);
    assert.match(form, /<input id="photo" name="photo" type="file" accept="image\/jpeg,image\/png,image\/webp" multiple/);
    const res = await clerk.postMultipart('/quan-ly/phan-anh/moi', base(other, { channel: 'letter' }),
      { photo: gpsPhoto() });
    assert.equal(res.status, 303);
    const page = await (await clerk.get(res.headers.get('location'))).text();
    const src = page.match(/<img src="(\/quan-ly\/phan-anh\/\d+\/anh\/1)"/);
    assert.ok(src, 'the photo on the staff item page');
    const photo = Buffer.from(await (await clerk.get(src[1])).arrayBuffer());
    for (const leak of LEAKS) assert.ok(!photo.includes(leak), leak);
  });
});
