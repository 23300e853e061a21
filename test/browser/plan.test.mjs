// The plan in a real browser: an officer reports a task's progress with an evidence file, the
// public accountability page shows it; axe-core on every plan page; the public page on a phone.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  artifactPath, assertAccessible, horizontalOverflow, newContext, signIn, withServerAndBrowser,
} from './lib.mjs';

let server;
let browser;

describe('plan and accountability', () => {
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  test('an officer reports progress with evidence and the public page shows it', async (t) => {
    const context = await newContext(browser);
    t.after(() => context.close());
    const page = await context.newPage();
    await signIn(page, server.baseUrl, 'vanphong');
    await page.goto(`${server.baseUrl}/quan-ly/nhiem-vu`);
    // The worklist puts overdue tasks first; open the first one.
    const first = page.locator('li.task').first();
    assert.match(await first.getAttribute('class'), /late/);
    const title = (await first.locator('a').innerText()).trim();
    await first.locator('a').click();
    await page.waitForURL(/\/quan-ly\/nhiem-vu\/\d+$/);
    const taskUrl = page.url();
    await page.selectOption('#status', 'in_progress');
    await page.fill('#progress', '95');
    await page.fill('#note', 'Đã hoàn thiện dự thảo, chờ lãnh đạo ký.');
    await page.setInputFiles('#file', {
      name: 'du-thao-bao-cao.pdf', mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% dự thảo\n%%EOF\n'),
    });
    await page.check('input[name="public"]');
    await page.click('form[enctype="multipart/form-data"] button[type="submit"]');
    await page.waitForURL((u) => u.searchParams.get('da-luu') === '1');
    assert.match(await page.locator('[role="status"]').innerText(), /Đã lưu/);
    assert.match(await page.locator('dl.facts').innerText(), /95%/);
    assert.match(await page.locator('main').innerText(), /du-thao-bao-cao\.pdf/);
    await assertAccessible(assert, page, server.baseUrl, new URL(taskUrl).pathname);
    const dimension = (await page.locator('dl.facts dd').nth(1).innerText()).split('.')[0].trim();

    // A citizen, not signed in, sees the new progress and the published file with its hash.
    const citizen = await newContext(browser);
    t.after(() => citizen.close());
    const pub = await citizen.newPage();
    await pub.goto(`${server.baseUrl}/xa/nhat-tan/giai-trinh`);
    await pub.click(`a[href^="/xa/nhat-tan/giai-trinh/${dimension}"]`);
    const item = pub.locator('li.task', { hasText: title });
    assert.match(await item.innerText(), /95%/);
    assert.match(await item.innerText(), /du-thao-bao-cao\.pdf/);
    assert.match(await item.locator('code.hash').first().innerText(), /^[0-9a-f]{64}$/);
    await pub.screenshot({ path: artifactPath('accountability-dimension.png'), fullPage: true });
  });

  test('the plan, inspection and supervision pages are accessible', async (t) => {
    const context = await newContext(browser);
    t.after(() => context.close());
    const page = await context.newPage();
    await signIn(page, server.baseUrl, 'chutich');
    for (const path of ['/quan-ly/ke-hoach', '/quan-ly/nhiem-vu', '/quan-ly/nhiem-vu/moi',
      '/quan-ly/nhiem-vu/1', '/quan-ly/ke-hoach?linh-vuc=2&trang-thai=done',
      '/quan-ly/kiem-tra', '/quan-ly/kiem-tra/1', '/quan-ly/kiem-tra/2', '/quan-ly/giam-sat',
      '/quan-ly/giam-sat/1', '/quan-ly/giam-sat/2']) {
      await assertAccessible(assert, page, server.baseUrl, path);
    }
    await page.goto(`${server.baseUrl}/quan-ly/ke-hoach`);
    await page.screenshot({ path: artifactPath('plan-board.png'), fullPage: true });
  });

  test('a supervisor records a recommendation through the form', async (t) => {
    const context = await newContext(browser);
    t.after(() => context.close());
    const page = await context.newPage();
    await signIn(page, server.baseUrl, 'mttq');
    await assertAccessible(assert, page, server.baseUrl, '/quan-ly/giam-sat');
  });

  test('the public accountability pages are accessible and fit a phone', async (t) => {
    const context = await newContext(browser, { viewport: { width: 360, height: 740 } });
    t.after(() => context.close());
    const page = await context.newPage();
    for (const path of ['/xa/nhat-tan/giai-trinh', '/xa/nhat-tan/giai-trinh/7']) {
      await assertAccessible(assert, page, server.baseUrl, path);
      const overflow = await horizontalOverflow(page);
      assert.ok(overflow <= 0, `${path} is ${overflow}px wider than the screen`);
    }
    await page.goto(`${server.baseUrl}/xa/nhat-tan/giai-trinh`);
    await page.screenshot({ path: artifactPath('accountability-phone.png'), fullPage: true });
  });
});
