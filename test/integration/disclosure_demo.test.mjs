// The disclosure register's demo data and `xaso disclosures types`: the demo's items are real
// records (published, posted with photos of the notice board, one village posting down early),
// stored with their audit entries, and the type catalogue prints as the law has it on a day.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, rawSql, startServer, xaso } from './harness.mjs';

test('xaso disclosures types', () => {
  const r = xaso(['disclosures', 'types', '--on', '2026-06-01']);
  assert.equal(r.status, 0, r.stderr);
  const rows = Object.fromEntries(r.stdout.trim().split('\n').map((l) => {
    const f = l.split('\t');
    return [f[0], f];
  }));
  assert.deepEqual(rows.budget_execution.slice(1, 5),
    ['2', '30', '0', '15 calendar days after the quarter']);
  assert.match(rows.budget_execution[5], /TT 26\/2026\/TT-BTC/); // the version from 25/03/2026
  assert.deepEqual(rows.democracy_regulation.slice(1, 3), ['4', 'permanent']);
  assert.deepEqual(rows.fees_charges.slice(1, 5), ['12', '30', '3', '5 working days after the decision']);
  const before = xaso(['disclosures', 'types', '--on', '2026-01-01']);
  assert.match(before.stdout, /^budget_execution\t.*TT 343\/2016\/TT-BTC/m);
  const bad = xaso(['disclosures', 'types', '--on', '2026-13-01']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--on/);
});

test('demo disclosures', async (t) => {
  const server = await startServer();
  t.after(() => server.stop());
  const sql = (q) => rawSql(server, q);
  const published = Number(sql("SELECT COUNT(*) FROM disclosure_item WHERE status = 'published'"));
  assert.ok(published >= 1, 'the demo publishes items');
  assert.equal(Number(sql("SELECT COUNT(*) FROM disclosure_item WHERE status = 'draft'")), 0);
  // Every published item has its portal posting from the day it was published, and a file.
  assert.equal(Number(sql(
    "SELECT COUNT(*) FROM disclosure_item i WHERE status = 'published' AND NOT EXISTS (SELECT 1 " +
    "FROM disclosure_posting p WHERE p.item_id = i.id AND p.channel = 'portal')")), 0);
  assert.equal(Number(sql(
    'SELECT COUNT(*) FROM disclosure_item i WHERE NOT EXISTS (SELECT 1 FROM ' +
    'disclosure_attachment a WHERE a.item_id = i.id)')), 0);
  // Notice-board photos are PNGs kept in file_blob; radio entries have none.
  const proofs = sql("SELECT COUNT(*) FROM disclosure_posting p JOIN file_blob b ON " +
    "b.commune_id = p.commune_id AND b.sha256 = p.proof_sha256 WHERE p.proof_content_type = 'image/png'");
  assert.ok(Number(proofs) >= 1);
  assert.equal(Number(sql(
    "SELECT COUNT(*) FROM disclosure_posting WHERE channel = 'radio' AND proof_sha256 <> ''")), 0);
  if (new Date().getMonth() >= 2) {
    // By March the fees and charges have their village posting, taken down after 20 of 30 days.
    assert.equal(Number(sql(
      "SELECT COUNT(*) FROM disclosure_posting WHERE channel = 'village_house' AND " +
      'taken_down_on < until_on')), 1);
  }
  // The lines' kept columns (migration 0021) agree with the postings and files they summarise.
  assert.equal(Number(sql(
    'SELECT COUNT(*) FROM disclosure_item i WHERE i.files <> (SELECT COUNT(*) FROM ' +
    'disclosure_attachment a WHERE a.item_id = i.id) OR COALESCE(i.first_out, \'\') <> ' +
    "COALESCE((SELECT MIN(p.started_on) FROM disclosure_posting p WHERE p.item_id = i.id), '')")), 0);
  // The poor-household list, on the board these days, names its households; the upheld objection
  // took one off the final list, the open one is shown without its objector.
  const poor = sql("SELECT id FROM disclosure_item WHERE type_code = 'poor_households'");
  const page = await new Client(server.base).get(`/xa/nhat-tan/cong-khai/${poor}/ho-ngheo`);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /Trần Thị Hoa/);
  assert.match(html, /Nguyễn Văn Bình/); // on the list as posted, marked as taken off
  assert.doesNotMatch(html, /Trưởng thôn 3/);
  assert.equal(Number(sql(
    `SELECT COUNT(*) FROM disclosure_objection WHERE item_id = ${poor} AND settled_on IS NULL`)), 1);
  // The audit chain takes the demo's dated entries.
  const verify = xaso(['audit', 'verify', '--db', server.db]);
  assert.equal(verify.status, 0, verify.stdout + verify.stderr);
});
