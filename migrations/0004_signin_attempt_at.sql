-- RecordSigninAttempt deletes attempts older than a day; this index keeps that cheap.
CREATE INDEX signin_attempt_at ON signin_attempt (at);
