-- Surveys (issue 6, PRODUCT.md parts 10-11): questionnaires, their anonymous answer sheets and
-- the one-time codes (mã phiếu) that keep a survey to one answer per person.

-- The sections and questions are one JSON text column, `definition` ({"sections": [...],
-- "questions": [...]}, storage/survey/survey_definition.cc): they change only while the survey is
-- a draft, are always read and written whole, and responses refer to questions by key, not by a
-- row id. `response_count` is kept by the transactions that add responses, so the list of surveys
-- never counts answer sheets.
CREATE TABLE survey (
  id {{ID}},
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  preset TEXT NOT NULL DEFAULT '',
  year INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'open', 'closed')),
  needs_code INTEGER NOT NULL DEFAULT 0,
  definition TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  response_count BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
-- The list, newest first, with or without a status.
CREATE INDEX survey_by_commune ON survey (commune_id, id);

-- One answer sheet: no account, no code, no address; `answers` is JSON text
-- {"question key": ["value", ...]}. No FOREIGN KEY: on PostgreSQL the two per-row checks took two
-- thirds of the server's time in an import of 100,000 sheets (docs/performance.md, survey_bench).
-- Every write of responses first updates their survey's row (response_count) in the same
-- transaction, matching only the commune's own survey and locking it, and a survey that has
-- responses cannot be deleted (storage/survey/sql_survey_repository.cc).
CREATE TABLE survey_response (
  id {{ID}},
  survey_id BIGINT NOT NULL,
  commune_id BIGINT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('web', 'interview', 'import')),
  submitted_at BIGINT NOT NULL,
  weight DOUBLE PRECISION NOT NULL DEFAULT 1,
  answers TEXT NOT NULL
);
CREATE INDEX survey_response_by_survey ON survey_response (survey_id, id);

-- The one-time codes. Deliberately only whether a code was used: no time of use and no link to
-- the response it let in. A time of use would match the code to the response submitted at that
-- second, and the commune printed the code on a slip it may have handed to a known person, so
-- either would undo the anonymity a survey promises its respondents.
-- `id` only orders the codes as issued, for printing.
CREATE TABLE survey_code (
  id {{ID}},
  survey_id BIGINT NOT NULL REFERENCES survey(id),
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  code TEXT NOT NULL,
  used INTEGER NOT NULL DEFAULT 0,
  UNIQUE (survey_id, code)
);
-- The unused codes in the order issued, and the counts.
CREATE INDEX survey_code_unused ON survey_code (survey_id, used, id);
