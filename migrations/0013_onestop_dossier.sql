-- Dossiers of the one-stop shop (issue 5, part 2; LEGAL.md §7.1, forms 01-07 of TT 03/2025/
-- TT-VPCP). The procedure's time limit, name, field and unit are copied at receipt, so that an
-- edit of the catalogue does not move the dates or the statistics of dossiers received before it.
-- Lists (documents received) are JSON text, read and written with their dossier.

-- The commune's agency code (mã định danh điện tử, QĐ 20/2020/QĐ-TTg), the first part of the
-- codes the desk mints. Empty until set: the desk then uses the commune's slug.
ALTER TABLE commune ADD COLUMN agency_code TEXT NOT NULL DEFAULT '';

CREATE TABLE dossier (
  id {{ID}},
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  code TEXT NOT NULL,
  procedure_code TEXT NOT NULL,
  procedure_name TEXT NOT NULL,
  field TEXT NOT NULL,
  unit_code TEXT NOT NULL,
  same_day INTEGER NOT NULL,
  working_days INTEGER NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('desk', 'online', 'post')),
  applicant_name TEXT NOT NULL,
  applicant_phone TEXT NOT NULL DEFAULT '',
  applicant_address TEXT NOT NULL DEFAULT '',
  documents TEXT NOT NULL,                      -- JSON array of text
  received_at BIGINT NOT NULL,
  received_month TEXT NOT NULL,                 -- 'YYYY-MM' in Vietnam, the statistics' month
  due_on TEXT NOT NULL,                         -- in force, moved by supplements and form 04
  first_due_on TEXT NOT NULL,                   -- as on form 01
  status TEXT NOT NULL CHECK (status IN ('received', 'assigned', 'processing',
    'supplement_requested', 'result_ready', 'returned', 'refused', 'stopped')),
  assignee_id BIGINT REFERENCES account(id),
  finished_at BIGINT,
  timeliness TEXT NOT NULL DEFAULT '',          -- early, on_time, late once the result is ready
  returned_at BIGINT,
  extensions INTEGER NOT NULL DEFAULT 0,
  satisfaction TEXT NOT NULL DEFAULT '',        -- the applicant's anonymous evaluation
  satisfaction_comment TEXT NOT NULL DEFAULT '',
  rated_at BIGINT,
  version BIGINT NOT NULL DEFAULT 1,
  UNIQUE (commune_id, code)
);
CREATE INDEX dossier_register ON dossier (commune_id, id);

-- The process-control sheet (form 06): one row per hand-over, extension or evaluation, appended
-- and never updated.
CREATE TABLE dossier_event (
  id {{ID}},
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  dossier_id BIGINT NOT NULL REFERENCES dossier(id),
  at BIGINT NOT NULL,
  actor_id BIGINT NOT NULL DEFAULT 0,
  actor_name TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL CHECK (kind IN ('status', 'extension')),
  from_status TEXT NOT NULL DEFAULT '',
  to_status TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  missing TEXT NOT NULL DEFAULT '[]',           -- JSON array: form 02's missing items
  due_on TEXT                                   -- the due date after the event, when it moved
);
CREATE INDEX dossier_event_by_dossier ON dossier_event (dossier_id, id);

-- The day's last sequence number of the codes the desk minted, per commune.
CREATE TABLE dossier_sequence (
  commune_id BIGINT NOT NULL,
  day TEXT NOT NULL,
  last_value BIGINT NOT NULL,
  PRIMARY KEY (commune_id, day)
);

-- Statistics kept as dossiers change (storage/onestop/dossier_stats_delta.cc): dossiers by month
-- of receipt, procedure, unit, status, timeliness and evaluation, and for unfinished ones with a
-- running clock their due date, so that "overdue now" sums counts instead of scanning dossiers.
CREATE TABLE dossier_stat (
  commune_id BIGINT NOT NULL,
  month TEXT NOT NULL,
  procedure_code TEXT NOT NULL,
  procedure_name TEXT NOT NULL,
  field TEXT NOT NULL,
  unit_code TEXT NOT NULL,
  status TEXT NOT NULL,
  timeliness TEXT NOT NULL,
  satisfaction TEXT NOT NULL,
  due_on TEXT NOT NULL,                         -- '' when the clock is not running
  n BIGINT NOT NULL,
  PRIMARY KEY (commune_id, month, procedure_code, unit_code, status, timeliness, satisfaction,
               due_on)
);
CREATE INDEX dossier_stat_by_month ON dossier_stat (month, commune_id);

-- The limits on form 04 (apology and extension). NĐ 61/2018 Art 19 asked for the letter at
-- least 1 day before the due date and allowed one new date [M]; NĐ 118/2025 was not read, so
-- the 2018 values stay in force until a commune or a later version says otherwise.
INSERT INTO legal_rule (commune_id, rule_key, value, unit, effective_from, legal_basis, confidence) VALUES
(0, 'one_stop.extension_notice_min', '1', 'days', '2018-10-21', 'NĐ 61/2018/NĐ-CP, Điều 19(2)(b)', 'M'),
(0, 'one_stop.extension_max', '1', 'count', '2018-10-21', 'NĐ 61/2018/NĐ-CP, Điều 19(2)(b)', 'M');
