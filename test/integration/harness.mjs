// Starts the real xaso binary against a fresh database (SQLite file, or a new PostgreSQL
// database on the server of XASO_TEST_PG_URL) and offers a small cookie-keeping HTTP client.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const BIN = path.resolve(process.env.XASO_BIN || 'build/release/xaso');
export const KIND = process.env.XASO_IT_DB || 'sqlite';

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export function xaso(args, env = {}) {
  const r = spawnSync(BIN, args, { encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Runs SQL directly on the test database, around the application (for tamper tests).
export function rawSql(server, sql) {
  const r = server.kind === 'sqlite'
    ? spawnSync('sqlite3', [server.file, sql], { encoding: 'utf8' })
    : spawnSync('psql', [server.pgUrl, '-v', 'ON_ERROR_STOP=1', '-qAt', '-c', sql], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`raw SQL failed: ${r.stderr}`);
  return r.stdout.trim();
}

export async function startServer({ env = {} } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'xaso-it-'));
  let db, file, pgUrl, dbName;
  if (KIND === 'sqlite') {
    file = path.join(dir, 'it.db');
    db = `sqlite:${file}`;
  } else {
    const admin = process.env.XASO_TEST_PG_URL;
    if (!admin) throw new Error('XASO_TEST_PG_URL is required for PostgreSQL integration tests');
    dbName = `xaso_it_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
    const r = spawnSync('psql', [admin, '-qc', `CREATE DATABASE ${dbName}`], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`CREATE DATABASE failed: ${r.stderr}`);
    pgUrl = admin.replace(/\/[^/]*$/, `/${dbName}`);
    db = pgUrl;
  }
  for (const cmd of ['migrate', 'demo']) {
    const r = xaso([cmd, '--db', db]);
    if (r.status !== 0) throw new Error(`xaso ${cmd}: ${r.stderr}`);
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(BIN, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`], {
    stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env },
  });
  let log = '';
  child.stderr.on('data', (d) => { log += d; });
  const started = Date.now();
  for (;;) {
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.status === 200) break;
    } catch { /* not yet listening */ }
    if (child.exitCode !== null) throw new Error(`server exited: ${log}`);
    if (Date.now() - started > 15_000) throw new Error(`server did not start: ${log}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    base, port, db, file, pgUrl, kind: KIND, child,
    log: () => log,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (dbName) spawnSync('psql', [process.env.XASO_TEST_PG_URL, '-qc', `DROP DATABASE IF EXISTS ${dbName}`]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// A browser-like client: keeps cookies, never follows redirects, sends the CSRF token.
export class Client {
  constructor(base) {
    this.base = base;
    this.cookies = new Map();
  }
  get csrf() { return this.cookies.get('xaso_csrf') || ''; }
  cookieHeader() { return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '); }
  keep(res) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i), value = pair.slice(i + 1);
      if (value === '' || /Max-Age=0/.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  async get(p, headers = {}) {
    const res = await fetch(this.base + p, { redirect: 'manual', headers: { cookie: this.cookieHeader(), ...headers } });
    this.keep(res);
    return res;
  }
  async post(p, form, { csrf = true, headers = {} } = {}) {
    if (!this.csrf) await this.get('/dang-nhap');
    const body = new URLSearchParams({ ...(csrf ? { _csrf: this.csrf } : {}), ...form }).toString();
    const res = await fetch(this.base + p, {
      method: 'POST', redirect: 'manual', body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookieHeader(), ...headers },
    });
    this.keep(res);
    return res;
  }
  // A multipart form, as a browser sends a form with a file: files maps a field name to
  // { name, type, bytes } or to a list of them.
  async postMultipart(p, fields, files = {}, { csrf = true } = {}) {
    if (!this.csrf) await this.get('/dang-nhap');
    const body = new FormData();
    if (csrf) body.append('_csrf', this.csrf);
    for (const [k, v] of Object.entries(fields)) body.append(k, v);
    // A list under one name sends each file as its own part, as <input multiple> does.
    for (const [k, list] of Object.entries(files)) {
      for (const f of [list].flat()) {
        body.append(k, new Blob([f.bytes], { type: f.type || 'application/octet-stream' }), f.name);
      }
    }
    const res = await fetch(this.base + p, {
      method: 'POST', redirect: 'manual', body, headers: { cookie: this.cookieHeader() },
    });
    this.keep(res);
    return res;
  }
  // A JSON API POST with the X-CSRF-Token header, as a script would send it.
  async postJson(p, body, { headers = {} } = {}) {
    if (!this.csrf) await this.get('/dang-nhap');
    const res = await fetch(this.base + p, {
      method: 'POST', redirect: 'manual', body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', 'x-csrf-token': this.csrf, cookie: this.cookieHeader(), ...headers },
    });
    this.keep(res);
    return res;
  }
  // A JSON API call, GET when body is undefined, with the response's JSON read.
  async api(p, body) {
    const res = body === undefined ? await this.get(p) : await this.postJson(p, body);
    return { status: res.status, headers: res.headers, json: await res.json() };
  }
  async signIn(username, password = `xaso-demo-${username}`) {
    const res = await this.post('/dang-nhap', { username, password });
    if (res.status !== 303) throw new Error(`sign-in of ${username} gave ${res.status}`);
    return res;
  }
}

export const DEMO_USERS = {
  citizen: 'congdan', clerk: 'motcua', officer: 'vanphong', leader: 'chutich',
  supervisor: 'mttq', level_above: 'captinh', admin: 'quantri',
};

// A second commune, "tien-tien", with its administrator quantri.tt, in the server's database;
// returns that administrator signed in. Throws when the CLI refuses.
export async function signInOtherCommune(server) {
  const add = xaso(['communes', 'add', 'tien-tien', '--name', 'Xã Tiên Tiến', '--province', 'Tỉnh Hưng Yên',
    '--level-above', 'Ủy ban nhân dân tỉnh Hưng Yên', '--db', server.db]);
  if (add.status !== 0) throw new Error(`communes add: ${add.stderr}`);
  const user = xaso(['users', 'add', 'quantri.tt', '--name', 'Quản trị Tiên Tiến', '--role', 'admin',
    '--commune', 'tien-tien', '--db', server.db], { XASO_PASSWORD: 'mat-khau-tien-tien' });
  if (user.status !== 0) throw new Error(`users add: ${user.stderr}`);
  const admin = new Client(server.base);
  await admin.signIn('quantri.tt', 'mat-khau-tien-tien');
  return admin;
}
