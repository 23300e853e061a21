// The poor-household review list (issue 7 items 4(b) and 6; ADR 0016): an officer imports the
// list (a file with errors is refused line by line and stores nothing), publishes it, records
// objections inside and outside the objection window, settles them, and the final list follows;
// the public page shows names, villages and classes only, never the objector, is never indexed,
// and is gone (404) once the posting window is over. A clerk reads but does not write.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, DEMO_USERS, startServer } from './harness.mjs';
import { vi, vnDay as vnDate } from './disclosure_lib.mjs';

// Today at UTC+7, as the server counts it, and days from it, as dd/mm/yyyy.
const vnDay = (offset = 0) => vi(vnDate(offset));
const year = Number(vnDay().slice(6));
const idFrom = (res) => Number(/\/quan-ly\/cong-khai\/(\d+)/.exec(res.headers.get('location'))[1]);
const versionOf = (html) => /name="version" value="(\d+)"/.exec(html)[1];

const GOOD = 'head_name,village,classification\n'
  + 'Nguyễn Văn An,Thôn 1,ngheo\n'
  + 'Trần Thị Bình,thon 2,Hộ cận nghèo\n'
  + 'Lê Văn Cường,Thôn 1,thoat_ngheo\n';

describe('poor-household review list', () => {
  let server;
  let officer;
  let clerk;
  let anon;

  async function create(decisionOn) {
    const res = await officer.post('/quan-ly/cong-khai/moi', {
      type_code: 'poor_households', title: `Danh sách hộ nghèo, cận nghèo năm ${year}`,
      summary: 'Kết quả rà soát.', decision_number: '20/QĐ-UBND', decision_on: decisionOn,
      period_key: '', year: String(year), unit_id: '0',
    });
    assert.equal(res.status, 303, await res.text());
    return idFrom(res);
  }
  async function publish(id) {
    const version = versionOf(await (await officer.get(`/quan-ly/cong-khai/${id}`)).text());
    assert.equal((await officer.post(`/quan-ly/cong-khai/${id}/cong-bo`, { version })).status, 303);
  }
  const staffPage = async (id, who = officer) => {
    const res = await who.get(`/quan-ly/cong-khai/${id}/ho-ngheo`);
    assert.equal(res.status, 200);
    return res.text();
  };
  const objectTo = (id, fields) => officer.post(`/quan-ly/cong-khai/${id}/ho-ngheo/khieu-nai`, {
    received_on: vnDay(), household_id: '0', head_name: '', village_id: '', classification: 'ngheo',
    objector: '', text: '', ...fields,
  });
  const householdId = (html, name) =>
    new RegExp(`<option value="(\\d+)">${name} — `).exec(html)[1];

  before(async () => {
    server = await startServer();
    officer = new Client(server.base);
    await officer.signIn(DEMO_USERS.officer);
    clerk = new Client(server.base);
    await clerk.signIn(DEMO_USERS.clerk);
    anon = new Client(server.base);
  });
  after(async () => { await server.stop(); });

  test('import, objections in and out of the window, settling, the public and final lists', async () => {
    const id = await create(vnDay(-2));
    const pub = `/xa/nhat-tan/cong-khai/${id}/ho-ngheo`;
    // A draft is not public.
    assert.equal((await anon.get(pub)).status, 404);

    // Every bad line is named, and nothing is stored.
    const bad = await officer.post(`/quan-ly/cong-khai/${id}/ho-ngheo/nhap`, {
      csv: 'head_name,village,classification\n'
        + 'Nguyễn Văn An,Thôn 1,ngheo\n'
        + ',Thôn 1,ngheo\n'
        + 'Phạm Văn Dũng,Thôn 99,ngheo\n'
        + 'Vũ Thị Em,Thôn 2,giau\n'
        + 'nguyen van an,Thôn 1,can_ngheo\n',
    });
    assert.equal(bad.status, 422);
    const badHtml = await bad.text();
    assert.match(badHtml, /<td>3<\/td><td>thiếu tên chủ hộ<\/td>/);
    assert.match(badHtml, /<td>4<\/td><td>không có thôn &quot;Thôn 99&quot; trong xã<\/td>/);
    assert.match(badHtml, /<td>5<\/td><td>phân loại &quot;giau&quot; không hợp lệ/);
    assert.match(badHtml, /<td>6<\/td><td>hộ này đã có ở dòng 2<\/td>/);
    assert.match(await staffPage(id), /Chưa có hộ nào trong danh sách/);

    // A column beyond the three the law allows is refused outright.
    const extra = await officer.postMultipart(`/quan-ly/cong-khai/${id}/ho-ngheo/nhap`, {}, {
      file: { name: 'ds.csv', type: 'text/csv',
        bytes: Buffer.from('head_name,village,classification,cccd\nNguyễn Văn An,Thôn 1,ngheo,001203004005\n') },
    });
    assert.equal(extra.status, 422);
    assert.match(await extra.text(), /không đưa số định danh/);

    const good = await officer.postMultipart(`/quan-ly/cong-khai/${id}/ho-ngheo/nhap`, {}, {
      file: { name: 'ds.csv', type: 'text/csv', bytes: Buffer.from(GOOD) },
    });
    assert.equal(good.status, 200);
    assert.match(await good.text(), /id="import-done"[^>]*>[^<]*: 3\./);

    await publish(id);
    const window = `Thời hạn khiếu nại: ${vnDay()}–${vnDay(29)}`;
    let staff = await staffPage(id);
    assert.ok(staff.includes(window), 'the staff page shows the objection window');

    // The public page: names, villages and classes, how and until when to object, never indexed.
    let res = await anon.get(pub);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('x-robots-tag'), 'noindex, nofollow');
    assert.equal(res.headers.get('cache-control'), 'no-store');
    let html = await res.text();
    assert.match(html, /<meta name="robots" content="noindex, nofollow">/);
    assert.ok(html.includes(window));
    assert.ok(html.includes(`chậm nhất ngày ${vnDay(29)}`));
    // By village, then by name.
    assert.match(html, /Thôn 1[^]*Lê Văn Cường<\/td><td>Hộ thoát nghèo[^]*Nguyễn Văn An<\/td><td>Hộ nghèo/);
    assert.match(html, /Thôn 2[^]*Trần Thị Bình<\/td><td>Hộ cận nghèo/);
    assert.doesNotMatch(html, /danh-sach-chinh-thuc/);

    // One objection inside the window against An, one received before the list went out
    // (late, still recorded) about a household left out.
    const an = householdId(staff, 'Nguyễn Văn An');
    res = await objectTo(id, { household_id: an, objector: 'Hoàng Văn Khiếu', text: 'Hộ ông An đã có thu nhập ổn định.' });
    assert.equal(res.status, 303);
    const thon3 = /<option value="(\d+)">Thôn 3<\/option>/.exec(staff)[1];
    res = await objectTo(id, {
      received_on: vnDay(-1), head_name: 'Đỗ Thị Hoa', village_id: thon3, classification: 'can_ngheo',
      text: 'Hộ bà Hoa bị bỏ sót.',
    });
    assert.equal(res.status, 303);
    // Bad input: a future date, no text.
    res = await objectTo(id, { household_id: an, received_on: vnDay(1) });
    assert.equal(res.status, 422);
    html = await res.text();
    assert.match(html, /Ngày nhận không được sau hôm nay/);
    assert.match(html, /nội dung khiếu nại/i);

    staff = await staffPage(id);
    assert.ok(staff.includes('Hoàng Văn Khiếu'), 'an officer sees the objector');
    // A clerk (view_disclosures only) reads the objection but not who made it (LEGAL.md §11).
    const clerkView = await staffPage(id, clerk);
    assert.ok(clerkView.includes('Hộ ông An đã có thu nhập ổn định.'));
    assert.ok(!clerkView.includes('Hoàng Văn Khiếu'), 'a clerk does not see the objector');
    const late = /<article class="objection" id="khieu-nai-(\d+)">[^]*?<\/article>/g;
    const articles = [...staff.matchAll(late)].map((m) => ({ id: m[1], html: m[0] }));
    assert.equal(articles.length, 2);
    const [missing, against] = articles;  // by date received
    assert.match(missing.html, /Ngoài thời hạn khiếu nại/);
    assert.match(missing.html, /Đỗ Thị Hoa \(Thôn 3, Hộ cận nghèo\)/);
    assert.doesNotMatch(against.html, /Ngoài thời hạn khiếu nại/);

    // The objector is never on the public page.
    html = await (await anon.get(pub)).text();
    assert.doesNotMatch(html, /Hoàng Văn Khiếu/);

    // The posted list cannot be replaced once objected to.
    res = await officer.post(`/quan-ly/cong-khai/${id}/ho-ngheo/nhap`, { csv: GOOD });
    assert.equal(res.status, 409);

    // Settle: upheld removes An; upheld adds Hoa. A second settlement is refused.
    const settle = (oid, fields) =>
      officer.post(`/quan-ly/cong-khai/${id}/ho-ngheo/khieu-nai/${oid}/giai-quyet`, fields);
    assert.equal((await settle(against.id, { outcome: 'upheld', answer: '' })).status, 422);
    assert.equal((await settle(against.id, { outcome: 'upheld', answer: 'Phúc tra: hộ đủ điều kiện thoát nghèo.' })).status, 303);
    assert.equal((await settle(missing.id, { outcome: 'upheld', answer: 'Bổ sung vào danh sách.' })).status, 303);
    assert.equal((await settle(missing.id, { outcome: 'rejected', answer: 'Lại.' })).status, 409);

    html = await (await anon.get(pub)).text();
    const [posted, final] = html.split('id="danh-sach-chinh-thuc"');
    assert.ok(final, 'the final list is public once every objection is settled');
    assert.match(posted, /Nguyễn Văn An/);
    assert.doesNotMatch(posted, /Đỗ Thị Hoa/);
    assert.doesNotMatch(final, /Nguyễn Văn An/);
    assert.match(final, /Đỗ Thị Hoa[^]*Bổ sung sau khiếu nại/);
    assert.match(final, /Trần Thị Bình/);
    assert.doesNotMatch(html, /Hoàng Văn Khiếu|Phúc tra/);
  });

  test('a clerk reads the staff page but cannot write', async () => {
    const id = await create(vnDay());
    assert.match(await staffPage(id, clerk), /Rà soát hộ nghèo/);
    assert.doesNotMatch(await staffPage(id, clerk), /ho-ngheo\/nhap/);
    const res = await clerk.post(`/quan-ly/cong-khai/${id}/ho-ngheo/nhap`, { csv: GOOD });
    assert.equal(res.status, 403);
    // An item of a type without a household list has no such page.
    const other = await officer.post('/quan-ly/cong-khai/moi', {
      type_code: 'other', title: 'Quy chế', summary: '', decision_number: '', decision_on: vnDay(),
      period_key: '', year: String(year), unit_id: '0',
    });
    assert.equal((await officer.get(`/quan-ly/cong-khai/${idFrom(other)}/ho-ngheo`)).status, 404);
  });

  test('after its posting window the list is for staff only', async () => {
    const id = await create(vnDay(-45));
    const csv = await officer.post(`/quan-ly/cong-khai/${id}/ho-ngheo/nhap`, { csv: GOOD });
    assert.equal(csv.status, 200);
    // Posted on the notice board 40 days ago: the 30-day window ended 10 days ago.
    const posting = await officer.postMultipart(`/quan-ly/cong-khai/${id}/niem-yet`, {
      channel: 'notice_board', village_id: '', started_on: vnDay(-40), until: vnDay(-11), note: 'Bảng tin',
    });
    assert.equal(posting.status, 303, await posting.text());
    await publish(id);
    const res = await anon.get(`/xa/nhat-tan/cong-khai/${id}/ho-ngheo`);
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('x-robots-tag'), 'noindex, nofollow');
    assert.doesNotMatch(await res.text(), /Nguyễn Văn An/);
    const staff = await staffPage(id);
    assert.ok(staff.includes(`Thời hạn khiếu nại: ${vnDay(-40)}–${vnDay(-11)}`));
    assert.match(staff, /Nguyễn Văn An/);
  });
});
