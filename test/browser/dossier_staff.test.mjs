// The one-stop desk in a real browser: a clerk receives a dossier through the intake form and
// prints its receipt (form 01, with the QR code; the "In" button calls window.print and the
// navigation is hidden on paper), the officer it is assigned to processes it and issues the
// apology and extension letter (form 04), the clerk returns the result, and the applicant, on a
// 360 px phone and without an account, follows the receipt's address, sees the dossier with her
// initials only and rates the service once; axe-core on every page of the way.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  artifactPath, assertAccessible, horizontalOverflow, newContext, signIn, withServerAndBrowser,
} from './lib.mjs';

let server;
let browser;

describe('one-stop desk', () => {
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  test('a clerk receives and prints, an officer processes and extends, the clerk returns, the applicant looks up and rates', async (t) => {
    const desk = await newContext(browser);
    t.after(() => desk.close());
    const page = await desk.newPage();
    await signIn(page, server.baseUrl, 'motcua');
    await page.goto(`${server.baseUrl}/quan-ly/ho-so`);
    await page.click('a[href="/quan-ly/ho-so/moi"]');
    await page.selectOption('#thu-tuc', '1.004873');
    await page.click('form[method="get"] button[type="submit"]');
    await page.fill('#applicant-name', 'Nguyễn Thị Mai');
    await page.fill('#applicant-phone', '0912345678');
    await page.check('#doc-0');
    await page.check('#doc-1');
    await page.click('form[method="post"].form button[type="submit"]');
    await page.waitForURL((u) => u.pathname.endsWith('/phieu/01'));
    const receipt = new URL(page.url()).pathname;
    const dossier = receipt.replace(/\/phieu\/01$/, '');
    const code = (await page.locator('.form-code').innerText()).match(/NHATTAN-\d{6}-\d{4}/)[0];
    assert.equal(await page.locator('.qr svg').count(), 1);
    // What the QR code holds, printed under it for those who type it.
    const lookup = await page.locator('.qr .lookup').innerText();
    assert.equal(lookup, `${server.baseUrl}/xa/nhat-tan/ho-so/${code}`);
    const pin = await page.locator('.qr .rating-pin').innerText();
    // The print button prints; on paper the navigation and the button are gone.
    await page.evaluate(() => { window.printed = 0; window.print = () => { window.printed += 1; }; });
    await page.click('button[data-print]');
    assert.equal(await page.evaluate(() => window.printed), 1);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('header.top').isVisible(), false);
    assert.equal(await page.locator('button[data-print]').isVisible(), false);
    await page.screenshot({ path: artifactPath('dossier-receipt-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    for (const path of ['/quan-ly/ho-so', '/quan-ly/ho-so/moi?thu-tuc=1.004873', dossier, receipt]) {
      await assertAccessible(assert, page, server.baseUrl, path);
    }
    await page.goto(server.baseUrl + dossier);
    await page.selectOption('#assignee', { label: 'Lê Văn Hùng – Công chức Văn phòng – Thống kê' });
    await page.click('form:has(#assignee) button[type="submit"]');
    await page.waitForURL((u) => u.searchParams.get('da-luu') === '1');

    const office = await newContext(browser);
    t.after(() => office.close());
    const officer = await office.newPage();
    await signIn(officer, server.baseUrl, 'vanphong');
    await officer.goto(server.baseUrl + dossier);
    await officer.click('form:has(input[name="to"][value="processing"]) button[type="submit"]');
    await officer.waitForURL((u) => u.searchParams.get('da-luu') === '1');
    const due = (await officer.locator('dl.facts dd').nth(3).innerText()).slice(0, 10);
    const [d, m, y] = due.split('/').map(Number);
    const later = new Date(Date.UTC(y, m - 1, d + 7));
    const newDue = later.toISOString().slice(0, 10);
    await officer.fill('#new-due-on', newDue);
    await officer.fill('#extension-reason', 'Cần xác minh thêm tại nơi cư trú trước đây');
    await officer.click('form[action$="/gia-han"] button[type="submit"]');
    await officer.waitForURL((u) => u.searchParams.get('da-luu') === '1');
    await assertAccessible(assert, officer, server.baseUrl, `${dossier}/phieu/04`);
    const letter = await officer.locator('article.a4').innerText();
    assert.ok(letter.includes(due), 'the original due date');
    assert.ok(letter.includes(newDue.split('-').reverse().join('/')), 'the new date');
    await officer.goto(server.baseUrl + dossier);
    await officer.fill('#note-result_ready', 'Đã ký giấy xác nhận');
    await officer.click('form:has(input[name="to"][value="result_ready"]) button[type="submit"]');
    await officer.waitForURL((u) => u.searchParams.get('da-luu') === '1');

    await page.goto(server.baseUrl + dossier);
    await page.click('form:has(input[name="to"][value="returned"]) button[type="submit"]');
    await page.waitForURL((u) => u.searchParams.get('da-luu') === '1');
    assert.match(await page.locator('dl.facts').first().innerText(), /Đã trả kết quả/);
    await assertAccessible(assert, page, server.baseUrl, `${dossier}/phieu/06`);
    await page.screenshot({ path: artifactPath('dossier-sheet.png'), fullPage: true });

    // The applicant, on a cheap phone, types the code from the receipt into the lookup form.
    const phone = await newContext(browser, { viewport: { width: 360, height: 740 }, isMobile: true });
    t.after(() => phone.close());
    const citizen = await phone.newPage();
    await citizen.goto(`${server.baseUrl}/xa/nhat-tan/ho-so`);
    await citizen.fill('#ma', code);
    await citizen.click('form button[type="submit"]');
    await citizen.waitForURL((u) => u.pathname === `/xa/nhat-tan/ho-so/${code}`);
    assert.equal(citizen.url(), lookup);
    assert.equal(await citizen.locator('#dossier-status').innerText(), 'Đã trả kết quả');
    assert.equal(await citizen.locator('#dossier-initials').innerText(), 'N.T.M.');
    assert.equal(await citizen.locator('#dossier-due').innerText(), newDue.split('-').reverse().join('/'));
    const publicHtml = await citizen.content();
    assert.ok(!publicHtml.includes('Nguyễn Thị Mai') && !publicHtml.includes('0912345678'),
      'no personal data beyond initials');
    assert.ok(!publicHtml.includes('Lê Văn Hùng'), 'no staff names');
    assert.ok(await horizontalOverflow(citizen) <= 0, 'no sideways scrolling at 360 px');
    await assertAccessible(assert, citizen, server.baseUrl, `/xa/nhat-tan/ho-so/${code}`);
    await citizen.check('input[name="satisfaction"][value="very_satisfied"]');
    await citizen.fill('#pin', pin);
    await citizen.fill('#comment', 'Cán bộ hướng dẫn tận tình.');
    await citizen.click('form:has(#comment) button[type="submit"]');
    await citizen.waitForSelector('#dossier-rating');
    assert.equal(await citizen.locator('#dossier-rating').innerText(), 'Rất hài lòng');
    assert.equal(await citizen.locator('form:has(#comment)').count(), 0, 'rated once');
    await citizen.screenshot({ path: artifactPath('dossier-lookup-phone.png'), fullPage: true });
  });
});
