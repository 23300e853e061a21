-- Photos sent with a feedback item (issue 4). The bytes live once per commune in file_blob
-- (ADR 0005) and are always the scrubbed ones: no GPS position, camera or other metadata but
-- the orientation (ADR 0006); the original is never stored. The sender's file name is not
-- kept either, since it may name a person. `n` numbers an item's photos from 1 in the order
-- sent and is the {n} of /xa/{slug}/phan-anh/{code}/anh/{n}.
CREATE TABLE feedback_photo (
  id {{ID}},
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  feedback_id BIGINT NOT NULL REFERENCES feedback(id),
  n INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  UNIQUE (feedback_id, n)
);
