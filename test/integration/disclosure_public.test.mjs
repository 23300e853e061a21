// The public disclosure register seen from outside the commune office (issue 7, parts 5 and 6):
// the list with its filters and a search without diacritics, an item with its files and their
// SHA-256, the downloads, the Atom feed, the open-data exports, bad input, and the privacy of
// personal-data lists (public only inside their posting window, never indexed).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, DEMO_USERS, rawSql, startServer } from './harness.mjs';
import { JPEG, PDF, sha256, vi, vnDay } from './disclosure_lib.mjs';

const REGISTER = '/xa/nhat-tan/cong-khai';

// Every element of an XML text opens and closes in order, and text holds no bare '<' or '&':
// enough to catch a feed that a reader would refuse (node has no XML parser of its own).
function assertWellFormedXml(xml) {
  assert.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?>/);
  const body = xml.replace(/^<\?xml[^>]*\?>/, '');
  const stack = [];
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|&(?:amp|lt|gt|quot|apos);|[<&]/g;
  let m;
  while ((m = tag.exec(body)) !== null) {
    if (m[0] === '<' || m[0] === '&') assert.fail(`bare ${m[0]} at ${m.index}: ${body.slice(m.index, m.index + 40)}`);
    if (!m[2]) continue;
    if (m[1]) assert.equal(stack.pop(), m[2], `</${m[2]}> closes the wrong element`);
    else if (!m[4]) stack.push(m[2]);
  }
  assert.deepEqual(stack, [], 'every element is closed');
}

