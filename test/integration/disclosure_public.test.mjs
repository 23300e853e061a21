// The public disclosure register seen from outside the commune office (issue 7, parts 5 and 6):
// the list with its filters and a search without diacritics, an item with its files and their
// SHA-256, the downloads, the Atom feed, the open-data exports, bad input, and the privacy of
// personal-data lists (public only inside their posting window, never indexed).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, startServer } from './harness.mjs';

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
