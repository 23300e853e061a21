-- Citizen feedback and questions (phản ánh, kiến nghị, hỏi đáp; PRODUCT.md part 7): the
-- categories a commune answers (Open311 services), each item with its tracking code, its
-- statutory answer date under the rule version in force when it was received, its history, the
-- official answer and the citizen's rating. Personal data is kept only as the citizen gave it
-- and is never published, except a name the citizen chose to show.

CREATE TABLE feedback_category (
  id {{ID}},
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  code TEXT NOT NULL,                           -- the Open311 service_code
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  description_vi TEXT NOT NULL DEFAULT '',
  group_code TEXT NOT NULL DEFAULT '',          -- Open311 "group"
  unit_id BIGINT REFERENCES unit(id),           -- where new items are routed
  answer_days INTEGER,                          -- NULL: the rule book's feedback.answer_max
  active INTEGER NOT NULL DEFAULT 1,
  UNIQUE (commune_id, code)
);

CREATE TABLE feedback (
  id {{ID}},
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  tracking_code TEXT NOT NULL UNIQUE,
  category_id BIGINT NOT NULL REFERENCES feedback_category(id),
  kind TEXT NOT NULL CHECK (kind IN ('feedback', 'question')),
  channel TEXT NOT NULL
    CHECK (channel IN ('portal', 'in_person', 'phone', 'hotline', 'letter', 'open311')),
  title TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL,
  lat DOUBLE PRECISION,
  lon DOUBLE PRECISION,
  address TEXT NOT NULL DEFAULT '',
  village_id BIGINT REFERENCES village(id),
  citizen_name TEXT NOT NULL DEFAULT '',
  citizen_phone TEXT NOT NULL DEFAULT '',
  citizen_email TEXT NOT NULL DEFAULT '',
  show_name INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'received'
    CHECK (status IN ('received', 'assigned', 'in_progress', 'answered', 'closed', 'forwarded')),
  unit_id BIGINT REFERENCES unit(id),
  received_at BIGINT NOT NULL,
  received_on TEXT NOT NULL,
  rule_key TEXT NOT NULL,
  rule_effective_from TEXT NOT NULL,
  answer_days INTEGER NOT NULL,
  due_on TEXT NOT NULL,
  answer TEXT NOT NULL DEFAULT '',
  answered_at BIGINT,
  forwarded_to TEXT NOT NULL DEFAULT '',
  rating TEXT NOT NULL DEFAULT '' CHECK (rating IN ('', 'satisfied', 'unsatisfied')),
  rated_at BIGINT,
  hidden INTEGER NOT NULL DEFAULT 0,
  hidden_reason TEXT NOT NULL DEFAULT '',
  merged_into BIGINT REFERENCES feedback(id),
  entered_by BIGINT,                            -- the staff account that entered it, if any
  version INTEGER NOT NULL DEFAULT 1,
  updated_at BIGINT NOT NULL
);
CREATE INDEX feedback_public ON feedback (commune_id, hidden, id);
CREATE INDEX feedback_open_due ON feedback (commune_id, status, due_on);
CREATE INDEX feedback_category_idx ON feedback (commune_id, category_id, id);

CREATE TABLE feedback_event (
  id {{ID}},
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  feedback_id BIGINT NOT NULL REFERENCES feedback(id),
  at BIGINT NOT NULL,
  actor_id BIGINT NOT NULL,
  actor_name TEXT NOT NULL,
  status TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT ''
);
CREATE INDEX feedback_event_item ON feedback_event (feedback_id, id);
