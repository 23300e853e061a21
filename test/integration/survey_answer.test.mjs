// Answering surveys (issue 6, items 1 and 7): the public list and form, an answer sheet stored
// and read back as CSV, a required question missing (422, Vietnamese error beside the question,
// the answers kept, nothing stored), a hidden question's answer dropped, one-time codes that work
// once, drafts not found, the honeypot, the per-IP hourly limit, and the clerk's interview entry
// behind its permission.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, rawSql, startServer, xaso } from './harness.mjs';

const LIST = '/xa/nhat-tan/khao-sat';

// A questionnaire in the preset file format (data/surveys/README.md): "why" and "rating" are
// asked only of those who used the service.
const QUESTIONS = [
  'section,section_title_vi,section_title_en,key,type,required,text_vi,text_en,help_vi,options,min,max,min_label,max_label,show_if,indicator',
  'a,Việc sử dụng,Use,used,single,yes,Ông/bà có dùng dịch vụ này không?,Did you use it?,,co=Có|Yes; khong=Không|No,,,,,,',
  'a,,,why,multiple,,Vì sao ông/bà chọn dịch vụ này?,Why?,,gan=Gần nhà|Close; re=Giá rẻ|Cheap; khac=Khác|Other,,,,,used=co,',
  'a,,,rating,scale,,Ông/bà hài lòng đến mức nào?,How satisfied?,,,1,5,Rất không hài lòng,Rất hài lòng,used=co,',
  'b,Hộ gia đình,Household,household,number,,Hộ ông/bà có bao nhiêu người?,How many people?,,,1,30,,,,',
  'b,,,note,text,,Ông/bà có góp ý gì không?,Suggestions?,,,,,,,,',
].join('\n') + '\n';

function questionsFile() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'xaso-survey-'));
  const file = path.join(dir, 'questions.csv');
  writeFileSync(file, QUESTIONS);
  return file;
}

// Creates a survey through the CLI; returns its id and codes.
function createSurvey(server, extra = []) {
  const r = xaso(['surveys', 'create', '--db', server.db, '--commune', 'nhat-tan',
    '--questions', questionsFile(), '--year', '2026', '--title', 'Khảo sát dịch vụ thử', ...extra]);
  assert.equal(r.status, 0, r.stderr);
  const [first, ...codes] = r.stdout.trim().split('\n');
  const m = first.match(/^survey (\d+)$/);
  assert.ok(m, r.stdout);
  return { id: m[1], codes };
}

// The stored responses, as the CLI exports them: one object per line, keyed by the header.
function responses(server, id) {
  const r = xaso(['surveys', 'responses', '--db', server.db, '--commune', 'nhat-tan', '--id', id]);
  assert.equal(r.status, 0, r.stderr);
  const [header, ...rows] = r.stdout.trim().split('\n');
  const cols = header.split(',');
  return rows.map((line) => Object.fromEntries(line.split(',').map((v, i) => [cols[i], v])));
}

async function html(res) {
  return res.text();
}

