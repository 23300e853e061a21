// Results over time (PRODUCT.md part 10): a survey's results page sets each scale's mean beside
// the means of the earlier surveys made from the same preset, year by year.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, rawSql, startServer, xaso } from './harness.mjs';

const YEAR = new Date().getFullYear();

describe('survey results over time', () => {
  let server, leader;
  before(async () => {
    server = await startServer();
    leader = new Client(server.base);
    await leader.signIn('chutich');
  });
  after(async () => { await server.stop(); });

  test('last year\'s health-station means appear beside this year\'s', async () => {
    const now = rawSql(server, `SELECT id FROM survey WHERE preset = 'health_station' AND year = ${YEAR}`);
    assert.match(now, /^\d+$/, 'the demo has this year\'s health-station survey');
    const before = await (await leader.get(`/quan-ly/khao-sat/${now}/ket-qua`)).text();
    assert.doesNotMatch(before, /class="trend-year"/, 'no earlier survey yet');

    const r = xaso(['surveys', 'create', '--db', server.db, '--commune', 'nhat-tan',
      '--preset', 'health_station', '--year', String(YEAR - 1), '--open']);
    assert.equal(r.status, 0, r.stderr);
    const earlier = r.stdout.match(/^survey (\d+)$/m)[1];
    // One interview answering the first choice and the lowest step of everything it is asked.
    const form = await (await leader.get(`/quan-ly/khao-sat/${earlier}/phong-van`)).text();
    const sheet = {};
    for (const [, name, value] of form.matchAll(/type="radio" id="[^"]+" name="(q\.[^"]+)" value="([^"]+)"/g)) {
      if (!(name in sheet)) sheet[name] = value;
    }
    const res = await leader.post(`/quan-ly/khao-sat/${earlier}/phong-van`, sheet);
    assert.equal(res.status, 303);

    const html = await (await leader.get(`/quan-ly/khao-sat/${now}/ket-qua`)).text();
    const overall = html.match(/<section class="result" id="r-sat_overall"[\s\S]*?<\/section>/);
    assert.ok(overall, 'the overall satisfaction question');
    // Last year's single sheet said 1; this year's mean is the demo's, marked as current.
    assert.match(overall[0], new RegExp(`<span class="trend-year" data-year="${YEAR - 1}">${YEAR - 1}: 1</span>`));
    const mean = overall[0].match(/<dd class="mean">([^<]+)<\/dd>/)[1];
    assert.match(overall[0], new RegExp(`<span class="trend-year" data-year="${YEAR}">${YEAR}: <strong>${mean}</strong></span>`));
    // The earlier survey's own page has nothing earlier to show.
    const own = await (await leader.get(`/quan-ly/khao-sat/${earlier}/ket-qua`)).text();
    assert.doesNotMatch(own, /class="trend-year"/);
  });
});
