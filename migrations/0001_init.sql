-- The foundation schema. Written once for SQLite and PostgreSQL: the migrator replaces
-- {{ID}} with the dialect's auto-increment primary key and nothing else. Times are Unix
-- seconds (BIGINT), dates are 'YYYY-MM-DD' text, flags are 0/1 integers.
-- Every table carries commune_id so that a province hosts all its communes in one database
-- and the data can later be distributed by commune.

CREATE TABLE commune (
  id {{ID}},
  slug TEXT NOT NULL UNIQUE,                  -- the URL segment: /xa/{slug}/
  name TEXT NOT NULL,
  province TEXT NOT NULL,
  -- The level a commune reports to is data: a district before 01/07/2025, the province after.
  level_above TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  about_vi TEXT NOT NULL DEFAULT '',
  about_en TEXT NOT NULL DEFAULT '',
  content_version BIGINT NOT NULL DEFAULT 0,  -- bumped on every public change; keys page caches
  created_at BIGINT NOT NULL
);

CREATE TABLE village (
  id {{ID}},
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('thon', 'to_dan_pho')),
  UNIQUE (commune_id, name)
);

CREATE TABLE unit (
  id {{ID}},
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  code TEXT NOT NULL,
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  UNIQUE (commune_id, code)
);

CREATE TABLE account (
  id {{ID}},
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('citizen', 'clerk', 'officer', 'leader', 'supervisor',
                                     'level_above', 'admin')),
  unit_id BIGINT REFERENCES unit(id),
  title TEXT NOT NULL DEFAULT '',
  -- Public contact details are stored only for leaders, whom the law asks to publish them.
  public_phone TEXT NOT NULL DEFAULT '',
  public_email TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  password_changed_at BIGINT NOT NULL
);
CREATE INDEX account_commune ON account (commune_id, role);

-- A session row stores the SHA-256 of the cookie token, never the token itself.
CREATE TABLE web_session (
  token_hash TEXT PRIMARY KEY,
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  account_id BIGINT NOT NULL REFERENCES account(id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX web_session_account ON web_session (account_id);

-- Sign-in attempts, for the per-account and per-IP limits; ip holds the address's keyed pseudonym
-- (web::IpPseudonym), never the address. commune_id is 0 when the
-- username does not exist.
CREATE TABLE signin_attempt (
  id {{ID}},
  commune_id BIGINT NOT NULL,
  username TEXT NOT NULL,
  ip TEXT NOT NULL,
  at BIGINT NOT NULL,
  succeeded INTEGER NOT NULL
);
CREATE INDEX signin_attempt_user ON signin_attempt (username, at);
CREATE INDEX signin_attempt_ip ON signin_attempt (ip, at);

-- The append-only audit log. hash = SHA-256(prev_hash || canonical entry); audit_head holds
-- the last link per commune and is updated in the same transaction, which also serialises
-- writers of one commune's chain on PostgreSQL.
CREATE TABLE audit_entry (
  id {{ID}},
  commune_id BIGINT NOT NULL,
  seq BIGINT NOT NULL,
  at BIGINT NOT NULL,
  actor_id BIGINT NOT NULL,
  actor TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  action TEXT NOT NULL,
  summary TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  UNIQUE (commune_id, seq)
);

CREATE TABLE audit_head (
  commune_id BIGINT PRIMARY KEY,
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL
);

CREATE TABLE announcement (
  id {{ID}},
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  published_at BIGINT NOT NULL,
  author_id BIGINT REFERENCES account(id)
);
CREATE INDEX announcement_recent ON announcement (commune_id, published_at);

-- Documents the commune issued or received (plans, decisions), e.g. Plan 11/KH-UBND.
CREATE TABLE document (
  id {{ID}},
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  number TEXT NOT NULL,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  issued_on TEXT NOT NULL,
  issuer TEXT NOT NULL,
  body TEXT NOT NULL,
  UNIQUE (commune_id, number)
);

-- The rule book: every legal number is a dated row (PRODUCT.md decision 2). commune_id 0
-- holds the national rules; a commune row overrides it from its own date.
CREATE TABLE legal_rule (
  id {{ID}},
  commune_id BIGINT NOT NULL DEFAULT 0,
  rule_key TEXT NOT NULL,
  value TEXT NOT NULL,
  unit TEXT NOT NULL CHECK (unit IN ('working_days', 'calendar_days', 'days', 'share',
                                     'count', 'text')),
  effective_from TEXT NOT NULL,
  legal_basis TEXT NOT NULL,
  confidence TEXT NOT NULL CHECK (confidence IN ('V', 'S', 'M', 'I')),
  UNIQUE (commune_id, rule_key, effective_from)
);