describe('survey answering', () => {
  let server, citizen, open, coded, draft;
  before(async () => {
    server = await startServer({ env: { XASO_SURVEY_MAX_PER_IP: '100' } });
    citizen = new Client(server.base);
    open = createSurvey(server, ['--open']);
    coded = createSurvey(server, ['--open', '--needs-code', '--codes', '2']);
    draft = createSurvey(server);
  });
  after(async () => { await server.stop(); });

  test('the list shows the open surveys, not the drafts', async () => {
    const res = await citizen.get(LIST);
    assert.equal(res.status, 200);
    const body = await html(res);
    assert.match(body, /Khảo sát ý kiến người dân/);
    assert.match(body, new RegExp(`href="${LIST}/${open.id}"`));
    assert.match(body, new RegExp(`href="${LIST}/${coded.id}"`));
    assert.doesNotMatch(body, new RegExp(`href="${LIST}/${draft.id}"`));
    // The commune's home page leads there.
    assert.match(await html(await citizen.get('/xa/nhat-tan/')), new RegExp(`href="${LIST}"`));
  });

  test('a draft survey is not found', async () => {
    assert.equal((await citizen.get(`${LIST}/${draft.id}`)).status, 404);
    assert.equal((await citizen.post(`${LIST}/${draft.id}`, { 'q.used': 'co' })).status, 404);
    assert.equal((await citizen.get(`${LIST}/${draft.id}/cam-on`)).status, 404);
    assert.equal((await citizen.get(`${LIST}/999999`)).status, 404);
    assert.equal((await citizen.get(`${LIST}/abc`)).status, 404);
    assert.equal(responses(server, draft.id).length, 0);
  });

  test('the form: a fieldset and legend per question, labelled choices, decimal input, conditions as data', async () => {
    const res = await citizen.get(`${LIST}/${open.id}`);
    assert.equal(res.status, 200);
    const body = await html(res);
    assert.equal((body.match(/<fieldset class="question"/g) || []).length, 5);
    assert.match(body, /<legend>Câu 1\. Ông\/bà có dùng dịch vụ này không\? <span class="required">\(bắt buộc\)<\/span><\/legend>/);
    assert.match(body, /<label class="choice" for="q-used--co"><input type="radio" id="q-used--co" name="q\.used" value="co"/);
    assert.match(body, /name="q\.why\[gan\]"/);
    assert.match(body, /id="q-why" data-key="why" data-show-if="used" data-show-values="co"/);
    assert.match(body, /Chỉ trả lời câu này nếu ở câu 1 ông\/bà đã chọn «Có»/);
    assert.match(body, /inputmode="decimal"/);
    assert.match(body, /Rất không hài lòng/);
    assert.match(body, /<script src="\/static\/survey\.js"><\/script>/);
    assert.doesNotMatch(body, /\}\}/, 'no template text leaks into the page');
    assert.doesNotMatch(body, /Mã phiếu/);  // this survey needs no code
    // Nothing personal is asked.
    assert.doesNotMatch(body, /name="(name|phone|email|address)"/);
  });

  test('an answer sheet is stored and the citizen is thanked', async () => {
    const before = responses(server, open.id).length;
    const res = await citizen.post(`${LIST}/${open.id}`, {
      'q.used': 'co', 'q.why[gan]': 'gan', 'q.why[re]': 're', 'q.rating': '4', 'q.household': '4',
      'q.note': 'Cần thêm giờ làm việc buổi tối', website: '',
    });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `${LIST}/${open.id}/cam-on`);
    const thanks = await citizen.get(`${LIST}/${open.id}/cam-on`);
    assert.equal(thanks.status, 200);
    assert.match(await html(thanks), /Cảm ơn ông\/bà đã trả lời khảo sát/);
    const rows = responses(server, open.id);
    assert.equal(rows.length, before + 1);
    const last = rows.at(-1);
    assert.equal(last.channel, 'web');
    assert.equal(last.used, 'co');
    assert.equal(last.why, 'gan|re');
    assert.equal(last.rating, '4');
    assert.equal(last.household, '4');
    assert.equal(last.note, 'Cần thêm giờ làm việc buổi tối');
  });

  test('a number typed with a decimal comma is read as a decimal', async () => {
    const res = await citizen.post(`${LIST}/${open.id}`, { 'q.used': 'khong', 'q.household': '2,5' });
    assert.equal(res.status, 303);
    assert.equal(responses(server, open.id).at(-1).household, '2.5');
  });

  test('a number typed with thousands points is refused, not guessed', async () => {
    const before = responses(server, open.id).length;
    const res = await citizen.post(`${LIST}/${open.id}`, { 'q.used': 'khong', 'q.household': '1.000' });
    assert.equal(res.status, 422);
    const body = await html(res);
    assert.match(body, /<p class="field-error" id="q-household-error">Viết số không có dấu chấm phân cách hàng nghìn/);
    assert.match(body, /name="q\.household" type="text" inputmode="decimal" autocomplete="off" value="1.000"/);
    assert.equal(responses(server, open.id).length, before);
  });

  test('a required question missing: 422, the error beside it and at the top, the answers kept, nothing stored', async () => {
    const before = responses(server, open.id).length;
    const res = await citizen.post(`${LIST}/${open.id}`, { 'q.household': '7', 'q.note': 'Góp ý giữ lại' });
    assert.equal(res.status, 422);
    const body = await html(res);
    const m = body.match(/<p class="field-error" id="q-used-error">([^<]+)<\/p>/);
    assert.ok(m, 'the error beside the question');
    assert.equal(m[1], 'Cần trả lời câu hỏi này.');
    assert.match(body, /id="q-used" data-key="used" aria-describedby="q-used-error"/);
    assert.match(body, /<div class="error-summary" role="alert"[^>]*>[\s\S]*<a href="#q-used--co">Câu 1: /);
    assert.match(body, /name="q\.household" type="text" inputmode="decimal" autocomplete="off" value="7"/);
    assert.match(body, />Góp ý giữ lại<\/textarea>/);
    assert.equal(responses(server, open.id).length, before);
  });

  test('a bad value is an error of its question', async () => {
    const before = responses(server, open.id).length;
    const res = await citizen.post(`${LIST}/${open.id}`, { 'q.used': 'khong', 'q.household': 'nhiều' });
    assert.equal(res.status, 422);
    assert.match(await html(res), /id="q-household-error"/);
    assert.equal(responses(server, open.id).length, before);
  });

  test("a hidden question's answer is dropped", async () => {
    const res = await citizen.post(`${LIST}/${open.id}`, {
      'q.used': 'khong', 'q.why[khac]': 'khac', 'q.rating': '1', 'q.household': '3',
    });
    assert.equal(res.status, 303);
    const last = responses(server, open.id).at(-1);
    assert.equal(last.used, 'khong');
    assert.equal(last.why, '');
    assert.equal(last.rating, '');
    assert.equal(last.household, '3');
  });

  test('a one-time code works once; a missing, wrong or used code is an error of the code field', async () => {
    assert.equal(coded.codes.length, 2);
    const form = await html(await citizen.get(`${LIST}/${coded.id}`));
    assert.match(form, /<label for="code">Mã phiếu<\/label>/);
    const answers = { 'q.used': 'khong', 'q.household': '5' };
    for (const code of ['', 'KHONGCO1']) {
      const res = await citizen.post(`${LIST}/${coded.id}`, { ...answers, code });
      assert.equal(res.status, 422, `code "${code}"`);
      const body = await html(res);
      assert.match(body, /<p class="field-error" id="code-error">[^<]+<\/p>/);
      assert.match(body, /aria-describedby="code-hint code-error"/);
      assert.match(body, /<a href="#code">Mã phiếu: /);
      assert.match(body, /id="q-used--khong" name="q\.used" value="khong" data-q="used" checked/);
    }
    assert.equal(responses(server, coded.id).length, 0);
    const ok = await citizen.post(`${LIST}/${coded.id}`, { ...answers, code: coded.codes[0] });
    assert.equal(ok.status, 303);
    const again = await citizen.post(`${LIST}/${coded.id}`, { ...answers, code: coded.codes[0] });
    assert.equal(again.status, 422);
    assert.match(await html(again), /id="code-error"/);
    const rows = responses(server, coded.id);
    assert.equal(rows.length, 1);
    // The response keeps no trace of the code.
    assert.ok(!JSON.stringify(rows).includes(coded.codes[0]));
  });

  test('a closed survey says so and takes no answers', async () => {
    const closed = createSurvey(server, ['--open']);
    // Closed behind the page's back, as the staff status page would between GET and POST.
    const form = await html(await citizen.get(`${LIST}/${closed.id}`));
    assert.match(form, /<form method="post"/);
    rawSql(server, `UPDATE survey SET status = 'closed' WHERE id = ${closed.id}`);
    const page = await citizen.get(`${LIST}/${closed.id}`);
    assert.equal(page.status, 200);
    const body = await html(page);
    assert.match(body, /Khảo sát này đã kết thúc, không nhận thêm phiếu trả lời\./);
    assert.doesNotMatch(body, /<form method="post" action="\/xa/);
    const res = await citizen.post(`${LIST}/${closed.id}`, { 'q.used': 'co' });
    assert.equal(res.status, 409);
    assert.match(await html(res), /đã kết thúc/);
    assert.equal(responses(server, closed.id).length, 0);
    assert.doesNotMatch(await html(await citizen.get(LIST)), new RegExp(`href="${LIST}/${closed.id}"`));
  });

  test('a robot that fills the honeypot is thanked and nothing is stored', async () => {
    const before = responses(server, open.id).length;
    const res = await citizen.post(`${LIST}/${open.id}`, { 'q.used': 'co', website: 'http://spam.example' });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `${LIST}/${open.id}/cam-on`);
    assert.equal(responses(server, open.id).length, before);
  });

  test('a form without its CSRF token is refused', async () => {
    const res = await new Client(server.base).post(`${LIST}/${open.id}`, { 'q.used': 'co' }, { csrf: false });
    assert.equal(res.status, 403);
  });

  test('the clerk enters an interview: stored as an interview, back to an empty form with the sheet number', async () => {
    const clerk = new Client(server.base);
    await clerk.signIn('motcua');
    const page = `/quan-ly/khao-sat/${coded.id}/phong-van`;
    const form = await clerk.get(page);
    assert.equal(form.status, 200);
    const body = await html(form);
    assert.match(body, /Nhập phiếu phỏng vấn/);
    assert.doesNotMatch(body, /name="code"/);  // an interview needs no code
    const res = await clerk.post(page, { 'q.used': 'co', 'q.rating': '5', 'q.household': '6' });
    assert.equal(res.status, 303);
    const loc = res.headers.get('location');
    assert.equal(loc, `${page}?da-luu=1`);
    const next = await html(await clerk.get(loc));
    // The survey's count of sheets, which the clerk matches against the paper stack.
    assert.match(next, new RegExp(`Đã lưu phiếu\\. Số phiếu của khảo sát: ${responses(server, coded.id).length}\\.`));
    assert.doesNotMatch(next, /checked/);
    const last = responses(server, coded.id).at(-1);
    assert.equal(last.channel, 'interview');
    assert.equal(last.rating, '5');
    // A missing required answer is refused there too, with the answers kept.
    const bad = await clerk.post(page, { 'q.household': '6' });
    assert.equal(bad.status, 422);
    assert.match(await html(bad), /id="q-used-error"/);
  });

  test('interview entry needs the permission', async () => {
    const page = `/quan-ly/khao-sat/${open.id}/phong-van`;
    const anonymous = await new Client(server.base).get(page);
    assert.equal(anonymous.status, 303);
    assert.match(anonymous.headers.get('location'), /^\/dang-nhap/);
    for (const user of ['mttq', 'captinh', 'congdan']) {
      const c = new Client(server.base);
      await c.signIn(user);
      assert.equal((await c.get(page)).status, 403, user);
      assert.equal((await c.post(page, { 'q.used': 'co' })).status, 403, user);
    }
    const leader = new Client(server.base);
    await leader.signIn('chutich');
    assert.equal((await leader.get(`/quan-ly/khao-sat/${draft.id}/phong-van`)).status, 200);
    assert.equal((await leader.post(`/quan-ly/khao-sat/${draft.id}/phong-van`, { 'q.used': 'co' })).status, 409);
    assert.equal(responses(server, draft.id).length, 0);
  });
});

