// Every page a person reaches in the foundation, checked with axe-core for serious or
// critical accessibility problems, and the home page on a small phone screen.
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  artifactPath, assertAccessible, newContext, withServerAndBrowser,
} from './lib.mjs';

let server;
let browser;

describe('pages for each kind of visitor', () => {
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  test('public pages are accessible', async (t) => {
    const context = await newContext(browser);
    t.after(() => context.close());
    const page = await context.newPage();
    for (const path of ['/dang-nhap', '/xa/nhat-tan/quy-dinh', '/xa/nhat-tan/van-ban/1',
      '/xa/nhat-tan/thu-tuc', '/xa/nhat-tan/thu-tuc?q=khai+sinh', '/xa/nhat-tan/thu-tuc/2.000815',
      '/xa/nhat-tan/cong-khai', '/xa/nhat-tan/cong-khai?loai=military_service&q=ngan+sach']) {
      await assertAccessible(assert, page, server.baseUrl, path);
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
      '/quan-ly/thong-bao', '/quan-ly/papi']) {
      await assertAccessible(assert, page, server.baseUrl, path);
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

  test("an officer's notices page, with an unread deadline notice, is accessible", async (t) => {
    if (!server.db) return t.skip('needs a server started by the test (XASO_BASE_URL is set)');
    const file = server.db.replace(/^sqlite:/, '');
    const sql = `INSERT INTO plan (commune_id, year, number, issued_on, title, created_at)
        SELECT id, 2024, 'BT-1', '2024-01-29', 'Kế hoạch thử', 0 FROM commune WHERE slug = 'nhat-tan';
      INSERT INTO plan_task (commune_id, plan_id, title, dimension, lead_unit_id, starts_on, due_on,
          created_at, updated_at)
        SELECT p.commune_id, p.id, 'Niêm yết công khai thủ tục hành chính', 3, u.id, '2024-01-02',
          '2024-03-06', 0, 0 FROM plan p JOIN unit u ON u.commune_id = p.commune_id AND u.code = 'vp_tk'
        WHERE p.number = 'BT-1';`;
    assert.equal(spawnSync('sqlite3', [file, sql]).status, 0);
    const run = spawnSync(server.bin, ['notify', 'run', '--db', server.db, '--today', '2024-03-04'],
      { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const context = await newContext(browser);
    t.after(() => context.close());
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/dang-nhap`);
    await page.fill('input[name="username"]', 'vanphong');
    await page.fill('input[name="password"]', 'xaso-demo-vanphong');
    await page.click('form.form button[type="submit"]');
    await page.waitForURL((u) => u.pathname !== '/dang-nhap');
    await assertAccessible(assert, page, server.baseUrl, '/ca-nhan/thong-bao');
    assert.match(await page.locator('main').innerText(), /Sắp đến hạn/);
    await page.screenshot({ path: artifactPath('notices.png'), fullPage: true });
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
