-- The plan and its execution (PRODUCT.md parts 1 and 2): plans, tasks per PAPI dimension,
-- evidence files, inspections with findings, supervisory recommendations, and the outbox that
-- carries every notice. Overdue is never stored: it is derived from the deadline and the
-- legal calendar when read (domain/plan/deadline.h).

CREATE TABLE plan (
  id {{ID}},
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  year INTEGER NOT NULL,
  number TEXT NOT NULL,                         -- "11/KH-UBND"
  issued_on TEXT NOT NULL,
  title TEXT NOT NULL,
  goal TEXT NOT NULL DEFAULT '',
  document_id BIGINT REFERENCES document(id),   -- the plan's own text, when recorded
  created_at BIGINT NOT NULL,
  UNIQUE (commune_id, year, number)
);

CREATE TABLE plan_task (
  id {{ID}},
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  plan_id BIGINT NOT NULL REFERENCES plan(id),
  parent_id BIGINT REFERENCES plan_task(id),
  section TEXT NOT NULL DEFAULT '',             -- the plan section it implements: "II.1.3"
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  dimension INTEGER NOT NULL CHECK (dimension BETWEEN 1 AND 8),
  lead_unit_id BIGINT NOT NULL REFERENCES unit(id),
  starts_on TEXT NOT NULL,
  due_on TEXT,                                  -- NULL for a recurring or ongoing task
  recurrence TEXT NOT NULL DEFAULT 'none'
    CHECK (recurrence IN ('none', 'quarterly', 'half_yearly', 'yearly', 'ongoing')),
  status TEXT NOT NULL DEFAULT 'not_started'
    CHECK (status IN ('not_started', 'in_progress', 'done')),
  progress INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  -- For a recurring task: the day the work of its latest period was reported done.
  last_done_on TEXT,
  done_on TEXT,
  version INTEGER NOT NULL DEFAULT 1,           -- optimistic locking: a stale edit gets 409
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX plan_task_board ON plan_task (commune_id, plan_id, dimension, id);
CREATE INDEX plan_task_unit_due ON plan_task (commune_id, lead_unit_id, status, due_on);
CREATE INDEX plan_task_open_due ON plan_task (commune_id, status, due_on);
CREATE INDEX plan_task_parent ON plan_task (parent_id);

-- The PAPI sub-dimensions a task serves (codes of data/papi/subdimensions.csv).
CREATE TABLE plan_task_subdimension (
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  task_id BIGINT NOT NULL REFERENCES plan_task(id),
  code TEXT NOT NULL,
  PRIMARY KEY (task_id, code)
);
CREATE INDEX plan_task_subdimension_code ON plan_task_subdimension (commune_id, code);

-- Coordinating units (the lead unit is on plan_task).
CREATE TABLE plan_task_unit (
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  task_id BIGINT NOT NULL REFERENCES plan_task(id),
  unit_id BIGINT NOT NULL REFERENCES unit(id),
  PRIMARY KEY (task_id, unit_id)
);
CREATE INDEX plan_task_unit_unit ON plan_task_unit (commune_id, unit_id);

-- The task's history, never overwritten: creation, each progress report, comments, files.
CREATE TABLE plan_task_event (
  id {{ID}},
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  task_id BIGINT NOT NULL REFERENCES plan_task(id),
  at BIGINT NOT NULL,
  actor_id BIGINT NOT NULL,
  actor_name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('create', 'edit', 'progress', 'comment', 'evidence')),
  status TEXT NOT NULL DEFAULT '',
  progress INTEGER,
  body TEXT NOT NULL DEFAULT ''
);
CREATE INDEX plan_task_event_task ON plan_task_event (task_id, id);

-- Files are stored once per commune by the SHA-256 of their bytes, base64 in a TEXT column so
-- that SQLite and PostgreSQL store them the same way (docs/decisions/0005-files-in-database.md).
CREATE TABLE file_blob (
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  sha256 TEXT NOT NULL,
  size BIGINT NOT NULL,
  data TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (commune_id, sha256)
);

