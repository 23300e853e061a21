// Browser tests of the portal as a person sees it: headless Debian Chromium
// through playwright-core, run with `node --test`.
//
//   XASO_BASE_URL=http://127.0.0.1:18080 npm test   # against a running server
//   npm test                                        # starts build/release/xaso itself
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  artifactPath,
  formatViolations,
  launchBrowser,
  newContext,
  runAxe,
  startServer,
} from './lib.mjs';

const USERNAME = process.env.XASO_DEMO_USER || 'chutich';
const PASSWORD = process.env.XASO_DEMO_PASSWORD || 'xaso-demo-chutich'; // demo-only account

let server;
let browser;

// Opens a fresh context (own cookies) and page, and records any Content
// Security Policy violation the page reports on the console.
async function openPage(t) {
  const context = await newContext(browser);
  const page = await context.newPage();
  const cspErrors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) {
      cspErrors.push(msg.text());
    }
  });
  page.on('pageerror', (err) => t.diagnostic(`page error: ${err.message}`));
  t.after(() => context.close());
  return { page, cspErrors };
}

function url(p) {
  return server.baseUrl + p;
}

function pathnameOf(page) {
  return new URL(page.url()).pathname;
}

// The sign-in form: the <form> holding the username input.
function signInForm(page) {
  return page.locator('form').filter({ has: page.locator('input[name="username"]') });
}

async function submitSignIn(page, username, password) {
  const form = signInForm(page);
  await form.locator('input[name="username"]').fill(username);
  await form.locator('input[name="password"]').fill(password);
  const posted = page.waitForResponse(
    (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/dang-nhap',
  );
  await form.locator('button[type="submit"], input[type="submit"], button:not([type])').first().click();
  const response = await posted;
  await page.waitForLoadState('load');
  return response;
}

async function visibleLines(page) {
  const text = await page.locator('body').innerText();
  return text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
}

describe('xaso portal in a browser', () => {
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('home page: Vietnamese, h1 names Nhật Tân, no serious a11y violations', async (t) => {
    const { page, cspErrors } = await openPage(t);
    const res = await page.goto(url('/'));
    assert.equal(res.status(), 200, 'GET / status');

    assert.equal(await page.locator('html').getAttribute('lang'), 'vi', '<html lang>');
    assert.equal(await page.locator('main').count(), 1, 'exactly one <main> landmark');
    const h1 = page.locator('h1');
    assert.ok((await h1.count()) >= 1, 'has an <h1>');
    assert.match(await h1.first().innerText(), /Nhật Tân/, '<h1> names the commune');

    await page.screenshot({ path: artifactPath('home.png'), fullPage: true });

    const results = await runAxe(page);
    const all = results.violations;
    if (all.length) t.diagnostic(`axe violations on /:\n${formatViolations(all)}`);
    const blocking = all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.equal(
      blocking.length,
      0,
      `serious/critical axe violations on /:\n${formatViolations(blocking)}`,
    );
    assert.deepEqual(cspErrors, [], 'the page breaks none of its own CSP rules');
  });

  test('sign in as the demo chairman lands on the dashboard', async (t) => {
    const { page, cspErrors } = await openPage(t);
    const res = await page.goto(url('/dang-nhap'));
    assert.equal(res.status(), 200, 'GET /dang-nhap status');
    const form = signInForm(page);
    assert.equal(await form.count(), 1, 'one sign-in form');
    const csrf = await form.locator('input[type="hidden"][name="_csrf"]').getAttribute('value');
    assert.ok(csrf && csrf.length > 0, 'hidden _csrf carries a token');
    assert.equal(
      await form.locator('input[name="password"]').getAttribute('type'),
      'password',
      'password input is masked',
    );

    const posted = await submitSignIn(page, USERNAME, PASSWORD);
    assert.equal(posted.status(), 303, 'POST /dang-nhap redirects with 303');
    await page.waitForURL((u) => u.pathname === '/bang-dieu-khien');
    assert.equal(pathnameOf(page), '/bang-dieu-khien');
    assert.match(await page.locator('h1').first().innerText(), /Bảng điều khiển/);

    await page.screenshot({ path: artifactPath('dashboard.png'), fullPage: true });
    assert.deepEqual(cspErrors, [], 'no CSP violations');
  });

  test('a wrong password shows an error and stays on the sign-in page', async (t) => {
    const { page } = await openPage(t);
    await page.goto(url('/dang-nhap'));
    const before = new Set(await visibleLines(page));

    const posted = await submitSignIn(page, USERNAME, PASSWORD + '-sai');
    assert.equal(posted.status(), 422, 'failed sign-in answers 422');
    assert.equal(pathnameOf(page), '/dang-nhap', 'still on the sign-in page');
    assert.equal(await signInForm(page).count(), 1, 'the form is shown again');

    // The error: preferably in a role="alert" element; otherwise any visible
    // text that the blank form did not have.
    const alert = page.locator('[role="alert"]');
    let message;
    if (await alert.count()) {
      message = (await alert.first().innerText()).trim();
    } else {
      message = (await visibleLines(page)).filter((l) => !before.has(l)).join(' / ');
      t.diagnostic('no role="alert" element; error found by text difference');
    }
    assert.ok(message.length > 0, 'an error message is visible');
    t.diagnostic(`error message: ${message}`);

    await page.screenshot({ path: artifactPath('signin-error.png'), fullPage: true });

    // And the dashboard stays closed to this browser.
    const dash = await page.goto(url('/bang-dieu-khien'));
    assert.ok(
      dash.status() >= 400 || pathnameOf(page) !== '/bang-dieu-khien',
      `dashboard not served without sign-in (got ${dash.status()} at ${page.url()})`,
    );
  });
});
