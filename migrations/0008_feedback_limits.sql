-- Public feedback submissions by address, for the hourly limit per IP address
-- (feedback.max_per_ip_per_hour). Only a SHA-256 of the address is kept, and rows older than an
-- hour are deleted as new ones are recorded, so the table stays small.
CREATE TABLE feedback_submission (
  id {{ID}},
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  ip_hash TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX feedback_submission_ip ON feedback_submission (ip_hash, at);
