// Feedback in a real browser: a citizen submits through the form with a photo and gets a
// receipt, the officer of the routed unit answers from the register, the citizen's tracking page shows the photo and
// the answer and the citizen rates it; axe-core on the new pages; the form on a 360 px phone without sideways scrolling.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import {
  artifactPath, assertAccessible, horizontalOverflow, newContext, signIn, withServerAndBrowser,
} from './lib.mjs';

let server;
let browser;

// A 16×8 JPEG with GPS and camera data and Orientation 6 (turn 90°): served without the data,
// it must still show upright, 8 wide and 16 high.
const GPS_JPEG = fileURLToPath(new URL('../fixtures/gps.jpg', import.meta.url));

// The size the browser decoded each of the page's photos at (0 when one failed to load).
async function photoSizes(page) {
  const photos = page.locator('ul.photos img');
  await photos.first().waitFor();
  return photos.evaluateAll((imgs) => Promise.all(imgs.map(async (img) => {
    await img.decode().catch(() => {});
    return [img.naturalWidth, img.naturalHeight];
  })));
}

describe('feedback', () => {
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  test('a citizen submits with a photo, the officer of the routed unit answers, the citizen reads the answer and rates it', async (t) => {
    const citizen = await newContext(browser);
    t.after(() => citizen.close());
    const page = await citizen.newPage();
    await page.goto(`${server.baseUrl}/xa/nhat-tan/phan-anh`);
    await page.click('a[href="/xa/nhat-tan/phan-anh/gui"]');
    await page.selectOption('#category', { label: 'Khác' });
    await page.fill('#title', 'Cống thoát nước thôn Tây bị tắc');
    await page.fill('#description', 'Cống thoát nước đầu thôn Tây bị tắc, nước tràn ra đường khi mưa.');
    await page.fill('#name', 'Hoàng Văn Nam');
    await page.fill('#phone', '0987654321');
    await page.check('input[name="show_name"]');
    await page.setInputFiles('#photo', GPS_JPEG);
    await page.click('form.form button[type="submit"]');
    await page.waitForURL((u) => u.searchParams.get('moi') === '1');
    const code = (await page.locator('.tracking-code').innerText()).trim();
    assert.match(code, /^PA-[A-Z0-9]{8}$/);
    assert.match(await page.locator('main').innerText(), /Hạn trả lời chậm nhất là ngày \d{2}\/\d{2}\/\d{4}/);
    assert.doesNotMatch(await page.content(), /0987654321/);
    assert.deepEqual(await photoSizes(page), [[8, 16]]);
    await assertAccessible(assert, page, server.baseUrl, `/xa/nhat-tan/phan-anh/${code}?moi=1`);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: artifactPath('feedback-receipt-print.png'), fullPage: true });
    assert.equal(await page.locator('header.top').isVisible(), false);
    await page.emulateMedia({ media: 'screen' });
    const trackUrl = `${server.baseUrl}/xa/nhat-tan/phan-anh/${code}`;

    const staff = await newContext(browser);
    t.after(() => staff.close());
    // "Khác" is routed to the office (vp_tk), the demo officer's unit.
    const officer = await staff.newPage();
    await signIn(officer, server.baseUrl, 'vanphong');
    await officer.goto(`${server.baseUrl}/quan-ly/phan-anh`);
    await officer.click(`a:text("${code}")`);
    await officer.waitForURL(/\/quan-ly\/phan-anh\/\d+$/);
    assert.match(await officer.locator('main').innerText(), /0987654321/);
    assert.deepEqual(await photoSizes(officer), [[8, 16]]);
    await officer.fill('#answer-text', 'Ngày 25/11, tổ vệ sinh môi trường đã thông cống thoát nước.');
    await officer.click('form:has(#answer-text) button[type="submit"]');
    await officer.waitForURL((u) => u.searchParams.get('da-luu') === '1');
    assert.match(await officer.locator('[role="status"]').innerText(), /Đã lưu/);

    await page.goto(trackUrl);
    assert.match(await page.locator('.answer').innerText(), /đã thông cống thoát nước/);
    assert.match(await page.locator('dl.facts').innerText(), /Hoàng Văn Nam/);
    assert.deepEqual(await photoSizes(page), [[8, 16]]);
    const alt = await page.locator('ul.photos img').getAttribute('alt');
    assert.equal(alt, `Ảnh kèm phản ánh, số 1 · ${code}`);
    await assertAccessible(assert, page, server.baseUrl, `/xa/nhat-tan/phan-anh/${code}`);
    await page.check('input[name="rating"][value="satisfied"]');
    await page.click('form:has(input[name="rating"]) button[type="submit"]');
    await page.waitForURL((u) => u.searchParams.get('da-danh-gia') === '1');
    assert.match(await page.locator('[role="status"]').innerText(), /Cảm ơn bạn đã đánh giá/);
    assert.match(await page.locator('dl.facts').innerText(), /Hài lòng/);
    assert.equal(await page.locator('input[name="rating"]').count(), 0);
  });

  test('the feedback pages are accessible', async (t) => {
    const context = await newContext(browser);
    t.after(() => context.close());
    const page = await context.newPage();
    for (const path of ['/xa/nhat-tan/phan-anh', '/xa/nhat-tan/phan-anh/gui', '/xa/nhat-tan/hoi-dap',
      '/xa/nhat-tan/hoi-dap?q=cong+khai', '/xa/nhat-tan/hoi-dap?q=khong+co+gi']) {
      await assertAccessible(assert, page, server.baseUrl, path);
    }
    await signIn(page, server.baseUrl, 'chutich');
    for (const path of ['/quan-ly/phan-anh', '/quan-ly/phan-anh?trang-thai=answered',
      '/quan-ly/phan-anh/1', '/quan-ly/phan-anh/3', '/quan-ly/phan-anh/moi',
      '/quan-ly/phan-anh/linh-vuc', '/quan-ly/phan-anh/linh-vuc/1']) {
      await assertAccessible(assert, page, server.baseUrl, path);
    }
  });

  test('the submission form and the list fit a 360 px phone', async (t) => {
    const context = await newContext(browser, { viewport: { width: 360, height: 740 } });
    t.after(() => context.close());
    const page = await context.newPage();
    for (const path of ['/xa/nhat-tan/phan-anh/gui', '/xa/nhat-tan/phan-anh', '/xa/nhat-tan/hoi-dap']) {
      await assertAccessible(assert, page, server.baseUrl, path);
      const overflow = await horizontalOverflow(page);
      assert.ok(overflow <= 0, `${path} is ${overflow}px wider than the screen`);
    }
    await page.goto(`${server.baseUrl}/xa/nhat-tan/phan-anh/gui`);
    await page.screenshot({ path: artifactPath('feedback-form-phone.png'), fullPage: true });
  });
});
