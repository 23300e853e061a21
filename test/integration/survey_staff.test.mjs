// The staff survey pages (issue 6, items 1 and 7) over real HTTP: a leader makes a survey from
// the PAPI preset, a skip condition on a later question is refused with the message and nothing
// saved, a stale page is told someone else changed the survey, the survey opens, one-time codes
// are minted and printed, a CSV with one bad cell stores nothing and names the line and column,
// a good one stores every row, the export reads back into the same file, the results count it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, startServer } from './harness.mjs';

const LIST = '/quan-ly/khao-sat';

function unescape(s) {
  return s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

// The questions of the builder's preview: key, type, bounds, option values, in order.
function questionsOf(html) {
  const out = [];
  const re = /<li id="q-([^"]+)" class="question" data-type="([a-z]+)"( data-required)?(?: data-min="([^"]*)" data-max="([^"]*)")?>([\s\S]*?)<\/li>\s*(?=<li id="q-|<\/ol>|<li class="section-head")/g;
  for (const m of html.matchAll(re)) {
    const options = [...m[6].matchAll(/<li data-value="([^"]+)">/g)].map((o) => o[1]);
    out.push({ key: m[1], type: m[2], required: !!m[3], min: m[4], max: m[5], options,
      conditional: /class="condition"/.test(m[6]) });
  }
  return out;
}

