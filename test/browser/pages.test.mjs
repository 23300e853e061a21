// Every page a person reaches in the foundation, checked with axe-core for serious or
// critical accessibility problems, and the home page on a small phone screen.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { artifactPath, formatViolations, launchBrowser, newContext, runAxe, startServer } from './lib.mjs';

let server;
let browser;

async function assertAccessible(t, page, path) {
  const res = await page.goto(server.baseUrl + path);
  assert.equal(res.status(), 200, `GET ${path}`);
  const blocking = (await runAxe(page)).violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  assert.equal(blocking.length, 0, `axe on ${path}:\n${formatViolations(blocking)}`);
}

describe('pages for each kind of visitor', () => {
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('public pages are accessible', async (t) => {
    const context = await newContext(browser);
    t.after(() => context.close());
    const page = await context.newPage();
    for (const path of ['/dang-nhap', '/xa/nhat-tan/quy-dinh', '/xa/nhat-tan/van-ban/1']) {
      await assertAccessible(t, page, path);
    }
  });

  test('the administrator pages are accessible and work from the dashboard', async (t) => {
    const context = await newContext(browser);
    t.after(() => context.close());
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/dang-nhap`);
    await page.fill('input[name="username"]', 'quantri');
    await page.fill('input[name="password"]', 'xaso-demo-quantri');
    await page.click('form.form button[type="submit"]');
    await page.waitForURL((u) => u.pathname === '/bang-dieu-khien');
    for (const path of ['/bang-dieu-khien', '/quan-tri/tai-khoan', '/quan-tri/lich', '/doi-mat-khau',
      '/quan-ly/thong-bao']) {
      await assertAccessible(t, page, path);
    }
    // Add an announced day off through the form, as an administrator would.
    await page.goto(`${server.baseUrl}/quan-tri/lich`);
    await page.fill('#date', '2027-03-08');
    await page.selectOption('#kind', 'day_off');
    await page.fill('#name_vi', 'Nghỉ lễ hội truyền thống của xã');
    await page.fill('#legal_basis', 'Quyết định 12/QĐ-UBND');
    await page.click('form[aria-labelledby="them"] button[type="submit"]');
    await page.waitForURL((u) => u.pathname === '/quan-tri/lich');
    assert.match(await page.locator('table').innerText(), /08\/03\/2027/);
    await page.screenshot({ path: artifactPath('admin-calendar.png'), fullPage: true });
  });

  test('the home page fits a small phone screen without sideways scrolling', async (t) => {
    const context = await newContext(browser, { viewport: { width: 360, height: 740 } });
    t.after(() => context.close());
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    await page.screenshot({ path: artifactPath('home-phone.png'), fullPage: true });
  });
});
