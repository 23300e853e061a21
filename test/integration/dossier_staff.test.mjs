// The one-stop shop's desk and back office (issue 5, part 2): intake at the desk with the
// receipt (form 01) and its QR code, the register (form 07), the walk of a dossier through its
// steps with the supplement request (02) on the process-control sheet (06), stale forms, the
// extension letter (04) and its deadline, refusal (03) and stop (05), and who may do what.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, rawSql, startServer } from './harness.mjs';

const REGISTER = '/quan-ly/ho-so';
const INTAKE = '/quan-ly/ho-so/moi';
// Cấp Giấy xác nhận tình trạng hôn nhân: 3 working days, so its due date is days away.
const PROCEDURE = '1.004873';
const DOCS = ['Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', 'Giấy tờ tùy thân'];

const isoToVi = (iso) => iso.split('-').reverse().join('/');

// The version the dossier page's forms carry.
async function versionOf(client, id) {
  const html = await (await client.get(`${REGISTER}/${id}`)).text();
  const m = html.match(/name="version" value="(\d+)"/);
  assert.ok(m, 'the page offers a form with the version');
  return m[1];
}

describe('dossier staff pages', () => {
  let server, clerk, officer, leader, citizen, officerId;

  async function receive(name, extra = {}) {
    const res = await clerk.post(INTAKE, {
      procedure: PROCEDURE, applicant_name: name, applicant_phone: '0912345678',
      applicant_address: 'Thôn Đông, xã Nhật Tân', channel: 'desk',
      doc_0: DOCS[0], doc_1: DOCS[1], ...extra,
    });
    assert.equal(res.status, 303, await res.text());
    const m = res.headers.get('location').match(/^\/quan-ly\/ho-so\/(\d+)\/phieu\/01$/);
    assert.ok(m, res.headers.get('location'));
    return m[1];
  }
  const step = async (client, id, form) =>
    client.post(`${REGISTER}/${id}/buoc`, { version: await versionOf(client, id), ...form });

  before(async () => {
    server = await startServer();
    clerk = new Client(server.base);
    officer = new Client(server.base);
    leader = new Client(server.base);
    citizen = new Client(server.base);
    await clerk.signIn('motcua');
    await officer.signIn('vanphong');
    await leader.signIn('chutich');
    await citizen.signIn('congdan');
    officerId = rawSql(server, "SELECT id FROM account WHERE username = 'vanphong'");
  });
  after(async () => { await server.stop(); });

  test('the intake form lists the catalogue, then the chosen procedure\'s documents', async () => {
    const first = await clerk.get(INTAKE);
    assert.equal(first.status, 200);
    const html = await first.text();
    assert.ok(html.includes(`value="${PROCEDURE}"`));
    assert.ok(!html.includes('name="doc_0"'), 'no documents before a procedure is chosen');
    const chosen = await (await clerk.get(`${INTAKE}?thu-tuc=${PROCEDURE}`)).text();
    assert.ok(chosen.includes(`name="doc_0" value="${DOCS[0]}"`));
    assert.ok(chosen.includes(`name="doc_1" value="${DOCS[1]}"`));
    const unknown = await clerk.get(`${INTAKE}?thu-tuc=9.999999`);
    assert.ok((await unknown.text()).includes('Xã không có thủ tục này'));
  });

  test('a dossier received at the desk gets a code, a due date and a receipt with a QR code', async () => {
    // The day's sequence continues after the demo's dossiers received today, if any.
    const day = new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 10);
    const taken = Number(rawSql(server, `SELECT COALESCE(MAX(last_value), 0) FROM dossier_sequence WHERE day = '${day}'`));
    const id = await receive('Nguyễn Văn An', { other_documents: 'Bản sao sổ hộ khẩu\n\n' });
    const [code, due, docs] = rawSql(server, `SELECT code, due_on, documents FROM dossier WHERE id = ${id}`).split('|');
    const yymmdd = day.slice(2).replaceAll('-', '');
    assert.equal(code, `NHATTAN-${yymmdd}-${String(taken + 1).padStart(4, '0')}`);
    assert.deepEqual(JSON.parse(docs), [...DOCS, 'Bản sao sổ hộ khẩu']);
    const res = await clerk.get(`${REGISTER}/${id}/phieu/01`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.ok(html.includes('Giấy tiếp nhận hồ sơ và hẹn trả kết quả'));
    assert.ok(html.includes(code));
    assert.ok(html.includes('Nguyễn Văn An'));
    assert.ok(html.includes('Bản sao sổ hộ khẩu'));
    assert.match(html, new RegExp(`Ngày hẹn trả kết quả</dt><dd><strong class="appointment">${isoToVi(due)}<`));
    assert.match(html, /<svg [^>]*role="img"/);
    assert.ok(html.includes(`${server.base}/xa/nhat-tan/ho-so/${code}`), 'the QR code\'s absolute lookup URL');
    assert.ok(html.includes('data-print') && html.includes('/static/print.js'), 'a print button');
    const register = await (await clerk.get(REGISTER)).text();
    assert.ok(register.includes(code));
    assert.ok(register.includes('Đã tiếp nhận'));
    assert.ok(register.includes('Trong hạn'));
    assert.ok(register.includes(isoToVi(due)));
    assert.match(register, /\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/, 'received as HH:MM dd/mm/yyyy, as every page prints a moment');
  });

  test('an intake without documents, or with a bad channel, is refused and nothing is stored', async () => {
    const count = () => rawSql(server, 'SELECT COUNT(*) FROM dossier') + '/' +
      rawSql(server, 'SELECT COUNT(*) FROM dossier_event');
    const before = count();
    const res = await clerk.post(INTAKE, {
      procedure: PROCEDURE, applicant_name: 'Trần Thị Bình', channel: 'desk', other_documents: '  \n',
    });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.ok(html.includes('Ghi ít nhất một giấy tờ đã nhận'));
    assert.ok(html.includes('value="Trần Thị Bình"'), 'the form keeps what was typed');
    const noName = await clerk.post(INTAKE, { procedure: PROCEDURE, applicant_name: '', channel: 'desk', doc_0: DOCS[0] });
    assert.equal(noName.status, 422);
    const badChannel = await clerk.post(INTAKE, { procedure: PROCEDURE, applicant_name: 'X', channel: 'online', doc_0: DOCS[0] });
    assert.equal(badChannel.status, 422);
    assert.ok((await badChannel.text()).includes('Chọn hình thức nộp'));
    const badProcedure = await clerk.post(INTAKE, { procedure: '9.999999', applicant_name: 'X', channel: 'desk', doc_0: DOCS[0] });
    assert.equal(badProcedure.status, 422);
    assert.equal(count(), before);
  });

  test('the full walk: assign, process, supplement (02), process, result, return', async () => {
    const id = await receive('Lê Văn Cường');
    // Not yet assigned to him: the officer may read it but not act on it.
    assert.equal((await officer.get(`${REGISTER}/${id}`)).status, 200);
    const notHis = await step(clerk, id, { to: 'processing' });
    assert.equal(notHis.status, 422, 'received → processing skips the assignment');
    const v = await versionOf(clerk, id);
    assert.equal((await officer.post(`${REGISTER}/${id}/buoc`, { version: v, to: 'assigned', assignee_id: officerId })).status, 403);
    assert.equal((await step(clerk, id, { to: 'assigned', assignee_id: '' })).status, 422);
    assert.equal((await step(clerk, id, { to: 'assigned', assignee_id: officerId })).status, 303);
    assert.equal((await step(officer, id, { to: 'processing' })).status, 303);

    const early = await step(officer, id, { to: 'returned' });
    assert.equal(early.status, 422, 'returning before the result');
    assert.ok((await early.text()).includes('Không thể chuyển hồ sơ'));
    const empty = await step(officer, id, { to: 'supplement_requested', missing: ' \n ' });
    assert.equal(empty.status, 422);
    assert.ok((await empty.text()).includes('Ghi đủ mọi giấy tờ còn thiếu'));
    assert.equal(rawSql(server, `SELECT status FROM dossier WHERE id = ${id}`), 'processing');

    const ask = await step(officer, id, {
      to: 'supplement_requested', missing: 'Bản sao giấy khai sinh\nẢnh 4x6', note: 'Nộp tại Bộ phận Một cửa',
    });
    assert.equal(ask.status, 303);
    const form02 = await (await officer.get(`${REGISTER}/${id}/phieu/02`)).text();
    assert.ok(form02.includes('Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ'));
    assert.match(form02, /<li>Bản sao giấy khai sinh<\/li><li>Ảnh 4x6<\/li>/);
    const page = await (await officer.get(`${REGISTER}/${id}`)).text();
    assert.ok(page.includes('Chờ bổ sung'));
    assert.match(page, /<ul class="missing"><li>Bản sao giấy khai sinh<\/li><li>Ảnh 4x6<\/li><\/ul>/);

    assert.equal((await step(officer, id, { to: 'processing' })).status, 303);
    assert.equal((await step(officer, id, { to: 'result_ready', note: 'Đã ký giấy xác nhận' })).status, 303);
    assert.equal((await step(clerk, id, { to: 'returned' })).status, 303);
    assert.equal(rawSql(server, `SELECT status FROM dossier WHERE id = ${id}`), 'returned');

    const sheet = await (await clerk.get(`${REGISTER}/${id}/phieu/06`)).text();
    assert.ok(sheet.includes('Phiếu kiểm soát quá trình giải quyết hồ sơ'));
    const steps = [...sheet.matchAll(/<td>([^<]*→ [^<]*)<\/td>/g)].map((m) => m[1]);
    assert.deepEqual(steps, [
      'Đã tiếp nhận → Đã phân công', 'Đã phân công → Đang xử lý', 'Đang xử lý → Chờ bổ sung hồ sơ',
      'Chờ bổ sung hồ sơ → Đang xử lý', 'Đang xử lý → Đã có kết quả, chờ trả',
      'Đã có kết quả, chờ trả → Đã trả kết quả',
    ]);
    const officerName = rawSql(server, "SELECT display_name FROM account WHERE username = 'vanphong'");
    assert.ok(sheet.includes(`Giao cho ${officerName}`), 'the hand-over names the officer');
    assert.ok(sheet.includes('Trực tiếp tại Bộ phận Một cửa'), 'the receipt line names the channel');
    // A closed dossier offers no step, and has no refusal or extension to print.
    const closed = await (await clerk.get(`${REGISTER}/${id}`)).text();
    assert.ok(!closed.includes('/buoc"'));
    assert.equal((await clerk.get(`${REGISTER}/${id}/phieu/03`)).status, 404);
    assert.equal((await clerk.get(`${REGISTER}/${id}/phieu/04`)).status, 404);
    assert.equal((await clerk.get(`${REGISTER}/${id}/phieu/07`)).status, 404);
    assert.equal((await clerk.get(`${REGISTER}/999999/phieu/01`)).status, 404);
    const returned = await (await clerk.get(`${REGISTER}?trang-thai=returned`)).text();
    assert.ok(returned.includes('Đã trả kết quả'));
  });

  test('two forms posted with the same version: the second gets a conflict', async () => {
    const id = await receive('Phạm Thị Dung');
    const v = await versionOf(clerk, id);
    const first = await leader.post(`${REGISTER}/${id}/buoc`, { version: v, to: 'assigned', assignee_id: officerId });
    assert.equal(first.status, 303);
    const second = await clerk.post(`${REGISTER}/${id}/buoc`, { version: v, to: 'refused', note: 'Không thuộc thẩm quyền' });
    assert.equal(second.status, 409);
    assert.ok((await second.text()).includes('Hồ sơ vừa được người khác xử lý'));
    assert.equal(rawSql(server, `SELECT status FROM dossier WHERE id = ${id}`), 'assigned');
  });

  test('the extension letter (04) before the due date, and its refusal after it', async () => {
    const id = await receive('Hoàng Văn Em');
    const due = rawSql(server, `SELECT due_on FROM dossier WHERE id = ${id}`);
    const later = new Date(`${due}T00:00:00Z`);
    later.setUTCDate(later.getUTCDate() + 7);
    const newDue = later.toISOString().slice(0, 10);
    const bad = await clerk.post(`${REGISTER}/${id}/gia-han`, { version: await versionOf(clerk, id), new_due_on: '31/02/2026', reason: 'x' });
    assert.equal(bad.status, 422);
    assert.ok((await bad.text()).includes('dd/mm/yyyy'));
    const res = await clerk.post(`${REGISTER}/${id}/gia-han`, {
      version: await versionOf(clerk, id), new_due_on: isoToVi(newDue), reason: 'Chờ xác minh tại nơi cư trú trước',
    });
    assert.equal(res.status, 303);
    assert.equal(rawSql(server, `SELECT due_on FROM dossier WHERE id = ${id}`), newDue);
    const form04 = await (await clerk.get(`${REGISTER}/${id}/phieu/04`)).text();
    assert.ok(form04.includes('Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết'));
    assert.ok(form04.includes(isoToVi(due)), 'the original due date');
    assert.ok(form04.includes(isoToVi(newDue)), 'the new date');
    assert.ok(form04.includes('Chờ xác minh tại nơi cư trú trước'));

    // Another dossier whose due date has passed: the letter comes too late.
    const late = await receive('Đỗ Thị Giang');
    rawSql(server, `UPDATE dossier SET due_on = '2020-01-06' WHERE id = ${late}`);
    const refused = await clerk.post(`${REGISTER}/${late}/gia-han`, {
      version: await versionOf(clerk, late), new_due_on: '2099-01-01', reason: 'Chậm',
    });
    assert.equal(refused.status, 422);
    assert.ok((await refused.text()).includes('06/01/2020'));
    assert.equal(rawSql(server, `SELECT COUNT(*) FROM dossier_event WHERE dossier_id = ${late} AND kind = 'extension'`), '0');
    const register = await (await clerk.get(REGISTER)).text();
    assert.match(register, /<tr class="late"><td><a href="\/quan-ly\/ho-so\/\d+">[^<]+<\/a><\/td><td>[^<]*<\/td><td>Đỗ Thị Giang<\/td>/);

    // Refusal (03) and stop at the applicant's request (05), each with its reason.
    assert.equal((await step(clerk, late, { to: 'refused', note: '' })).status, 422);
    assert.equal((await step(clerk, late, { to: 'refused', note: 'Không thuộc thẩm quyền của xã' })).status, 303);
    assert.ok((await (await clerk.get(`${REGISTER}/${late}/phieu/03`)).text()).includes('Không thuộc thẩm quyền của xã'));
    assert.equal((await step(clerk, id, { to: 'stopped', note: 'Người nộp xin rút hồ sơ' })).status, 303);
    const form05 = await (await clerk.get(`${REGISTER}/${id}/phieu/05`)).text();
    assert.ok(form05.includes('Thông báo dừng giải quyết hồ sơ'));
    assert.ok(form05.includes('Người nộp xin rút hồ sơ'));
  });

  test('the register filters by procedure and status and pages newest first', async () => {
    const copy = await clerk.post(INTAKE, {
      procedure: '2.000815', applicant_name: 'Vũ Văn Hải', channel: 'post', doc_0: 'Bản chính giấy tờ văn bản',
    });
    assert.equal(copy.status, 303);
    const onlyCopies = await (await clerk.get(`${REGISTER}?thu-tuc=2.000815`)).text();
    assert.ok(onlyCopies.includes('Vũ Văn Hải'));
    assert.ok(!onlyCopies.includes('Nguyễn Văn An'));
    const refused = await (await clerk.get(`${REGISTER}?trang-thai=refused`)).text();
    assert.ok(refused.includes('Đỗ Thị Giang') && !refused.includes('Vũ Văn Hải'));
    assert.equal((await clerk.get(`${REGISTER}?trang-thai=bogus`)).status, 400);
    assert.equal((await clerk.get(`${REGISTER}?truoc=abc`)).status, 400);

    const have = Number(rawSql(server, 'SELECT COUNT(*) FROM dossier'));
    for (let i = have; i < 53; i++) await receive(`Người nộp ${i}`);
    const rows = (html) => [...html.matchAll(/<tr(?: class="late")?><td><a href="\/quan-ly\/ho-so\/(\d+)">/g)].map((m) => Number(m[1]));
    const first = await (await clerk.get(REGISTER)).text();
    const page1 = rows(first);
    assert.equal(page1.length, 50);
    assert.deepEqual(page1, [...page1].sort((a, b) => b - a), 'newest first');
    const next = first.match(/href="([^"]+)" rel="next"/);
    assert.ok(next, 'a link to the next page');
    const page2 = rows(await (await clerk.get(next[1].replaceAll('&amp;', '&'))).text());
    assert.equal(page2.length, 3);
    assert.ok(Math.max(...page2) < Math.min(...page1), 'the next page continues after the last id');
  });

  test('a citizen is refused every staff route; an officer may not receive', async () => {
    const id = rawSql(server, 'SELECT MIN(id) FROM dossier');
    for (const path of [REGISTER, INTAKE, `${REGISTER}/${id}`, `${REGISTER}/${id}/phieu/01`, `${REGISTER}/${id}/phieu/06`]) {
      assert.equal((await citizen.get(path)).status, 403, path);
    }
    for (const path of [INTAKE, `${REGISTER}/${id}/buoc`, `${REGISTER}/${id}/gia-han`]) {
      assert.equal((await citizen.post(path, { version: '1', to: 'assigned' })).status, 403, path);
    }
    assert.equal((await officer.get(INTAKE)).status, 403);
    assert.equal((await officer.post(INTAKE, { procedure: PROCEDURE })).status, 403);
  });
});