describe('survey answering limit', () => {
  let server;
  before(async () => { server = await startServer({ env: { XASO_SURVEY_MAX_PER_IP: '2' } }); });
  after(async () => { await server.stop(); });

  test('answer sheets from one address are limited per hour', async () => {
    const { id } = createSurvey(server, ['--open']);
    const c = new Client(server.base);
    for (let i = 0; i < 2; i++) {
      assert.equal((await c.post(`${LIST}/${id}`, { 'q.used': 'khong' })).status, 303);
    }
    const res = await c.post(`${LIST}/${id}`, { 'q.used': 'khong', 'q.note': 'lần thứ ba' });
    assert.equal(res.status, 429);
    const body = await html(res);
    assert.match(body, /quá nhiều phiếu trong một giờ/);
    assert.match(body, />lần thứ ba<\/textarea>/);
    assert.equal(responses(server, id).length, 2);
  });
});

describe('survey answering limit on wrong codes', () => {
  let server;
  before(async () => { server = await startServer({ env: { XASO_SURVEY_MAX_PER_IP: '2' } }); });
  after(async () => { await server.stop(); });

  test('wrong one-time codes count against the same limit', async () => {
    const { id, codes } = createSurvey(server, ['--open', '--needs-code', '--codes', '1']);
    const c = new Client(server.base);
    for (const code of ['AAAAAAAA', 'BBBBBBBB']) {
      assert.equal((await c.post(`${LIST}/${id}`, { code, 'q.used': 'khong' })).status, 422);
    }
    // Two wrong guesses used the address's hour: even the right code now waits.
    assert.equal((await c.post(`${LIST}/${id}`, { code: codes[0], 'q.used': 'khong' })).status, 429);
    assert.equal(responses(server, id).length, 0);
  });
});
