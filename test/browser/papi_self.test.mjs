// Issue 6's "done when": a citizen answers the PAPI survey on the public page, on a phone, and the
// PAPI dashboard updates — one more response in this year's self-assessment and new scores.
// The demo has this year's PAPI survey open with its answers, so every score is already shown.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { artifactPath, newContext, signIn, withServerAndBrowser } from './lib.mjs';

let server;
let browser;

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const YEAR = String(new Date().getFullYear());

// This year's row of the self-assessment table: [respondents, total with its interval], and
// the commune's column of the sub-dimension table.
async function selfAssessment(page) {
  await page.goto(`${server.baseUrl}/quan-ly/papi`);
  const row = page.locator(`#papi-self-years tr[data-year="${YEAR}"]`);
  return {
    respondents: Number(await row.locator('td.respondents').innerText()),
    total: await row.locator('td.total').innerText(),
    subdimensions: await page.locator('#papi-subdimensions td.self').allInnerTexts(),
  };
}

describe('PAPI self-assessment from the public survey', () => {
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  test('a citizen answers the PAPI survey on a phone and the dashboard updates', async (t) => {
    const staff = await newContext(browser);
    t.after(() => staff.close());
    const leader = await staff.newPage();
    await signIn(leader, server.baseUrl, 'chutich');
    const before = await selfAssessment(leader);
    assert.ok(before.respondents > 0, 'the demo has answers this year');
    assert.match(before.total, /^\d+,\d{4} \(\d+,\d{4}–\d+,\d{4}\)$/);

    const phone = await newContext(browser, PHONE);
    t.after(() => phone.close());
    const page = await phone.newPage();
    await page.goto(`${server.baseUrl}/xa/nhat-tan/khao-sat`);
    await page.getByRole('link', { name: /Khảo sát PAPI cấp xã/ }).first().click();
    await page.waitForURL((u) => /\/khao-sat\/\d+$/.test(u.pathname));

    // Answer every question as it comes into view: the first choice of each, the top of each
    // scale, the upper bound of each number. Follow-ups open as the answers before them are
    // given, so the questions are walked in order and visibility is read each time.
    const questions = page.locator('fieldset.question');
    const n = await questions.count();
    assert.ok(n > 100, `the PAPI questionnaire (${n} questions)`);
    let answered = 0;
    for (let i = 0; i < n; i++) {
      const q = questions.nth(i);
      if (!(await q.isVisible())) continue;
      const choice = q.locator('input[type="radio"], input[type="checkbox"]');
      const scale = q.locator('.scale-point input[type="radio"]');
      const number = q.locator('input[inputmode="decimal"]');
      if (await scale.count()) {
        await scale.last().check();
      } else if (await choice.count()) {
        await choice.first().check();
      } else if (await number.count()) {
        await number.fill('1');
      } else {
        continue;  // free text: nothing to say
      }
      answered++;
    }
    assert.ok(answered > 60, `answered ${answered} questions`);
    await page.click('form.survey-form button[type="submit"]');
    await page.waitForURL((u) => u.pathname.endsWith('/cam-on'));
    await page.screenshot({ path: artifactPath('papi-survey-thanks-phone.png'), fullPage: true });

    const after = await selfAssessment(leader);
    assert.equal(after.respondents, before.respondents + 1);
    assert.notEqual(after.total, before.total, 'the aggregate moves with the new answers');
    const changed = after.subdimensions.filter((s, i) => s !== before.subdimensions[i]).length;
    assert.ok(changed > 0, 'sub-dimension scores move too');
    await leader.screenshot({ path: artifactPath('papi-dashboard-self.png'), fullPage: true });
  });
});
