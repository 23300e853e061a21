-- Public feedback submissions by address, for the hourly limit per IP address
-- (feedback.max_per_ip_per_hour), and Open311 requests by api_key. ip_hash is the sender's
-- pseudonym: a keyed HMAC of the address (security.ip_key), or "open311-key:ID"; no address is
-- kept, and rows older than an hour are deleted as new ones are recorded.
CREATE TABLE feedback_submission (
  id {{ID}},
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  ip_hash TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX feedback_submission_ip ON feedback_submission (ip_hash, at);