CREATE TABLE plan_task_evidence (
  id {{ID}},
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  task_id BIGINT NOT NULL REFERENCES plan_task(id),
  sha256 TEXT NOT NULL,
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  is_public INTEGER NOT NULL DEFAULT 0,
  uploaded_by BIGINT NOT NULL,
  uploaded_at BIGINT NOT NULL
);
CREATE INDEX plan_task_evidence_task ON plan_task_evidence (task_id, id);

-- Inspections (plan II.4): of a unit, or of a subject such as the one-stop desk or a livestock
-- farm; each finding has a responsible unit and a remediation deadline; re-inspections close
-- or reopen it.
CREATE TABLE inspection (
  id {{ID}},
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  kind TEXT NOT NULL CHECK (kind IN ('planned', 'unannounced')),
  unit_id BIGINT REFERENCES unit(id),           -- the unit inspected, if a unit
  subject TEXT NOT NULL DEFAULT '',             -- otherwise what: "Cơ sở chăn nuôi ..."
  topic TEXT NOT NULL,
  dimension INTEGER CHECK (dimension BETWEEN 1 AND 8),
  scheduled_on TEXT NOT NULL,
  conducted_on TEXT,
  conclusion TEXT NOT NULL DEFAULT '',
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX inspection_commune ON inspection (commune_id, scheduled_on, id);

CREATE TABLE inspection_finding (
  id {{ID}},
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  inspection_id BIGINT NOT NULL REFERENCES inspection(id),
  description TEXT NOT NULL,
  responsible_unit_id BIGINT NOT NULL REFERENCES unit(id),
  remediation_due_on TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  sanction TEXT NOT NULL DEFAULT '',            -- the sanction decided, if any
  closed_on TEXT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX inspection_finding_open ON inspection_finding (commune_id, status,
                                                            remediation_due_on);
CREATE INDEX inspection_finding_inspection ON inspection_finding (inspection_id);

CREATE TABLE inspection_recheck (
  id {{ID}},
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  finding_id BIGINT NOT NULL REFERENCES inspection_finding(id),
  checked_on TEXT NOT NULL,
  remedied INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  new_due_on TEXT,                              -- a reopened finding's new deadline
  actor_id BIGINT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX inspection_recheck_finding ON inspection_recheck (finding_id, id);

-- Recommendations of the Fatherland Front and the boards (plan III.3; LEGAL.md §2.6). The
-- due date is computed at intake from the rule version then in force, which is kept.
CREATE TABLE supervision_recommendation (
  id {{ID}},
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  body TEXT NOT NULL CHECK (body IN ('mttq', 'bttnd', 'bgsdtcd')),
  reference TEXT NOT NULL DEFAULT '',           -- the supervising body's document number
  received_on TEXT NOT NULL,
  title TEXT NOT NULL,
  content TEXT NOT NULL,
  assigned_unit_id BIGINT REFERENCES unit(id),
  rule_key TEXT NOT NULL,
  rule_effective_from TEXT NOT NULL,
  due_on TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered')),
  answer TEXT NOT NULL DEFAULT '',
  answer_reference TEXT NOT NULL DEFAULT '',
  answered_on TEXT,
  recorded_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX supervision_open ON supervision_recommendation (commune_id, status, due_on);

-- The outbox (PRODUCT.md decision 4): written in the transaction of the change that causes
-- it, delivered by a worker through the notifier adapters. dedupe_key makes a scan that runs
-- twice harmless.
CREATE TABLE outbox (
  id {{ID}},
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  dedupe_key TEXT NOT NULL,
  recipient_unit_id BIGINT REFERENCES unit(id),
  recipient_role TEXT NOT NULL DEFAULT '',      -- or every account of a role, e.g. 'leader'
  subject TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  link TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  delivered_at BIGINT,
  attempts INTEGER NOT NULL DEFAULT 0,
  UNIQUE (commune_id, dedupe_key)
);
CREATE INDEX outbox_pending ON outbox (delivered_at, id);

-- The in-app adapter's mailbox: one row per recipient account.
CREATE TABLE notice (
  id {{ID}},
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  account_id BIGINT NOT NULL REFERENCES account(id),
  outbox_id BIGINT NOT NULL REFERENCES outbox(id),
  subject TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  link TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  read_at BIGINT,
  UNIQUE (account_id, outbox_id)
);
CREATE INDEX notice_account ON notice (account_id, id);
