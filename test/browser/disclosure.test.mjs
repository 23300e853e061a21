// The disclosure register in a real browser (issue 7, "Done when"): the office's officer
// creates the quarterly budget execution for the last quarter that has ended, attaches its PDF,
// publishes it and records its notice-board posting for 30 days with a photo; the public page
// shows the file's SHA-256, the same as the test computes from the bytes; the compliance
// dashboard marks the item on time. The server runs on today's date, so the posting is recorded
// as the office does for a notice put up earlier on paper: from its deadline (the fifteenth day
// after the quarter, on the legal calendar) when that has passed, else from today. axe-core
// checks every page of the way.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { assertAccessible, newContext, signIn, withServerAndBrowser } from './lib.mjs';

let server;
let browser;

function vnDay(offset = 0) {
  const d = new Date(Date.now() + 7 * 3600_000 + offset * 86_400_000);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}
const pad = (n) => String(n).padStart(2, '0');
const vi = ({ y, m, d }) => `${pad(d)}/${pad(m)}/${y}`;
const dayNumber = ({ y, m, d }) => Date.UTC(y, m - 1, d) / 86_400_000;
function fromDayNumber(n) {
  const d = new Date(n * 86_400_000);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}
const ROMAN = ['I', 'II', 'III', 'IV'];

const PDF = Buffer.from('%PDF-1.4\n% Báo cáo thực hiện dự toán ngân sách xã\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PHOTO = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('ảnh bảng niêm yết trụ sở UBND')]);

describe('disclosure register', () => {
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  test('an officer publishes the last quarter\'s budget execution with its posting; the public sees the hash', async (t) => {
    const context = await newContext(browser);
    t.after(() => context.close());
    const page = await context.newPage();
    await signIn(page, server.baseUrl, 'vanphong');

    const today = vnDay();
    const current = Math.floor((today.m - 1) / 3) + 1;
    const [year, quarter] = current === 1 ? [today.y - 1, 4] : [today.y, current - 1];
    const periodKey = `${year}-Q${quarter}`;
    const title = `Công khai tình hình thực hiện dự toán ngân sách xã Quý ${ROMAN[quarter - 1]}/${year}`;

    await page.goto(`${server.baseUrl}/bang-dieu-khien`);
    await page.click('a[href="/quan-ly/cong-khai"]');
    await assertAccessible(assert, page, server.baseUrl, '/quan-ly/cong-khai');
    await page.click('a[href="/quan-ly/cong-khai/moi"]');
    await assertAccessible(assert, page, server.baseUrl, '/quan-ly/cong-khai/moi');
    await page.selectOption('#type_code', 'budget_execution');
    await page.fill('#title', title);
    await page.fill('#summary', 'Báo cáo thu, chi ngân sách xã trong quý theo Thông tư 343/2016/TT-BTC.');
    await page.selectOption('#period_key', periodKey);
    await page.fill('#year', String(year));
    await page.click('form[action="/quan-ly/cong-khai/moi"] button[type="submit"]');
    await page.waitForURL((u) => /^\/quan-ly\/cong-khai\/\d+$/.test(u.pathname));
    const item = new URL(page.url()).pathname;
    const id = item.split('/').pop();
    assert.equal(await page.locator('#status').getAttribute('data-status'), 'draft');

    await page.setInputFiles('#file', { name: `bao-cao-ngan-sach-q${quarter}.pdf`, mimeType: 'application/pdf', buffer: PDF });
    await page.click('form[action$="/tep"] button[type="submit"]');
    await page.waitForURL((u) => u.searchParams.get('da-luu') === '1');
    const hash = createHash('sha256').update(PDF).digest('hex');
    assert.equal(await page.locator('#files code.hash').innerText(), hash);

    await page.click('#publish');
    await page.waitForURL((u) => u.searchParams.get('da-cong-bo') === '1');
    assert.equal(await page.locator('#status').getAttribute('data-status'), 'published');
    const due = await page.locator('#due').innerText();
    const [dd, mm, yyyy] = due.split('/').map(Number);
    const start = Math.min(dayNumber(today), dayNumber({ y: yyyy, m: mm, d: dd }));

    await page.selectOption('#channel', 'notice_board');
    await page.fill('#started_on', vi(fromDayNumber(start)));
    await page.fill('#until', vi(fromDayNumber(start + 29)));
    await page.fill('#note', 'Bảng tin tại trụ sở UBND xã');
    await page.setInputFiles('#proof', { name: 'bang-tin.jpg', mimeType: 'image/jpeg', buffer: PHOTO });
    await page.click('form[action$="/niem-yet"] button[type="submit"]');
    await page.waitForURL((u) => u.searchParams.has('niem-yet'));
    const board = page.locator('#postings tr[data-channel="notice_board"]');
    assert.equal(await board.count(), 1);
    // Thirty days: long enough, so no flag on the posting.
    assert.equal(await board.locator('[data-flag]').count(), 0);
    assert.ok((await board.innerText()).includes(createHash('sha256').update(PHOTO).digest('hex')));
    await assertAccessible(assert, page, server.baseUrl, item);

    // The public page (no account) shows the file with the same hash.
    const anonymous = await newContext(browser);
    t.after(() => anonymous.close());
    const visitor = await anonymous.newPage();
    const publicPath = `/xa/nhat-tan/cong-khai/${id}`;
    const res = await visitor.goto(server.baseUrl + publicPath);
    assert.equal(res.status(), 200);
    assert.ok((await visitor.content()).includes(hash), 'the public page shows the SHA-256 of the file');
    await assertAccessible(assert, visitor, server.baseUrl, publicPath);

    // The dashboard: it went out (on the notice board) by its deadline, so it is on time.
    await page.goto(`${server.baseUrl}/quan-ly/cong-khai/tuan-thu?nam=${year}`);
    const row = page.locator(`#checked tr[data-item="${id}"]`);
    assert.equal(await row.count(), 1);
    assert.equal(await row.locator('[data-mark="ok"]').innerText(), 'Đúng hạn');
    assert.equal(await row.locator('[data-mark="flag"]').count(), 0);
    await assertAccessible(assert, page, server.baseUrl, `/quan-ly/cong-khai/tuan-thu?nam=${year}`);
    await assertAccessible(assert, page, server.baseUrl, `/quan-ly/cong-khai/danh-sach-quy?nam=${today.y}&quy=${current}`);
    assert.ok((await page.content()).includes(title), 'this quarter\'s list has the item published today');
  });
});
