// The staff side of the disclosure register (issue 7, items 2 and 3): an officer creates an
// item, attaches files whose SHA-256 the page shows, publishes it, records postings (a short
// one and one taken down early are accepted and flagged), and the compliance dashboard, the
// quarterly list and the PAPI leading indicator count what was done. Refusals: a wrong file
// type, an end before the start, a stale version, a clerk publishing, another commune's item.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, DEMO_USERS, signInOtherCommune, startServer } from './harness.mjs';
import { JPEG, PDF, sha256, vi, vnDay } from './disclosure_lib.mjs';


const idFrom = (res) => Number(/\/quan-ly\/cong-khai\/(\d+)/.exec(res.headers.get('location'))[1]);
const versionOf = (html) => /name="version" value="(\d+)"/.exec(html)[1];
const text = async (res) => (await res).text();

describe('disclosure register, staff pages', () => {
  let server;
  let officer;
  let clerk;
  let stranger;  // the administrator of another commune
  const today = vnDay();
  const year = today.y;

  async function create(fields) {
    const res = await officer.post('/quan-ly/cong-khai/moi', {
      type_code: 'other', title: 'Quy chế chi tiêu nội bộ năm ' + year, summary: 'Tóm tắt.',
      decision_number: '15/QĐ-UBND', decision_on: vi(today), period_key: '', year: String(year),
      unit_id: '0', ...fields,
    });
    assert.equal(res.status, 303, await res.text());
    return idFrom(res);
  }
  const page = (id, who = officer) => text(who.get(`/quan-ly/cong-khai/${id}`));
  async function publish(id) {
    const version = versionOf(await page(id));
    const res = await officer.post(`/quan-ly/cong-khai/${id}/cong-bo`, { version });
    assert.equal(res.status, 303);
  }
  function posting(id, fields, proof) {
    return officer.postMultipart(`/quan-ly/cong-khai/${id}/niem-yet`, {
      channel: 'notice_board', village_id: '', started_on: vi(today), until: '', note: '', ...fields,
    }, proof ? { proof } : {});
  }
  async function dashboard(y = year) {
    const html = await text(officer.get(`/quan-ly/cong-khai/tuan-thu?nam=${y}`));
    const num = (id) => Number(new RegExp(`id="${id}">([\\d.]+)<`).exec(html)[1].replaceAll('.', ''));
    return { html, items: num('items-checked'), onTime: num('items-on-time'), flagged: num('items-flagged') };
  }

  before(async () => {
    server = await startServer();
    officer = new Client(server.base);
    await officer.signIn(DEMO_USERS.officer);
    clerk = new Client(server.base);
    await clerk.signIn(DEMO_USERS.clerk);
    stranger = await signInOtherCommune(server);
  });
  after(async () => { await server.stop(); });

  test('the form offers the types in force grouped by law item, and refuses bad input with 422', async () => {
    const form = await text(officer.get('/quan-ly/cong-khai/moi'));
    assert.match(form, /<optgroup label="Khoản 2">[^]*?value="budget_execution"/);
    assert.doesNotMatch(form, /value="disclosure_log"/);
    const bad = await officer.post('/quan-ly/cong-khai/moi', {
      type_code: 'other', title: '', decision_on: '31/02/2026', year: String(year),
    });
    assert.equal(bad.status, 422);
    const html = await bad.text();
    assert.match(html, /Ngày không hợp lệ \(dd\/mm\/yyyy\)/);
    const noType = await officer.post('/quan-ly/cong-khai/moi', { type_code: 'khong_co', title: 'X', year: String(year) });
    assert.equal(noType.status, 422);
    assert.match(await noType.text(), /Chọn loại thông tin công khai/);
  });

  test('create, attach (the hash shown is the sha256 of the bytes), publish', async () => {
    const id = await create({ title: 'Kế hoạch tiếp dân' });
    let html = await page(id);
    assert.match(html, /data-status="draft"/);
    const res = await officer.postMultipart(`/quan-ly/cong-khai/${id}/tep`, { version: versionOf(html) },
      { file: { name: 'ke-hoach.pdf', type: 'application/pdf', bytes: PDF } });
    assert.equal(res.status, 303);
    html = await page(id);
    assert.ok(html.includes(`<code class="hash">${sha256(PDF)}</code>`), 'the page shows the file\'s SHA-256');
    const file = await officer.get(`/quan-ly/cong-khai/${id}/tep/1`);
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'application/pdf');
    assert.equal(sha256(Buffer.from(await file.arrayBuffer())), sha256(PDF));

    await publish(id);
    html = await page(id);
    assert.match(html, /data-status="published"/);
    assert.match(html, /data-channel="portal"/);
    assert.match(html, /data-mark="ok">Đúng hạn</);
    // A published file stays: the page offers no removal.
    assert.doesNotMatch(html, /\/tep\/1\/xoa/);
  });

  test('a wrong file type is refused with 422 and a message, and nothing is attached', async () => {
    const id = await create({ title: 'Tệp sai loại' });
    const html = await page(id);
    const res = await officer.postMultipart(`/quan-ly/cong-khai/${id}/tep`, { version: versionOf(html) },
      { file: { name: 'virus.exe', type: 'application/octet-stream', bytes: Buffer.from('MZ...') } });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /Chỉ nhận tệp PDF, ảnh/);
    const disguised = await officer.postMultipart(`/quan-ly/cong-khai/${id}/tep`, { version: versionOf(html) },
      { file: { name: 'bao-cao.pdf', type: 'application/pdf', bytes: Buffer.from('không phải PDF') } });
    assert.equal(disguised.status, 422);
    assert.match(await page(id), /Chưa có tệp nào/);
  });

  test('a draft\'s file can be removed; the others keep their numbers and hashes', async () => {
    const id = await create({ title: 'Gỡ một tệp' });
    const other = Buffer.concat([PDF, Buffer.from('% bản 2\n')]);
    for (const [name, bytes] of [['nham.pdf', PDF], ['dung.pdf', other]]) {
      const res = await officer.postMultipart(`/quan-ly/cong-khai/${id}/tep`, { version: versionOf(await page(id)) },
        { file: { name, type: 'application/pdf', bytes } });
      assert.equal(res.status, 303);
    }
    // A number past what an int holds must not wrap round to file 1 (2^32 + 1).
    let res = await officer.post(`/quan-ly/cong-khai/${id}/tep/4294967297/xoa`, { version: versionOf(await page(id)) });
    assert.equal(res.status, 404);
    assert.equal((await officer.get(`/quan-ly/cong-khai/${id}/tep/4294967297`)).status, 404);
    assert.match(await page(id), /nham\.pdf/);
    res = await officer.post(`/quan-ly/cong-khai/${id}/tep/1/xoa`, { version: versionOf(await page(id)) });
    assert.equal(res.status, 303);
    const html = await page(id);
    assert.doesNotMatch(html, /nham\.pdf/);
    assert.match(html, /<li data-n="2"><a href="\/quan-ly\/cong-khai\/\d+\/tep\/2">dung\.pdf<\/a>/);
    assert.ok(html.includes(sha256(other)));
    assert.equal((await officer.get(`/quan-ly/cong-khai/${id}/tep/1`)).status, 404);
  });

  test('a stale version is refused with a message that says what to do', async () => {
    const id = await create({ title: 'Hai người cùng sửa' });
    const html = await page(id);
    const stale = versionOf(html);
    const first = await officer.post(`/quan-ly/cong-khai/${id}`, {
      version: stale, title: 'Hai người cùng sửa (bản 2)', decision_on: vi(today), year: String(year), unit_id: '0',
    });
    assert.equal(first.status, 303);
    const second = await officer.post(`/quan-ly/cong-khai/${id}`, {
      version: stale, title: 'Bản cũ ghi đè', decision_on: vi(today), year: String(year), unit_id: '0',
    });
    assert.equal(second.status, 409);
    assert.match(await second.text(), /vừa được người khác thay đổi/);
    const attach = await officer.postMultipart(`/quan-ly/cong-khai/${id}/tep`, { version: stale },
      { file: { name: 'a.pdf', type: 'application/pdf', bytes: PDF } });
    assert.equal(attach.status, 409);
    assert.match(await page(id), /<h1>Hai người cùng sửa \(bản 2\)<\/h1>/);
  });

  test('a posting shorter than the rule is accepted and flagged at once, with its proof', async () => {
    const id = await create({ title: 'Niêm yết thiếu ngày' });
    await publish(id);
    const res = await posting(id, { until: vi(vnDay(28)), note: 'Bảng tin UBND' },
      { name: 'bang-tin.jpg', type: 'image/jpeg', bytes: JPEG });
    assert.equal(res.status, 303);
    assert.match(res.headers.get('location'), /\?niem-yet=\d+#niem-yet$/);
    const html = await page(id);
    assert.match(html, /Niêm yết 29 ngày, ít hơn 30 ngày theo quy định/);
    assert.ok(html.includes(`<code class="hash">${sha256(JPEG)}</code>`), 'the proof\'s SHA-256 is shown');
    const postingId = /data-posting="(\d+)" data-channel="notice_board"/.exec(html)[1];
    const proof = await officer.get(`/quan-ly/cong-khai/${id}/niem-yet/${postingId}/minh-chung`);
    assert.equal(proof.status, 200);
    assert.equal(sha256(Buffer.from(await proof.arrayBuffer())), sha256(JPEG));
  });

  test('a posting taken down before its days are up is flagged', async () => {
    const id = await create({ title: 'Gỡ sớm', decision_on: vi(vnDay(-10)), year: String(vnDay(-10).y) });
    await publish(id);
    const res = await posting(id, { started_on: vi(vnDay(-10)), until: vi(vnDay(19)) });
    assert.equal(res.status, 303);
    let html = await page(id);
    assert.doesNotMatch(html, /Gỡ xuống sau/);
    const postingId = /data-posting="(\d+)" data-channel="notice_board"/.exec(html)[1];
    const down = await officer.post(`/quan-ly/cong-khai/${id}/niem-yet/${postingId}/go-xuong`, { taken_down_on: vi(today) });
    assert.equal(down.status, 303);
    html = await page(id);
    assert.match(html, /Gỡ xuống sau 10 ngày, trước khi đủ 30 ngày theo quy định/);
  });

  test('an end before the start is refused with 422 and nothing is recorded', async () => {
    const id = await create({ title: 'Ngày ngược' });
    const res = await posting(id, { started_on: vi(today), until: vi(vnDay(-1)) });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /Ngày kết thúc trước ngày bắt đầu/);
    assert.match(await page(id), /Chưa ghi nhận hình thức công khai nào/);
    const bad = await posting(id, { started_on: 'hôm nay' });
    assert.equal(bad.status, 422);
    // A village house needs its village; with one, the posting is recorded under its name.
    const noVillage = await posting(id, { channel: 'village_house' });
    assert.equal(noVillage.status, 422);
    const form = await page(id);
    const [, villageId, villageName] = /<option value="(\d+)">([^<]+)<\/option>/.exec(form.slice(form.indexOf('id="village_id"')));
    assert.equal((await posting(id, { channel: 'village_house', village_id: villageId, until: vi(vnDay(29)) })).status, 303);
    assert.match(await page(id), new RegExp(`data-channel="village_house"><td>Niêm yết tại nhà văn hóa thôn · ${villageName}`));
  });

  test('a clerk reads the register but cannot publish; another commune gets 404', async () => {
    const id = await create({ title: 'Chỉ văn phòng được công khai' });
    const list = await clerk.get(`/quan-ly/cong-khai?nam=${year}`);
    assert.equal(list.status, 200);
    assert.match(await list.text(), /Chỉ văn phòng được công khai/);
    const html = await page(id, clerk);
    assert.doesNotMatch(html, /\/cong-bo"/);
    assert.equal((await clerk.post(`/quan-ly/cong-khai/${id}/cong-bo`, { version: versionOf(await page(id)) })).status, 403);
    assert.match(await page(id), /data-status="draft"/);

    assert.equal((await stranger.get(`/quan-ly/cong-khai/${id}`)).status, 404);
    assert.equal((await stranger.post(`/quan-ly/cong-khai/${id}/cong-bo`, { version: '1' })).status, 404);
    assert.equal((await stranger.get(`/quan-ly/cong-khai/${id}/tep/1`)).status, 404);
    assert.doesNotMatch(await text(stranger.get(`/quan-ly/cong-khai?nam=${year}`)), /Chỉ văn phòng được công khai/);
    assert.match(await page(id), /data-status="draft"/);
  });

  test('the list filters by status and shows each line\'s marks', async () => {
    const id = await create({ title: 'Bản nháp để lọc' });
    const drafts = await text(officer.get(`/quan-ly/cong-khai?nam=${year}&trang-thai=draft`));
    assert.match(drafts, new RegExp(`href="/quan-ly/cong-khai/${id}">Bản nháp để lọc`));
    assert.doesNotMatch(drafts, /data-status="published"/);
    assert.match(drafts, /Chưa đến hạn/);
    const published = await text(officer.get(`/quan-ly/cong-khai?nam=${year}&trang-thai=published`));
    assert.doesNotMatch(published, /Bản nháp để lọc/);
    assert.equal((await officer.get('/quan-ly/cong-khai?nam=abc')).status, 400);
  });

  test('the compliance dashboard counts an on-time item and an overdue draft', async () => {
    const before = await dashboard();
    const onTime = await create({ title: 'Công khai đúng hạn' });
    await publish(onTime);
    let after = await dashboard();
    assert.equal(after.items, before.items + 1);
    assert.equal(after.onTime, before.onTime + 1);
    assert.equal(after.flagged, before.flagged);
    assert.match(after.html, new RegExp(`data-item="${onTime}"[^]*?data-mark="ok">Đúng hạn<`));

    // Decided 40 days ago, 5 working days to publish, still a draft: overdue and flagged.
    const old = vnDay(-40);
    const overdue = await create({ title: 'Quá hạn chưa công khai', decision_on: vi(old), year: String(old.y) });
    const mid = await dashboard(old.y);
    const baseline = old.y === year ? after : null;
    if (baseline) {
      assert.equal(mid.items, baseline.items + 1);
      assert.equal(mid.onTime, baseline.onTime);
      assert.equal(mid.flagged, baseline.flagged + 1);
    }
    assert.match(mid.html, new RegExp(`<li data-item="${overdue}"><a [^>]*>Quá hạn chưa công khai</a>[^]*?Quá hạn \\d+ ngày mà chưa công khai`));
    assert.match(mid.html, /Tỷ lệ công khai đúng hạn/);
  });

  test('a recurring period with nothing published is listed as missing until an item covers it', async () => {
    const missing = /Chưa công khai tình hình thực hiện dự toán ngân sách xã theo quý Quý I\/2023, hạn \d\d\/04\/2023/;
    const before = await dashboard(2023);
    assert.match(before.html, missing);
    const id = await create({
      type_code: 'budget_execution', title: 'Thực hiện ngân sách Quý I/2023', decision_number: '', decision_on: '',
      period_key: '2023-Q1', year: '2023',
    });
    await publish(id);
    const after = await dashboard(2023);
    assert.doesNotMatch(after.html, missing);
    // Still one item counted for that period, now out, and late.
    assert.equal(after.items, before.items);
    assert.match(after.html, new RegExp(`<li data-item="${id}">[^]*?Công khai muộn \\d+ ngày`));
  });

  test('the PAPI leading indicator counts an item out by its deadline, in the month of the deadline', async () => {
    const id = await create({ title: 'Chỉ báo PAPI' });
    const due = /<dd id="due">(\d\d)\/(\d\d)\/(\d{4})<\/dd>/.exec(await page(id));
    const month = `${due[3]}-${due[2]}`;
    const leader = new Client(server.base);
    await leader.signIn(DEMO_USERS.leader);
    const read = async () => (await leader.api(`/api/v1/papi/leading-indicators?from=${month}&to=${month}`))
      .json.indicators.find((i) => i.code === 'disclosure_on_time');
    const before = await read();
    assert.equal(before.subdimension, '2.1');
    await publish(id);
    const after = await read();
    assert.equal(after.numerator, before.numerator + 1);
    assert.equal(after.denominator, before.denominator + 1);
  });

  test('the quarterly list shows what went out this quarter, downloads as CSV, and publishes once', async () => {
    const id = await create({ title: 'Mục của danh mục quý' });
    await publish(id);
    const q = Math.floor((today.m - 1) / 3) + 1;
    const html = await text(officer.get(`/quan-ly/cong-khai/danh-sach-quy?nam=${year}&quy=${q}`));
    assert.match(html, new RegExp(`href="/quan-ly/cong-khai/${id}">Mục của danh mục quý<`));
    assert.match(html, /Cổng thông tin điện tử của xã/);
    const csv = await officer.get(`/quan-ly/cong-khai/danh-sach-quy.csv?nam=${year}&quy=${q}`);
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type'), /^text\/csv/);
    const body = await csv.text();
    assert.match(body, /^item_id,type_code,title,decision_number,channels,first_out,until/);
    assert.match(body, new RegExp(`^${id},other,Mục của danh mục quý,15/QĐ-UBND,portal,${vi(today).replaceAll('/', '\\/')},`, 'm'));

    // The quarter is not over: its list cannot be published yet, and the page offers no button.
    assert.doesNotMatch(html, /method="post" action="\/quan-ly\/cong-khai\/danh-sach-quy"/);
    const early = await officer.post('/quan-ly/cong-khai/danh-sach-quy', { nam: String(year), quy: String(q) });
    assert.equal(early.status, 409);
    assert.match(await early.text(), /chưa kết thúc/);

    // An item first posted on the last day of the previous quarter belongs to that quarter's list.
    const [py, pq] = q === 1 ? [year - 1, 4] : [year, q - 1];
    const firstOfQuarter = new Date(Date.UTC(year, (q - 1) * 3, 1));
    const lastDay = vnDay(Math.round((firstOfQuarter.getTime() - Date.UTC(year, today.m - 1, today.d)) / 86_400_000) - 1);
    const earlier = await create({ title: 'Niêm yết từ quý trước', decision_on: vi(lastDay), year: String(lastDay.y) });
    await publish(earlier);
    assert.equal((await posting(earlier, { started_on: vi(lastDay), until: vi(vnDay(40)) })).status, 303);
    const previous = await text(officer.get(`/quan-ly/cong-khai/danh-sach-quy?nam=${py}&quy=${pq}`));
    assert.match(previous, new RegExp(`href="/quan-ly/cong-khai/${earlier}">Niêm yết từ quý trước<`));
    assert.match(previous, /method="post" action="\/quan-ly\/cong-khai\/danh-sach-quy"/);

    assert.equal((await clerk.post('/quan-ly/cong-khai/danh-sach-quy', { nam: String(py), quy: String(pq) })).status, 403);
    const res = await officer.post('/quan-ly/cong-khai/danh-sach-quy', { nam: String(py), quy: String(pq) });
    assert.equal(res.status, 303);
    const log = await page(idFrom(res));
    assert.match(log, /<h1>Danh mục thông tin đã công khai Quý [IV]+\/\d{4}<\/h1>/);
    assert.match(log, /data-status="published"/);
    assert.match(log, /\.csv<\/a>/);
    const again = await officer.post('/quan-ly/cong-khai/danh-sach-quy', { nam: String(py), quy: String(pq) });
    assert.equal(again.status, 409);
    assert.match(await again.text(), /đã được công bố/);
    assert.equal((await officer.get('/quan-ly/cong-khai/danh-sach-quy?nam=2026&quy=5')).status, 400);
  });

  test('withdrawing needs the reason and keeps the item for the record', async () => {
    const id = await create({ title: 'Thu hồi vì nhầm' });
    await publish(id);
    const res = await officer.post(`/quan-ly/cong-khai/${id}/thu-hoi`, { version: versionOf(await page(id)), reason: 'Đăng nhầm tệp' });
    assert.equal(res.status, 303);
    const html = await page(id);
    assert.match(html, /data-status="withdrawn"/);
    assert.match(html, /Đăng nhầm tệp/);
  });
});
