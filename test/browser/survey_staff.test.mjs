// The staff survey pages in a real browser: a leader makes a blank survey, adds a
// question through the form, opens the survey, mints codes and imports answers; the list, the
// builder, the question form, the code slips and the results with their SVG charts pass
// axe-core, and the builder and the results read on a 360 px phone without sideways scrolling.
import { writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  artifactPath, assertAccessible, horizontalOverflow, newContext, signIn, withServerAndBrowser,
} from './lib.mjs';

let server;
let browser;

describe('staff survey pages', () => {
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  let href;

  test('a leader builds, opens and fills a survey, and every page is accessible', async (t) => {
    const context = await newContext(browser);
    t.after(() => context.close());
    const page = await context.newPage();
    await signIn(page, server.baseUrl, 'chutich');
    await assertAccessible(assert, page, server.baseUrl, '/quan-ly/khao-sat');
    await page.selectOption('#preset', '');
    await page.fill('#title', 'Ý kiến về trạm y tế');
    await page.click('form[action="/quan-ly/khao-sat"] button[type="submit"]');
    await page.waitForURL((u) => /^\/quan-ly\/khao-sat\/\d+$/.test(u.pathname));
    href = new URL(page.url()).pathname;
    await assertAccessible(assert, page, server.baseUrl, href);

    await page.click('#add-question');
    await page.waitForURL((u) => u.pathname === `${href}/cau-hoi`);
    await assertAccessible(assert, page, server.baseUrl, `${href}/cau-hoi`);
    await page.fill('#key', 'quay_lai');
    await page.selectOption('#type', 'single');
    await page.fill('#text_vi', 'Ông/bà có quay lại trạm y tế khi cần không?');
    await page.fill('#options', 'co|Có\nkhong|Không');
    await page.click(`form[action="${href}/cau-hoi"] button[type="submit"]`);
    await page.waitForURL((u) => u.pathname === href);
    assert.match(await page.locator('#q-quay_lai').innerText(), /quay lại trạm y tế/);

    await page.check('input[name="needs_code"]');
    await page.click(`form[action="${href}"] button[type="submit"]`);
    await page.waitForURL((u) => u.pathname === href);
    await page.click('button[name="to"][value="open"]');
    await page.waitForURL((u) => u.pathname === href);
    assert.equal(await page.locator('#survey-status').getAttribute('data-status'), 'open');
    await page.fill('#n', '4');
    await page.click(`form[action="${href}/ma-phieu"] button[type="submit"]`);
    await page.waitForURL((u) => u.pathname === `${href}/ma-phieu`);
    await assertAccessible(assert, page, server.baseUrl, `${href}/ma-phieu`);
    assert.equal(await page.locator('.slip-code').count(), 4);
    await page.screenshot({ path: artifactPath('survey-codes.png'), fullPage: true });

    const exported = await (await page.request.get(`${server.baseUrl}${href}/phieu.csv`)).text();
    const header = exported.replace(/^\uFEFF/, '').split('\n')[0].split(',');
    const row = (answer) => header.map((c) => (c === 'quay_lai' ? answer : '')).join(',');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'xaso-survey-'));
    const file = path.join(dir, 'phieu.csv');
    writeFileSync(file, [header.join(','), row('co'), row('co'), row('khong')].join('\n'));
    await page.goto(`${server.baseUrl}${href}/nhap`);
    await assertAccessible(assert, page, server.baseUrl, `${href}/nhap`);
    await page.setInputFiles('#file', file);
    await page.click(`form[action="${href}/nhap"] button[type="submit"]`);
    await page.waitForSelector('#import-done');

    await assertAccessible(assert, page, server.baseUrl, `${href}/ket-qua`);
    assert.equal(await page.locator('#response-count').innerText(), '3');
    const chart = page.locator('#r-quay_lai svg');
    assert.match(await chart.innerHTML(), />2 · 67%<\/text>/);
    await page.screenshot({ path: artifactPath('survey-results.png'), fullPage: true });
  });

  test("the demo's PAPI survey, 126 questions with 200 answer sheets, is accessible", async (t) => {
    const context = await newContext(browser);
    t.after(() => context.close());
    const page = await context.newPage();
    await signIn(page, server.baseUrl, 'chutich');
    await page.goto(`${server.baseUrl}/quan-ly/khao-sat`);
    const papi = await page.locator('#surveys tr[data-status="closed"] a').first().getAttribute('href');
    await assertAccessible(assert, page, server.baseUrl, papi);
    await assertAccessible(assert, page, server.baseUrl, `${papi}/ket-qua`);
    assert.ok(await page.locator('section.result svg').count() > 100);
    assert.equal(await page.locator('#papi-link').count(), 1);
  });

  test('the builder and the results fit a 360 px phone', async (t) => {
    const context = await newContext(browser, { viewport: { width: 360, height: 740 } });
    t.after(() => context.close());
    const page = await context.newPage();
    await signIn(page, server.baseUrl, 'chutich');
    for (const p of [href, `${href}/ket-qua`, '/quan-ly/khao-sat']) {
      await page.goto(`${server.baseUrl}${p}`);
      assert.equal(await horizontalOverflow(page), 0, p);
    }
    await page.screenshot({ path: artifactPath('survey-results-phone.png'), fullPage: true });
  });
});
