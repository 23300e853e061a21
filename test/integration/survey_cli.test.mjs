// `xaso surveys create` (issue 6): everything is checked before the first write, so a bad
// invocation leaves no survey behind, half-made or not.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rawSql, startServer, xaso } from './harness.mjs';

const HEADER = 'section,section_title_vi,section_title_en,key,type,required,text_vi,text_en,help_vi,options,min,max,min_label,max_label,show_if,indicator';
// Well formed, but its indicator is not in the PAPI catalogue: only CheckIndicators refuses it.
const UNKNOWN_INDICATOR = [
  HEADER,
  'a,Dịch vụ,Service,used,single,yes,Ông/bà có dùng dịch vụ này không?,Did you use it?,,co=Có|Yes|1; khong=Không|No|0,,,,,,9.9.z',
].join('\n') + '\n';
const GOOD = [
  HEADER,
  'a,Dịch vụ,Service,used,single,yes,Ông/bà có dùng dịch vụ này không?,Did you use it?,,co=Có|Yes; khong=Không|No,,,,,,',
].join('\n') + '\n';

function file(text) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'xaso-survey-cli-'));
  const f = path.join(dir, 'questions.csv');
  writeFileSync(f, text);
  return f;
}

describe('xaso surveys create', () => {
  let server;
  before(async () => { server = await startServer(); });
  after(async () => { await server?.stop(); });

  const surveys = () => Number(rawSql(server, 'SELECT COUNT(*) FROM survey'));
  const create = (extra) => xaso(['surveys', 'create', '--db', server.db, '--commune', 'nhat-tan',
    '--year', '2026', '--title', 'Khảo sát thử', ...extra]);

  test('a questionnaire the indicator check refuses writes nothing', () => {
    const before = surveys();
    const r = create(['--questions', file(UNKNOWN_INDICATOR), '--needs-code', '--open', '--codes', '3']);
    assert.notEqual(r.status, 0, r.stdout);
    assert.equal(surveys(), before);
  });

  test('--codes without --needs-code writes nothing', () => {
    const before = surveys();
    const codesBefore = rawSql(server, 'SELECT COUNT(*) FROM survey_code');
    for (const extra of [['--questions', file(GOOD)], ['--preset', 'health_station', '--open']]) {
      const r = create([...extra, '--codes', '3']);
      assert.notEqual(r.status, 0, r.stdout);
      assert.match(r.stderr, /--needs-code/);
    }
    assert.equal(surveys(), before);
    assert.equal(rawSql(server, 'SELECT COUNT(*) FROM survey_code'), codesBefore);
  });

  test('a good invocation makes the survey, opened, with its codes', () => {
    const before = surveys();
    const r = create(['--questions', file(GOOD), '--needs-code', '--open', '--codes', '3']);
    assert.equal(r.status, 0, r.stderr);
    const [first, ...codes] = r.stdout.trim().split('\n');
    const id = first.match(/^survey (\d+)$/)[1];
    assert.equal(codes.length, 3);
    assert.equal(surveys(), before + 1);
    assert.equal(rawSql(server, `SELECT status || ' ' || needs_code FROM survey WHERE id = ${id}`), 'open 1');
    assert.equal(rawSql(server, `SELECT COUNT(*) FROM survey_code WHERE survey_id = ${id}`), '3');
  });
});
