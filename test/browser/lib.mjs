// Helpers for the browser tests: launch Debian's Chromium through
// playwright-core (no Playwright-managed browser is ever downloaded), find or
// start the xaso server, and run axe-core on a page without weakening its CSP.
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const require = createRequire(import.meta.url);

export const ARTIFACTS_DIR = path.join(here, 'artifacts');

export const CHROMIUM_PATH = process.env.XASO_CHROMIUM || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Launches headless Chromium. playwright-core's launch() gives the browser a
// fresh temporary --user-data-dir of its own and deletes it on close (it
// refuses a --user-data-dir in args), and lets each test open an isolated
// context (own cookie jar) with browser.newContext().
export async function launchBrowser(options = {}) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium, or set XASO_CHROMIUM)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 30_000,
    ...options,
  });
}

// A context with the defaults the tests want: Vietnamese locale, a desktop
// viewport, short timeouts so a broken page fails fast.
export async function newContext(browser, options = {}) {
  const context = await browser.newContext({
    locale: 'vi-VN',
    viewport: { width: 1280, height: 800 },
    ...options,
  });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  return context;
}

export function artifactPath(name) {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return path.join(ARTIFACTS_DIR, name);
}

// ---------------------------------------------------------------- axe-core

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
// Same-origin path that only exists inside the browser: page.route() answers
// it from node_modules, so the page's `script-src 'self'` allows it and the
// server's Content-Security-Policy stays fully enforced during the audit.
const AXE_PATH = '/__xaso_test__/axe.min.js';

// Runs axe-core on the page's current document and returns its results.
// Must be called after the page has loaded a document from the server.
export async function runAxe(page, axeOptions = {}) {
  const origin = new URL(page.url()).origin;
  const axeUrl = origin + AXE_PATH;
  await page.route(axeUrl, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/javascript; charset=utf-8',
      body: AXE_SOURCE,
    }),
  );
  try {
    await page.addScriptTag({ url: axeUrl });
    return await page.evaluate(
      (opts) => window.axe.run(document, opts),
      { resultTypes: ['violations'], ...axeOptions },
    );
  } finally {
    await page.unroute(axeUrl);
  }
}

export function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `      - ${n.target.join(' ')}\n        ${n.failureSummary?.split('\n').join('\n        ') ?? ''}`)
        .join('\n');
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} node(s))\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

// ---------------------------------------------------------------- server

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealthz(baseUrl, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let lastErr;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) {
      throw new Error(`xaso serve exited early with code ${child.exitCode}`);
    }
    try {
      const res = await fetch(baseUrl + '/healthz');
      if (res.status === 200) return;
      lastErr = new Error(`/healthz answered ${res.status}`);
    } catch (err) {
      lastErr = err;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`server at ${baseUrl} not healthy after ${timeoutMs} ms: ${lastErr?.message}`);
}

// Returns { baseUrl, stop }. Uses XASO_BASE_URL when set (the server is then
// someone else's to start and stop). Otherwise starts the xaso binary
// (XASO_BIN, default build/release/xaso) on a temp SQLite db with the demo
// data, on a free loopback port, and stop() kills it and removes the db. A server started here
// also reports its binary and database (`bin`, `db`), for tests that run `xaso` beside it.
export async function startServer() {
  const given = process.env.XASO_BASE_URL;
  if (given) {
    const baseUrl = given.replace(/\/+$/, '');
    await waitForHealthz(baseUrl, null, 10_000);
    return { baseUrl, stop: async () => {} };
  }

  const bin = path.resolve(repoRoot, process.env.XASO_BIN || 'build/release/xaso');
  if (!existsSync(bin)) {
    throw new Error(
      `XASO_BASE_URL is not set and no xaso binary at ${bin}; ` +
        'build it, or set XASO_BIN, or start a server and set XASO_BASE_URL',
    );
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'xaso-browser-'));
  const db = `sqlite:${path.join(dir, 'xaso.db')}`;
  for (const cmd of ['migrate', 'demo']) {
    const r = spawnSync(bin, [cmd, '--db', db], { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`xaso ${cmd} failed (${r.status}): ${r.stderr || r.stdout}`);
    }
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(bin, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(t);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForHealthz(baseUrl, child, 15_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { baseUrl, stop, bin, db };
}

// ---------------------------------------------------------------- shared steps

// Signs `username` in with the demo password through the sign-in form.
export async function signIn(page, baseUrl, username) {
  await page.goto(`${baseUrl}/dang-nhap`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', `xaso-demo-${username}`);
  await page.click('form.form button[type="submit"]');
  await page.waitForURL((u) => u.pathname !== '/dang-nhap');
}

// Opens `path` (expecting 200) and fails on any serious or critical axe-core violation.
export async function assertAccessible(assert, page, baseUrl, path) {
  const res = await page.goto(baseUrl + path);
  assert.equal(res.status(), 200, `GET ${path}`);
  const blocking = (await runAxe(page)).violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  assert.equal(blocking.length, 0, `axe on ${path}:\n${formatViolations(blocking)}`);
}

// How many pixels the page is wider than the window (0 or less: no sideways scrolling).
export async function horizontalOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

// A suite's server and browser: started before its first test, stopped after its last. `use`
// receives them once they run, as (server, browser).
export function withServerAndBrowser(use) {
  let server;
  let browser;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    use(server, browser);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
}
