-- What a line of the public register shows, kept on the item (issue 7, "public list pages under
-- 5 ms"): the day it first went out on any channel and its number of files. They were
-- correlated subqueries over disclosure_posting and disclosure_attachment on every list read.
-- The repository rewrites both in the transaction that adds a posting or adds or removes a file
-- (RefreshDisclosureLine); postings are never deleted and their start never changes.
ALTER TABLE disclosure_item ADD COLUMN first_out TEXT;
ALTER TABLE disclosure_item ADD COLUMN files INTEGER NOT NULL DEFAULT 0;
UPDATE disclosure_item SET
  first_out = (SELECT MIN(p.started_on) FROM disclosure_posting p WHERE p.item_id = disclosure_item.id),
  files = (SELECT COUNT(*) FROM disclosure_attachment a WHERE a.item_id = disclosure_item.id);
-- The personal-data lists on the board today: published items of a few types whose first day
-- out is within the longest posting window.
CREATE INDEX disclosure_item_out ON disclosure_item (commune_id, status, first_out);
-- The register's count and years (published, a few personal-data types left out) read this
-- index alone once it holds the type as well.
DROP INDEX disclosure_item_status;
CREATE INDEX disclosure_item_status ON disclosure_item (commune_id, status, year, type_code);
