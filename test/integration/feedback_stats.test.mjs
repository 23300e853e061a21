// Feedback statistics (issue 4, part 6): the staff page and the public summary follow each
// submission, answer, rating and reopening at once; a reopened item is rated again and only its
// current rating counts; a malformed month is refused with a message; `xaso feedback-stats
// rebuild` repairs counts that drifted.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, rawSql, startServer, xaso } from './harness.mjs';

const SLUG = '/xa/nhat-tan/phan-anh';
const STATS = '/quan-ly/phan-anh/thong-ke';

// The figure in <dd id="stats-NAME">, as written on the page ("1.234", "87,5% (7/8)").
function figure(html, name) {
  const m = html.match(new RegExp(`id="stats-${name}">([^<]*)<`));
  assert.ok(m, `stats-${name} on the page`);
  return m[1];
}
const int = (text) => Number(text.replace(/\./g, ''));
// "87,5% (7/8)" → [7, 8]
function fraction(text) {
  const m = text.match(/\((\d+)\/(\d+)\)$/);
  assert.ok(m, text);
  return [Number(m[1]), Number(m[2])];
}

describe('feedback statistics', () => {
  let server, citizen, leader, other;
  before(async () => {
    server = await startServer();
    citizen = new Client(server.base);
    leader = new Client(server.base);
    await leader.signIn('chutich');
    const form = await (await citizen.get(`${SLUG}/gui`)).text();
    other = form.match(/<option value="(\d+)">Khác<\/option>/)[1];
  });
  after(async () => { await server.stop(); });

  async function submit() {
    const res = await citizen.post(`${SLUG}/gui`, {
      category: other, kind: 'feedback', website: '',
      description: 'Rác thải đổ bừa bãi ở đầu cầu Đông.' });
    assert.equal(res.status, 303);
    const code = res.headers.get('location').match(/(PA-[A-Z0-9]{8})/)[1];
    const register = await (await leader.get('/quan-ly/phan-anh')).text();
    const id = register.match(new RegExp(`href="/quan-ly/phan-anh/(\\d+)">${code}<`))[1];
    return { code, id };
  }
  const act = (id, form) => leader.post(`/quan-ly/phan-anh/${id}/xu-ly`, form);
  const rate = (code, rating) => citizen.post(`${SLUG}/${code}/danh-gia`, { rating });
  const stats = async () => {
    const res = await leader.get(STATS);
    assert.equal(res.status, 200);
    return res.text();
  };

  test('counts follow submissions, answers and ratings, a reopened item rated again', async () => {
    const start = await stats();
    assert.match(start, /Thống kê phản ánh, kiến nghị/);
    const total0 = int(figure(start, 'total'));
    const answered0 = int(figure(start, 'answered'));
    const [satisfied0, rated0] = fraction(figure(start, 'satisfied'));
    assert.ok(total0 > 0, 'the demo items are counted');

    const a = await submit();
    await submit();
    let html = await stats();
    assert.equal(int(figure(html, 'total')), total0 + 2);

    assert.equal((await act(a.id, { action: 'answer', version: '1', answer: 'Đã thu gom.' })).status, 303);
    assert.equal((await rate(a.code, 'unsatisfied')).status, 303);
    html = await stats();
    assert.equal(int(figure(html, 'answered')), answered0 + 1);
    assert.deepEqual(fraction(figure(html, 'satisfied')), [satisfied0, rated0 + 1]);
    // Answered today, the day of receipt: on time, in 0 working days.
    const [onTime, answeredNow] = fraction(figure(html, 'on-time'));
    assert.equal(answeredNow, answered0 + 1);
    assert.ok(onTime >= 1);

    // Not satisfied: the staff reopen, answer again, and the citizen rates the new answer.
    assert.equal((await act(a.id, { action: 'start', version: '2' })).status, 303);
    html = await stats();
    assert.equal(int(figure(html, 'answered')), answered0);
    assert.deepEqual(fraction(figure(html, 'satisfied')), [satisfied0, rated0]);
    const reopened = await (await citizen.get(`${SLUG}/${a.code}`)).text();
    assert.doesNotMatch(reopened, /Không hài lòng/);
    assert.equal((await rate(a.code, 'satisfied')).status, 409);  // no answer to rate yet
    assert.equal((await act(a.id, { action: 'answer', version: '3', answer: 'Đã lắp biển cấm đổ rác.' })).status, 303);
    assert.match(await (await citizen.get(`${SLUG}/${a.code}`)).text(), /Bạn có hài lòng với trả lời này không\?/);
    assert.equal((await rate(a.code, 'satisfied')).status, 303);
    html = await stats();
    assert.equal(int(figure(html, 'answered')), answered0 + 1);
    assert.deepEqual(fraction(figure(html, 'satisfied')), [satisfied0 + 1, rated0 + 1]);
    assert.match(html, /<table id="stats-category">[\s\S]*Khác/);
    assert.match(html, /Chưa giao đơn vị|Văn phòng/);

    // The public summary shows the same numbers, without any personal data.
    const list = await (await citizen.get(SLUG)).text();
    assert.match(list, /Kết quả giải quyết/);
    assert.equal(int(figure(list, 'total')), total0 + 2);
    assert.deepEqual(fraction(figure(list, 'satisfied')), [satisfied0 + 1, rated0 + 1]);
  });

  test('months filter the figures; a malformed month is refused with a message', async () => {
    const none = await (await leader.get(`${STATS}?tu=2001-01&den=2001-12`)).text();
    assert.equal(figure(none, 'total'), '0');
    assert.equal(figure(none, 'median'), '—');
    const bad = await leader.get(`${STATS}?tu=2026-13`);
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /Tháng không hợp lệ/);
    assert.equal((await leader.get(`${STATS}?den=abc`)).status, 400);
  });

  test('the same figures as JSON; a malformed month gets a structured error', async () => {
    const html = await stats();
    const res = await leader.get('/api/v1/feedback/statistics');
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.equal(body.total, int(figure(html, 'total')));
    assert.equal(body.answered, int(figure(html, 'answered')));
    assert.deepEqual([body.satisfied, body.satisfied + body.unsatisfied], fraction(figure(html, 'satisfied')));
    assert.equal(body.by_month.reduce((n, m) => n + m.count, 0), body.total);
    assert.equal(Object.values(body.by_status).reduce((n, c) => n + c, 0), body.total);
    assert.ok(body.by_category.some((c) => c.name === 'Khác'));
    const none = await (await leader.get('/api/v1/feedback/statistics?from=2001-01&to=2001-12')).json();
    assert.equal(none.total, 0);
    assert.equal(none.median_working_days, null);
    const bad = await leader.get('/api/v1/feedback/statistics?from=2026-1');
    assert.equal(bad.status, 400);
    assert.equal((await bad.json()).error.fields[0].field, 'from');
  });

  test('xaso feedback-stats rebuild recomputes counts that drifted from the items', async () => {
    const right = int(figure(await stats(), 'total'));
    rawSql(server, 'UPDATE feedback_stat SET n = n + 100');
    assert.notEqual(int(figure(await stats(), 'total')), right);
    const r = xaso(['feedback-stats', 'rebuild', '--db', server.db]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(int(figure(await stats(), 'total')), right);
  });

  test('citizens without an account cannot read the staff page', async () => {
    const res = await citizen.get(STATS);
    assert.ok([303, 401, 403].includes(res.status), `got ${res.status}`);
  });
});
