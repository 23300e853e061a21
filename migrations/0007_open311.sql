-- Open311 GeoReport v2 (OPEN311.md): the api_keys of the systems that may POST requests. A key
-- is stored only as the SHA-256 hex of its text (printed once by `xaso open311 key create`);
-- revoking sets revoked_at, so that the audit trail keeps the key's name.
CREATE TABLE open311_key (
  id {{ID}},
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  name TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT
);

-- GET requests selects by date of receipt, newest first.
CREATE INDEX feedback_received ON feedback (commune_id, received_at, id);