describe('disclosure register: public pages on an installation', () => {
  let server, anon;
  before(async () => {
    server = await startServer();
    anon = new Client(server.base);
  });
  after(async () => { await server.stop(); });

  test('the home page links the register, and the list page offers its feed and filters', async () => {
    const home = await (await anon.get('/xa/nhat-tan/')).text();
    assert.match(home, /href="cong-khai"|href="\/xa\/nhat-tan\/cong-khai"/);
    const res = await anon.get(REGISTER);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('x-robots-tag'), null, 'the register itself is for everyone');
    const html = await res.text();
    assert.match(html, /<link rel="alternate" type="application\/atom\+xml"[^>]*href="\/xa\/nhat-tan\/cong-khai\/moi.atom"/);
    assert.match(html, /<h1>Công khai thông tin<\/h1>/);
    assert.match(html, /<option value="budget_execution">2\. Tình hình thực hiện dự toán ngân sách xã theo quý<\/option>/);
    assert.doesNotMatch(html, /name="robots"/);
  });

  test('a personal-data type filtered on the list is kept from search engines', async () => {
    const res = await anon.get(`${REGISTER}?loai=poor_households`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('x-robots-tag'), 'noindex, nofollow');
    assert.match(await res.text(), /<meta name="robots" content="noindex, nofollow">/);
  });

  test('bad input is a 400 or a 404 page, never a 500', async () => {
    for (const [q, status] of [
      ['?nam=abc', 400], ['?nam=1999', 400], ['?trang=-1', 400], ['?trang=0', 400],
      ['?loai=Bad%20Type', 400], ['?loai=khong_co', 404], [`?q=${'a'.repeat(201)}`, 400],
    ]) {
      const res = await anon.get(REGISTER + q);
      assert.equal(res.status, status, q);
      assert.match(res.headers.get('content-type'), /text\/html/);
    }
    for (const p of ['/999999', '/0', '/-1', '/abc', '/999999/tep/1', '/999999/tep/x',
      '/999999/niem-yet/1/anh']) {
      const res = await anon.get(REGISTER + p);
      assert.equal(res.status, 404, p);
      assert.equal(res.headers.get('x-robots-tag'), 'noindex, nofollow', p);
    }
    assert.equal((await anon.get('/xa/khong-co/cong-khai')).status, 404);
    assert.equal((await anon.get(`${REGISTER}/du-lieu.csv?nam=abc`)).status, 400);
    assert.equal((await anon.get(`${REGISTER}/du-lieu.json?loai=khong_co`)).status, 404);
  });

  test('the feed is well-formed Atom and the exports have their headers', async () => {
    const feed = await anon.get(`${REGISTER}/moi.atom`);
    assert.equal(feed.status, 200);
    assert.match(feed.headers.get('content-type'), /^application\/atom\+xml/);
    const xml = await feed.text();
    assertWellFormedXml(xml);
    assert.match(xml, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    assert.match(xml, new RegExp(`<id>${server.base}/xa/nhat-tan/cong-khai/moi.atom</id>`));
    const csv = await anon.get(`${REGISTER}/du-lieu.csv`);
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-disposition'), /attachment; filename="cong-khai-nhat-tan.csv"/);
    const text = Buffer.from(await csv.arrayBuffer());
    assert.deepEqual([...text.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a byte-order mark');
    assert.match(text.toString('utf8'), /^\uFEFFid,type_code,law_item,title,year,period,decision_number,decision_on,published_at,first_out,due,on_time,url,files\r\n/);
    const json = await anon.get(`${REGISTER}/du-lieu.json?nam=2026`);
    assert.equal(json.status, 200);
    assert.ok(Array.isArray((await json.json()).items));
  });
});


describe('disclosure register: items published by the office, seen by the public', () => {
  let server, officer, anon;
  const today = vnDay();
  const year = today.y;
  const ids = {};
  // Titles with markup and quotes: the page, the feed and the exports must escape them.
  const BUDGET_TITLE = `Công khai ngân sách & "chi thường xuyên" <năm ${year}>`;

  async function create(fields) {
    const res = await officer.post('/quan-ly/cong-khai/moi', {
      type_code: 'other', title: 'Mục công khai', summary: 'Tóm tắt.', decision_number: '15/QĐ-UBND',
      decision_on: vi(today), period_key: '', year: String(year), unit_id: '0', ...fields,
    });
    assert.equal(res.status, 303, await res.text());
    return Number(/\/quan-ly\/cong-khai\/(\d+)/.exec(res.headers.get('location'))[1]);
  }
  const staffPage = async (id) => (await officer.get(`/quan-ly/cong-khai/${id}`)).text();
  const versionOf = (html) => /name="version" value="(\d+)"/.exec(html)[1];
  async function attach(id, file) {
    const res = await officer.postMultipart(`/quan-ly/cong-khai/${id}/tep`,
      { version: versionOf(await staffPage(id)) }, { file });
    assert.equal(res.status, 303, await res.text());
  }
  async function publish(id) {
    const res = await officer.post(`/quan-ly/cong-khai/${id}/cong-bo`, { version: versionOf(await staffPage(id)) });
    assert.equal(res.status, 303, await res.text());
  }
  async function post(id, fields, proof) {
    const res = await officer.postMultipart(`/quan-ly/cong-khai/${id}/niem-yet`, {
      channel: 'notice_board', village_id: '', started_on: vi(today), until: '', note: '', ...fields,
    }, proof ? { proof } : {});
    assert.equal(res.status, 303, await res.text());
  }

  before(async () => {
    server = await startServer();
    officer = new Client(server.base);
    await officer.signIn(DEMO_USERS.officer);
    anon = new Client(server.base);
    // A: on time, with a file and a notice-board posting with its photo.
    ids.budget = await create({ type_code: 'socio_economic_plan', title: BUDGET_TITLE, decision_number: '21/QĐ-UBND' });
    await attach(ids.budget, { name: 'Ngân sách.pdf', type: 'application/pdf', bytes: PDF });
    await publish(ids.budget);
    await post(ids.budget, { until: vi(vnDay(29)) }, { name: 'bang-tin.jpg', type: 'image/jpeg', bytes: JPEG });
    // B: land, filed under last year, decided 40 days ago and published today: late.
    ids.land = await create({ type_code: 'investment_land', title: 'Kế hoạch sử dụng đất', decision_on: vi(vnDay(-40)),
      year: String(year - 1) });
    await attach(ids.land, { name: 'Bản đồ quy hoạch.jpg', type: 'image/jpeg', bytes: JPEG });
    await publish(ids.land);
    // C: a draft.
    ids.draft = await create({ title: 'Bản nháp chưa công bố' });
    // D: a personal-data list first posted 40 days ago: its 30-day window is over.
    ids.expired = await create({ type_code: 'military_service', title: 'Danh sách gọi nhập ngũ đợt 1',
      summary: 'Công dân Nguyễn Văn Ất, thôn Đông.', decision_on: vi(vnDay(-42)) });
    await publish(ids.expired);
    await post(ids.expired, { started_on: vi(vnDay(-40)), until: vi(vnDay(-11)) });
    // E: a personal-data list posted today: inside its window.
    ids.current = await create({ type_code: 'military_service', title: 'Danh sách gọi nhập ngũ đợt 2',
      summary: 'Công dân Trần Văn Bê, thôn Tây.' });
    await publish(ids.current);
    // F and G: first out on the board 29 and 30 days ago: the last day of the window, and the
    // day after it.
    for (const [key, back] of [['lastDay', 29], ['dayAfter', 30]]) {
      ids[key] = await create({ type_code: 'military_service', title: `Danh sách gọi nhập ngũ, ${back} ngày`,
        decision_on: vi(vnDay(-back - 2)), year: String(year) });
      await publish(ids[key]);
      await post(ids[key], { started_on: vi(vnDay(-back)), until: vi(vnDay(29 - back)) });
    }
  });
  after(async () => { await server.stop(); });

  test('an image file (a land-use map) is shown on the item page as well as listed for download', async () => {
    const land = await (await anon.get(`${REGISTER}/${ids.land}`)).text();
    const src = `${REGISTER}/${ids.land}/tep/1`;
    assert.ok(land.includes(`<img src="${src}" alt="Bản đồ quy hoạch.jpg" loading="lazy">`), land);
    assert.ok(land.includes(`<code class="hash">${sha256(JPEG)}</code>`));
    const img = await anon.get(src);
    assert.equal(img.headers.get('content-type'), 'image/jpeg');
    // A PDF is a download only.
    assert.doesNotMatch(await (await anon.get(`${REGISTER}/${ids.budget}`)).text(), /<img /);
  });

  test('the item shows its type, legal basis, timeliness, postings and the SHA-256 of its file', async () => {
    const res = await anon.get(`${REGISTER}/${ids.budget}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('x-robots-tag'), null);
    const html = await res.text();
    assert.ok(html.includes('<h1>Công khai ngân sách &amp; &quot;chi thường xuyên&quot; &lt;năm'), 'the title is escaped');
    assert.match(html, /Luật THDCCS 10\/2022\/QH15, Điều 11\(1\)/);
    assert.match(html, /id="disclosure-decision">21\/QĐ-UBND ngày \d\d\/\d\d\/\d{4}</);
    assert.match(html, /id="disclosure-timeliness" class="ok">Đúng hạn</);
    assert.match(html, /Niêm yết tại trụ sở UBND xã/);
    assert.match(html, /Cổng thông tin điện tử của xã/);
    assert.ok(html.includes(`<code class="hash">${sha256(PDF)}</code>`));
    assert.match(html, /sha256sum/);
    const proof = /href="([^"]*\/niem-yet\/\d+\/anh)"/.exec(html);
    assert.ok(proof, 'a link to the posting photo');
    const photo = await anon.get(proof[1]);
    assert.equal(photo.status, 200);
    assert.equal(photo.headers.get('content-type'), 'image/jpeg');
    assert.equal(sha256(Buffer.from(await photo.arrayBuffer())), sha256(JPEG));
  });

  test('the download is the file whose hash the page shows', async () => {
    const res = await anon.get(`${REGISTER}/${ids.budget}/tep/1`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.match(res.headers.get('content-disposition'), /^attachment; filename="ngan sach.pdf"; filename\*=UTF-8''Ng%C3%A2n%20s%C3%A1ch.pdf$/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.equal(res.headers.get('x-content-sha256'), sha256(bytes));
    assert.equal(sha256(bytes), sha256(PDF));
    assert.equal((await anon.get(`${REGISTER}/${ids.budget}/tep/2`)).status, 404);
  });

  test('a late item says by how many days', async () => {
    const html = await (await anon.get(`${REGISTER}/${ids.land}`)).text();
    assert.match(html, /id="disclosure-timeliness" class="late">Chậm \d+ ngày</);
    assert.match(html, /Công khai muộn \d+ ngày \(hạn \d\d\/\d\d\/\d{4}\)/);
  });

  test('the list searches without diacritics and filters by type and year', async () => {
    const titles = async (q) => {
      const res = await anon.get(REGISTER + q);
      assert.equal(res.status, 200, q);
      // Only this suite's items: demo data may hold others.
      return [...(await res.text()).matchAll(/<h2><a href="\/xa\/nhat-tan\/cong-khai\/(\d+)">/g)]
        .map((m) => Number(m[1])).filter((id) => Object.values(ids).includes(id));
    };
    const all = await titles('');
    for (const id of [ids.budget, ids.land]) assert.ok(all.includes(id), `item ${id} listed`);
    assert.ok(!all.includes(ids.current), 'a personal-data list is not among the general items');
    assert.ok(!all.includes(ids.draft), 'a draft is not listed');
    assert.ok(!all.includes(ids.expired), 'a personal-data list past its window is not listed');
    assert.deepEqual(await titles('?q=cong+khai+ngan+sach'), [ids.budget]);
    assert.deepEqual(await titles('?q=NGÂN+SÁCH'), [ids.budget]);
    assert.deepEqual(await titles('?q=su+dung+dat'), [ids.land]);
    assert.deepEqual(await titles('?loai=investment_land'), [ids.land]);
    assert.deepEqual(await titles(`?nam=${year - 1}`), [ids.land]);
    assert.ok(!(await titles(`?nam=${year}`)).includes(ids.land));
    assert.deepEqual(await titles(`?loai=investment_land&nam=${year}`), []);
    const html = await (await anon.get(`${REGISTER}?q=khong+co+gi+ca`)).text();
    assert.match(html, /Không có mục nào khớp với “khong co gi ca”/);
  });

  test('drafts and unknown items are the same 404', async () => {
    for (const id of [ids.draft, 999999]) {
      const res = await anon.get(`${REGISTER}/${id}`);
      assert.equal(res.status, 404);
      assert.equal(res.headers.get('x-robots-tag'), 'noindex, nofollow');
    }
  });

  test('a personal-data list is public inside its window only, and never indexed', async () => {
    const inside = await anon.get(`${REGISTER}/${ids.current}`);
    assert.equal(inside.status, 200);
    assert.equal(inside.headers.get('x-robots-tag'), 'noindex, nofollow');
    assert.equal(inside.headers.get('cache-control'), 'no-store');
    const html = await inside.text();
    assert.match(html, /<meta name="robots" content="noindex, nofollow">/);
    assert.match(html, /id="disclosure-personal"/);
    const after = await anon.get(`${REGISTER}/${ids.expired}`);
    assert.equal(after.status, 404);
    assert.equal(after.headers.get('x-robots-tag'), 'noindex, nofollow');
    assert.doesNotMatch(await after.text(), /nhập ngũ/);
    // Staff still see it.
    assert.equal((await officer.get(`/quan-ly/cong-khai/${ids.expired}`)).status, 200);
  });

  test('the Atom feed lists what the public may see, escaped', async () => {
    const res = await anon.get(`${REGISTER}/moi.atom`);
    assert.equal(res.status, 200);
    const xml = await res.text();
    assertWellFormedXml(xml);
    assert.ok(xml.includes(`<title>Công khai ngân sách &amp; &quot;chi thường xuyên&quot; &lt;năm ${year}&gt;</title>`));
    assert.ok(xml.includes(`<id>${server.base}/xa/nhat-tan/cong-khai/${ids.budget}</id>`));
    assert.match(xml, /<updated>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/updated>/);
    // Personal-data lists stay on the register's page, never in a feed that outlives their window.
    assert.ok(!xml.includes(`/cong-khai/${ids.current}</id>`), 'inside its window');
    assert.ok(!xml.includes(`/cong-khai/${ids.expired}</id>`), 'past its window');
    assert.ok(!xml.includes(`/cong-khai/${ids.draft}</id>`));
    assert.ok(xml.includes(`/cong-khai/${ids.land}</id>`));
  });

  test('the open data: CSV and JSON of the public items, with each file\'s hash and address', async () => {
    const json = await (await anon.get(`${REGISTER}/du-lieu.json`)).json();
    const mine = json.items.filter((x) => Object.values(ids).includes(x.id));
    const byId = new Map(mine.map((x) => [x.id, x]));
    // Personal-data lists are never in the open data, even inside their window.
    assert.deepEqual([...byId.keys()].sort(), [ids.budget, ids.land].sort());
    const a = byId.get(ids.budget);
    assert.equal(a.type_code, 'socio_economic_plan');
    assert.equal(a.law_item, 1);
    assert.equal(a.title, BUDGET_TITLE);
    assert.equal(a.on_time, true);
    assert.equal(a.files[0].sha256, sha256(PDF));
    assert.equal(a.files[0].url, `${server.base}/xa/nhat-tan/cong-khai/${ids.budget}/tep/1`);
    assert.equal(byId.get(ids.land).on_time, false);
    const land = await (await anon.get(`${REGISTER}/du-lieu.json?loai=investment_land&nam=${year - 1}`)).json();
    assert.ok(land.items.every((x) => x.type_code === 'investment_land' && x.year === year - 1));
    assert.ok(land.items.some((x) => x.id === ids.land));
    const csv = await (await anon.get(`${REGISTER}/du-lieu.csv?nam=${year}`)).text();
    const listed = [...csv.matchAll(/\r\n(\d+),/g)].map((m) => Number(m[1]));
    assert.ok(listed.includes(ids.budget), 'this year\'s public items');
    for (const id of [ids.land, ids.expired, ids.draft, ids.current]) assert.ok(!listed.includes(id), `item ${id}`);
    const personal = await (await anon.get(`${REGISTER}/du-lieu.json?loai=military_service`)).json();
    assert.deepEqual(personal.items, []);
    assert.ok(csv.includes(`"Công khai ngân sách & ""chi thường xuyên"" <năm ${year}>"`));
    assert.ok(csv.includes(`Ngân sách.pdf|${sha256(PDF)}|${server.base}/xa/nhat-tan/cong-khai/${ids.budget}/tep/1`));
    assert.ok(!csv.includes('nhập ngũ'));
  });

  test('personal-data lists are kept out of the count and the search; those on the board now are listed apart', async () => {
    const page = async (q) => {
      const res = await anon.get(REGISTER + q);
      assert.equal(res.status, 200, q);
      const html = await res.text();
      const total = /id="disclosure-total">Số mục: ([\d.]+)</.exec(html)[1];
      const posted = /<section id="disclosure-posted"[^]*?<\/section>/.exec(html)?.[0] ?? '';
      return { html, total, posted };
    };
    // The reviewer's probe: the name of a list past its window is not counted nor found.
    for (const q of ['?loai=military_service&q=nguyen+van+at', '?q=nguyen+van+at', '?q=Nguyễn+Văn+Ất']) {
      const { html, total } = await page(q);
      assert.equal(total, '0', q);
      assert.doesNotMatch(html, new RegExp(`/cong-khai/${ids.expired}"`), q);
      assert.match(html, /Không có mục nào khớp với/, q);
    }
    // Nor is the one inside its window reachable by the search box.
    for (const q of ['?q=tran+van+be', '?q=nhap+ngu', '?loai=military_service&q=nhap+ngu']) {
      const { html, total, posted } = await page(q);
      assert.equal(total, '0', q);
      assert.equal(posted, '', q);
      assert.doesNotMatch(html, new RegExp(`/cong-khai/${ids.current}"`), q);
    }
    // Browsing, the list inside its window is in its own section, the expired one nowhere, and
    // neither is counted with the register's items.
    for (const q of ['', '?loai=military_service', `?loai=military_service&nam=${year}`]) {
      const { html, posted } = await page(q);
      assert.match(posted, /<h2 id="disclosure-posted-title">Danh sách đang niêm yết<\/h2>/, q);
      assert.ok(posted.includes(`href="/xa/nhat-tan/cong-khai/${ids.current}" rel="nofollow"`), q);
      assert.ok(!html.includes(`/cong-khai/${ids.expired}"`), q);
      const general = html.slice(html.indexOf('id="disclosure-list"'));
      assert.ok(!general.includes(`/cong-khai/${ids.current}"`), `${q}: not among the general items`);
      assert.ok(posted.includes(`/cong-khai/${ids.lastDay}"`), `${q}: the window's 30th day`);
      assert.ok(!html.includes(`/cong-khai/${ids.dayAfter}"`), `${q}: the day after the window`);
    }
    assert.equal((await anon.get(`${REGISTER}/${ids.lastDay}`)).status, 200);
    assert.equal((await anon.get(`${REGISTER}/${ids.dayAfter}`)).status, 404);
    const filtered = await page('?loai=military_service');
    assert.equal(filtered.total, '0');
    // Browsing every type, the total is taken from the year select's counts: of every year, or
    // of the year chosen; published items only, personal-data lists never.
    const published = (where) => rawSql(server, "SELECT COUNT(*) FROM disclosure_item WHERE " +
      "status = 'published' AND type_code NOT IN ('poor_households', 'military_service', " +
      `'support_beneficiaries', 'disaster_support')${where}`).trim();
    assert.ok(Number(published('')) > Number(published(` AND year = ${year}`)), 'items of other years');
    assert.equal((await page('')).total, published(''));
    assert.equal((await page(`?nam=${year}`)).total, published(` AND year = ${year}`));
    assert.equal((await page(`?nam=${year - 5}`)).total, '0');
    // A type without personal data shows no such section.
    assert.equal((await page('?loai=investment_land')).posted, '');
    const res = await anon.get(REGISTER);
    assert.equal(res.headers.get('cache-control'), 'no-store', 'the board\'s lists must not outlive their window in a cache');
  });
});