// The fields of the first form posting to `action`, as a browser would send them.
function formFields(html, action) {
  const start = html.indexOf(`action="${action}"`);
  assert.ok(start >= 0, `no form posting to ${action}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const f = {};
  for (const m of form.matchAll(/<input([^>]*)>/g)) {
    const name = /name="([^"]+)"/.exec(m[1]);
    if (!name) continue;
    const type = (/type="([^"]+)"/.exec(m[1]) || [])[1];
    const value = unescape((/value="([^"]*)"/.exec(m[1]) || [, ''])[1]);
    if (type === 'checkbox') { if (/ checked/.test(m[1])) f[name[1]] = value; continue; }
    f[name[1]] = value;
  }
  for (const m of form.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) f[m[1]] = unescape(m[2]);
  for (const m of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const sel = /<option value="([^"]*)" selected>/.exec(m[2]);
    f[m[1]] = sel ? unescape(sel[1]) : '';
  }
  delete f._csrf;
  return f;
}

// A valid answer to every question: the first option, the lower bound, a short text. Answers
// to questions a skip condition hides are dropped by the import, not refused.
function answerRow(questions, n) {
  return questions.map((q) => {
    if (q.type === 'single' || q.type === 'multiple') return q.options[n % q.options.length];
    if (q.type === 'scale' || q.type === 'number') return q.min;
    return `ý kiến ${n}`;
  });
}

function csv(header, rows) {
  return [header, ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n';
}

describe('staff survey pages', () => {
  let server, leader, id, href, questions;
  before(async () => {
    server = await startServer();
    leader = new Client(server.base);
    await leader.signIn('chutich');
  });
  after(async () => { await server.stop(); });

  test('a leader makes a survey from the PAPI preset', async () => {
    const list = await leader.get(LIST);
    assert.equal(list.status, 200);
    assert.match(await list.text(), /<option value="papi"/);
    const bad = await leader.post(LIST, { preset: 'papi', title: '', year: 'năm nay' });
    assert.equal(bad.status, 422);
    assert.match(await bad.text(), /Năm khảo sát phải là một số/);
    const res = await leader.post(LIST, { preset: 'papi', title: '', year: '2026' });
    assert.equal(res.status, 303);
    href = res.headers.get('location');
    assert.match(href, /^\/quan-ly\/khao-sat\/\d+$/);
    id = href.split('/').pop();
    const page = await (await leader.get(href)).text();
    assert.match(page, /data-status="draft"/);
    questions = questionsOf(page);
    assert.ok(questions.length >= 10, `the PAPI preset has ${questions.length} questions`);
    const again = await (await leader.get(LIST)).text();
    assert.match(again, new RegExp(`href="${href}"`));
  });

  test('a skip condition on a later question is refused with its message and nothing is saved', async () => {
    const [first] = questions;
    const later = questions.find((q, i) => i > 0 && q.options.length > 0);
    const form = await (await leader.get(`${href}/cau-hoi?ma=${encodeURIComponent(first.key)}`)).text();
    const fields = formFields(form, `${href}/cau-hoi`);
    assert.equal(fields.original, first.key);
    const before = await (await leader.get(href)).text();
    const res = await leader.post(`${href}/cau-hoi`, {
      ...fields, text_vi: 'Câu đã sửa', show_if: later.key, show_if_values: later.options[0],
    });
    assert.equal(res.status, 422);
    const page = await res.text();
    // Beside the question's fields, and in the list at the top under its key.
    assert.match(page, /<div id="question-errors"><p class="field-error">Điều kiện hiển thị phải dựa vào một câu hỏi đứng trước/);
    assert.match(page, new RegExp(`Câu ${first.key.replace(/\./g, '\\.')}: Điều kiện hiển thị phải dựa vào một câu hỏi đứng trước`));
    assert.match(page, /value="Câu đã sửa"|>Câu đã sửa</, 'what was typed is kept');
    const after = await (await leader.get(href)).text();
    assert.doesNotMatch(after, /Câu đã sửa/);
    assert.equal(formFields(after, href).version, formFields(before, href).version);
  });

  test('an edit from a stale page is refused with "someone else changed it"', async () => {
    const page = await (await leader.get(href)).text();
    const fields = formFields(page, href);
    const ok = await leader.post(href, { ...fields, description: 'Phiếu tự đánh giá của xã', needs_code: '1' });
    assert.equal(ok.status, 303);
    const stale = await leader.post(href, { ...fields, description: 'Bản cũ' });
    assert.equal(stale.status, 409);
    assert.match(await stale.text(), /Người khác vừa sửa khảo sát này/);
    const now = await (await leader.get(href)).text();
    assert.match(now, /Phiếu tự đánh giá của xã/);
    assert.match(now, /name="needs_code" value="1" checked/);
  });

  test('a good question edit is saved and moves', async () => {
    // Two neighbours whose order may change: the second is asked unconditionally.
    const i = questions.findIndex((q, j) => j > 0 && !q.conditional) - 1;
    const [first, second] = questions.slice(i, i + 2);
    const form = await (await leader.get(`${href}/cau-hoi?ma=${encodeURIComponent(second.key)}`)).text();
    const fields = formFields(form, `${href}/cau-hoi`);
    const res = await leader.post(`${href}/cau-hoi`, { ...fields, help_vi: 'Hỏi chậm, rõ ràng' });
    assert.equal(res.status, 303);
    let page = await (await leader.get(href)).text();
    assert.match(page, /Hỏi chậm, rõ ràng/);
    const version = formFields(page, href).version;
    const moved = await leader.post(`${href}/cau-hoi/di-chuyen`, { key: second.key, dir: 'up', version });
    assert.equal(moved.status, 303);
    page = await (await leader.get(href)).text();
    const order = questionsOf(page).map((q) => q.key);
    assert.deepEqual(order.slice(i, i + 2), [second.key, first.key]);
    const back = await leader.post(`${href}/cau-hoi/di-chuyen`, { key: second.key, dir: 'down', version: formFields(page, href).version });
    assert.equal(back.status, 303);
    assert.deepEqual(questionsOf(await (await leader.get(href)).text()).slice(i, i + 2).map((q) => q.key), [first.key, second.key]);
  });

  test('the survey opens and one-time codes are minted and printed', async () => {
    const page = await (await leader.get(href)).text();
    const version = formFields(page, href).version;
    const res = await leader.post(`${href}/trang-thai`, { to: 'open', version });
    assert.equal(res.status, 303);
    const opened = await (await leader.get(href)).text();
    assert.match(opened, /data-status="open"/);
    assert.doesNotMatch(opened, /cau-hoi\/xoa/, 'an open survey has no question buttons');
    // The interviewer entry of an open survey, for those who enter interviews.
    assert.match(opened, new RegExp(`href="${href}/phong-van"`));
    assert.match(await (await leader.get(LIST)).text(), new RegExp(`href="${href}/phong-van"`));
    const none = await leader.post(`${href}/ma-phieu`, { n: '0' });
    assert.equal(none.status, 422);
    const mint = await leader.post(`${href}/ma-phieu`, { n: '7' });
    assert.equal(mint.status, 303);
    assert.equal(mint.headers.get('location'), `${href}/ma-phieu`);
    const slips = await (await leader.get(`${href}/ma-phieu`)).text();
    const codes = [...slips.matchAll(/class="slip-code">([^<]+)</g)].map((m) => m[1]);
    assert.equal(codes.length, 7);
    assert.equal(new Set(codes).size, 7);
    assert.match(slips, new RegExp(`/xa/nhat-tan/khao-sat/${id}`));
    assert.match(slips, /<svg[^>]*>/, 'the QR code of the address');
    assert.match(await (await leader.get(href)).text(), /id="code-count">[^<]*: 7/);
  });

  test('a CSV with one bad cell stores nothing and names its line and column', async () => {
    const header = ['channel', 'submitted_at', 'weight', ...questions.map((q) => q.key)];
    const choice = questions.findIndex((q) => q.type === 'single');
    const badRow = answerRow(questions, 1);
    badRow[choice] = 'khong_co';
    const file = csv(header, [['', '', '', ...answerRow(questions, 0)], ['', '', '', ...badRow]]);
    const res = await leader.postMultipart(`${href}/nhap`, {}, { file: { name: 'phieu.csv', type: 'text/csv', bytes: file } });
    assert.equal(res.status, 422);
    const page = await res.text();
    assert.match(page, /chưa phiếu nào được lưu/);
    assert.match(page, new RegExp(`dòng 3, cột ${questions[choice].key.replace(/\./g, '\\.')}`));
    const results = await (await leader.get(`${href}/ket-qua`)).text();
    assert.match(results, /id="response-count">0</);
  });

  test('a good CSV is stored whole, the export reads back into the same file, the results count it', async () => {
    const header = ['channel', 'submitted_at', 'weight', ...questions.map((q) => q.key)];
    const rows = [
      ['interview', '02/03/2026 09:15', '1', ...answerRow(questions, 0)],
      ['', '03/03/2026 14:00', '2', ...answerRow(questions, 1)],
    ];
    const res = await leader.postMultipart(`${href}/nhap`, {}, { file: { name: 'phieu.csv', type: 'text/csv', bytes: csv(header, rows) } });
    assert.equal(res.status, 200);
    assert.match(await res.text(), /id="import-done">[^<]*: 2\./);

    const exp = await leader.get(`${href}/phieu.csv`);
    assert.equal(exp.status, 200);
    assert.match(exp.headers.get('content-type'), /^text\/csv/);
    const first = await exp.text();
    const lines = first.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    assert.equal(lines.length, 3);
    assert.equal(lines[0], header.join(','));
    assert.match(lines[1], /^interview,02\/03\/2026 09:15,1,/);
    assert.match(lines[2], /^import,03\/03\/2026 14:00,2,/);

    const again = await leader.postMultipart(`${href}/nhap`, {}, { file: { name: 'xuat.csv', type: 'text/csv', bytes: first } });
    assert.equal(again.status, 200);
    const second = (await (await leader.get(`${href}/phieu.csv`)).text()).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    assert.deepEqual(second, [...lines, ...lines.slice(1)], 'the export imports back unchanged');

    const results = await (await leader.get(`${href}/ket-qua`)).text();
    assert.match(results, /id="response-count">4</);
    assert.match(results, /data-channel="interview"><th scope="row">[^<]+<\/th><td class="num">2</);
    assert.match(results, /data-channel="import"><th scope="row">[^<]+<\/th><td class="num">2</);
    assert.match(results, /<svg[^>]*aria-labelledby="chart-q-1"/);
    // The first question always asked with a choice: rows 0 and 2 took its first option, rows 1
    // and 3 its second, so each bar reads 2 of 4.
    const choice = questions.find((q) => !q.conditional && q.type === 'single' && q.options.length >= 2);
    const section = results.slice(results.indexOf(`id="r-${choice.key}"`));
    const bars = [...section.slice(0, section.indexOf('</section>')).matchAll(/>(\d+) · (\d+)%<\/text>/g)].map((m) => `${m[1]}/${m[2]}`);
    assert.deepEqual(bars.slice(0, 2), ['2/50', '2/50']);
    assert.ok(bars.slice(2).every((b) => b === '0/0'), bars.join(' '));
    assert.match(results, /id="papi-link"/);
  });

  test('a reader sees results and the export but not the builder', async () => {
    const supervisor = new Client(server.base);
    await supervisor.signIn('mttq');
    assert.equal((await supervisor.get(`${href}/ket-qua`)).status, 200);
    assert.equal((await supervisor.get(`${href}/phieu.csv`)).status, 200);
    assert.equal((await supervisor.get(href)).status, 403);
    const list = await (await supervisor.get(LIST)).text();
    assert.match(list, new RegExp(`href="${href}/ket-qua"`));
    assert.doesNotMatch(list, /action="\/quan-ly\/khao-sat"/);
    assert.doesNotMatch(list, /phong-van/);
  });

  test('a blank survey is built by hand, its scale tallied, closed and reopened; a draft is deleted', async () => {
    const res = await leader.post(LIST, { preset: '', title: 'Ý kiến về chợ xã', year: '2026' });
    assert.equal(res.status, 303);
    const blank = res.headers.get('location');
    let page = await (await leader.get(blank)).text();
    const section = await leader.post(`${blank}/phan`, { section_key: 'cho', section_title: 'Chợ', version: formFields(page, blank).version });
    assert.equal(section.status, 303);
    page = await (await leader.get(`${blank}/cau-hoi`)).text();
    const fields = formFields(page, `${blank}/cau-hoi`);
    const add = await leader.post(`${blank}/cau-hoi`, {
      ...fields, key: 'hai_long', section: 'cho', type: 'scale', text_vi: 'Mức hài lòng với chợ', min: '1', max: '5',
      min_label: 'Rất không hài lòng', max_label: 'Rất hài lòng',
    });
    assert.equal(add.status, 303);
    const badOption = await leader.post(`${blank}/cau-hoi`, {
      ...fields, key: 'ly_do', section: 'cho', type: 'single', text_vi: 'Vì sao?', options: 'gia|Giá cả\nVệ sinh',
    });
    assert.equal(badOption.status, 422);
    assert.match(await badOption.text(), /Dòng 2: viết giá trị\|nhãn/);
    page = await (await leader.get(blank)).text();
    assert.deepEqual(questionsOf(page).map((q) => [q.key, q.type, q.min, q.max]), [['hai_long', 'scale', '1', '5']]);
    assert.equal((await leader.post(`${blank}/trang-thai`, { to: 'open', version: formFields(page, blank).version })).status, 303);
    const file = csv(['channel', 'submitted_at', 'weight', 'hai_long'], [['', '', '', '1'], ['', '', '', '2'], ['', '', '', '5']]);
    const imported = await leader.postMultipart(`${blank}/nhap`, {}, { file: { name: 'cho.csv', type: 'text/csv', bytes: file } });
    assert.equal(imported.status, 200);
    const results = await (await leader.get(`${blank}/ket-qua`)).text();
    assert.match(results, /class="mean">2,7</);
    assert.match(results, /class="median">2</);
    assert.match(results, />1 · 33%<\/text>/);
    assert.match(results, /Rất hài lòng/);
    // Closed, then reopened; a survey that has been open cannot be deleted.
    const closed = await (await leader.get(blank)).text();
    assert.equal((await leader.post(`${blank}/trang-thai`, { to: 'closed', version: formFields(closed, `${blank}/trang-thai`).version })).status, 303);
    const reopen = await (await leader.get(blank)).text();
    assert.match(reopen, /data-status="closed"/);
    assert.equal((await leader.post(`${blank}/trang-thai`, { to: 'open', version: formFields(reopen, `${blank}/trang-thai`).version })).status, 303);
    assert.match(await (await leader.get(blank)).text(), /data-status="open"/);
    assert.equal((await leader.post(`${blank}/xoa`, {})).status, 409);

    const draft = (await leader.post(LIST, { preset: 'security', title: '', year: '2026' })).headers.get('location');
    const del = await leader.post(`${draft}/xoa`, {});
    assert.equal(del.status, 303);
    assert.equal((await leader.get(draft)).status, 404);
  });
});
