// Feedback statistics in a real browser: the staff page (tables and the category chart) and
// the public list with its summary pass axe-core, and the staff page reads on a 360 px phone
// without sideways scrolling.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  artifactPath, assertAccessible, horizontalOverflow, newContext, signIn, withServerAndBrowser,
} from './lib.mjs';

let server;
let browser;

describe('feedback statistics', () => {
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  test('the statistics page and the public summary are accessible', async (t) => {
    const context = await newContext(browser);
    t.after(() => context.close());
    const page = await context.newPage();
    await assertAccessible(assert, page, server.baseUrl, '/xa/nhat-tan/phan-anh');
    assert.match(await page.locator('.stats-summary').innerText(), /Trả lời đúng hạn/);
    await signIn(page, server.baseUrl, 'chutich');
    await assertAccessible(assert, page, server.baseUrl, '/quan-ly/phan-anh/thong-ke');
    assert.match(await page.locator('#stats-category').innerText(), /Khác|Cơ sở hạ tầng/);
    await page.screenshot({ path: artifactPath('feedback-statistics.png'), fullPage: true });
  });

  test('the statistics page fits a 360 px phone', async (t) => {
    const context = await newContext(browser, { viewport: { width: 360, height: 740 } });
    t.after(() => context.close());
    const page = await context.newPage();
    await signIn(page, server.baseUrl, 'chutich');
    await page.goto(`${server.baseUrl}/quan-ly/phan-anh/thong-ke`);
    assert.equal(await horizontalOverflow(page), 0);
  });
});
