// A citizen answers a survey on a phone (issue 6, items 1 and 7): the health-station preset's
// follow-up questions appear only after the answer that opens them and hide again when it
// changes; a missing required answer comes back with its error and the answers kept; the sheet
// lands, with the follow-ups answered. axe-core on the form, no sideways scrolling at 360 px.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  artifactPath, assertAccessible, horizontalOverflow, newContext, withServerAndBrowser,
} from './lib.mjs';

let server;
let browser;

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

function xaso(args) {
  const r = spawnSync(server.bin, [...args, '--db', server.db], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

// The stored responses as the CLI exports them, one object per line keyed by the header.
function responses(id) {
  const [header, ...rows] = xaso(['surveys', 'responses', '--commune', 'nhat-tan', '--id', id])
    .trim().split('\n');
  const cols = header.split(',');
  return rows.map((line) => Object.fromEntries(line.split(',').map((v, i) => [cols[i], v])));
}

describe('survey answering on a phone', () => {
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  test('a follow-up question appears only after the answer that opens it, and the sheet lands', async (t) => {
    assert.ok(server.bin, 'these steps need a server started here (XASO_BIN), not XASO_BASE_URL');
    const out = xaso(['surveys', 'create', '--commune', 'nhat-tan', '--preset', 'health_station',
      '--year', '2026', '--open']);
    const id = out.match(/^survey (\d+)$/m)[1];

    const context = await newContext(browser, PHONE);
    t.after(() => context.close());
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/xa/nhat-tan/khao-sat`);
    await page.click(`a[href="/xa/nhat-tan/khao-sat/${id}"]`);
    await page.waitForURL((u) => u.pathname === `/xa/nhat-tan/khao-sat/${id}`);
    assert.ok(await horizontalOverflow(page) <= 0, 'no sideways scrolling at 360 px');

    const reason = page.locator('fieldset[data-key="visit_reason"]');
    const staff = page.locator('fieldset[data-key="sat_staff"]');
    assert.equal(await reason.isVisible(), false, 'asked only of those who went');
    assert.equal(await staff.isVisible(), false);
    await page.check('#q-visit_last--chua_den');
    assert.equal(await reason.isVisible(), false, 'never went: still not asked');
    await page.check('#q-visit_last--trong_3_thang');
    await reason.waitFor({ state: 'visible' });
    assert.equal(await staff.isVisible(), true);
    // Back to "never": the follow-ups hide again; shown again, they keep what was ticked.
    await page.check('#q-visit_last--tu_3_den_12_thang');
    await page.check('#q-visit_reason--tiem_chung');
    await page.check('#q-visit_last--chua_den');
    await reason.waitFor({ state: 'hidden' });
    await page.check('#q-visit_last--trong_3_thang');
    await reason.waitFor({ state: 'visible' });
    await page.check('#q-visit_reason--kham_benh');
    await page.check('#q-sat_staff--4');
    await page.check('#q-sat_overall--5');
    await page.fill('#q-suggestion-input', 'Mong trạm mở cửa thêm buổi tối');

    // The insurance question is required: the sheet comes back with its error and the answers.
    await page.click('form.survey-form button[type="submit"]');
    await page.waitForSelector('.error-summary');
    assert.match(await page.locator('.error-summary').innerText(), /Câu \d+: /);
    assert.equal(await page.locator('fieldset[data-key="has_insurance"] .field-error').isVisible(), true);
    assert.equal(await page.isChecked('#q-visit_reason--kham_benh'), true);
    assert.equal(await reason.isVisible(), true, 'the follow-up stays open on the error page');
    assert.equal(await page.inputValue('#q-suggestion-input'), 'Mong trạm mở cửa thêm buổi tối');
    await page.screenshot({ path: artifactPath('survey-answer-error-phone.png'), fullPage: true });

    await page.check('#q-has_insurance--co');
    await page.click('form.survey-form button[type="submit"]');
    await page.waitForURL((u) => u.pathname.endsWith('/cam-on'));
    assert.match(await page.locator('main').innerText(), /Cảm ơn ông\/bà đã trả lời khảo sát/);

    const rows = responses(id);
    assert.equal(rows.length, 1);
    const [row] = rows;
    assert.equal(row.channel, 'web');
    assert.equal(row.visit_last, 'trong_3_thang');
    assert.equal(row.visit_reason, 'kham_benh|tiem_chung');
    assert.equal(row.sat_staff, '4');
    assert.equal(row.has_insurance, 'co');
  });

  test('the answering form passes axe-core on a phone', async (t) => {
    const context = await newContext(browser, PHONE);
    t.after(() => context.close());
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/xa/nhat-tan/khao-sat`);
    const href = await page.locator('.survey-list a').first().getAttribute('href');
    await assertAccessible(assert, page, server.baseUrl, href);
    await assertAccessible(assert, page, server.baseUrl, '/xa/nhat-tan/khao-sat');
  });
});
