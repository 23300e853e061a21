-- The public disclosure register (issue 7; Luật THDCCS 10/2022/QH15 Art 11–13, LEGAL.md §2):
-- what the commune made public, its files and every channel it went out on. The types are data
-- compiled in (data/disclosure/types.csv); an item names the type version it keeps by code and
-- effective_from, so a later version of a type never changes an item's obligations.
--
-- No uniqueness on (commune_id, type_code, period_key): a recurring item may be withdrawn and
-- published again after a correction, so DisclosureService decides what may coexist.
CREATE TABLE disclosure_item (
  id {{ID}},
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  type_code TEXT NOT NULL,
  type_effective_from TEXT NOT NULL,
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  year INTEGER NOT NULL,
  period_key TEXT NOT NULL DEFAULT '',           -- "2026-Q1", "2026"; '' for a decision
  decision_number TEXT NOT NULL DEFAULT '',
  decision_on TEXT,
  -- The day the lists order by (newest first): the decision date, else the period's last day,
  -- else the day the item was entered. Written by the repository.
  ref_on TEXT NOT NULL,
  unit_id BIGINT REFERENCES unit(id),            -- NULL: the UBND itself
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'withdrawn')),
  published_at BIGINT NOT NULL DEFAULT 0,
  withdrawn_reason TEXT NOT NULL DEFAULT '',
  -- core::FoldVietnamese of the title, summary and decision number, written by the repository
  -- on each change (as feedback.search_folded, migration 0011): "ngan sach" finds "Ngân sách".
  search_folded TEXT NOT NULL DEFAULT '',
  version BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  created_by BIGINT NOT NULL
);
-- The lists: by commune in date order, narrowed by type, year or status.
CREATE INDEX disclosure_item_list ON disclosure_item (commune_id, ref_on, id);
CREATE INDEX disclosure_item_type ON disclosure_item (commune_id, type_code, year);
CREATE INDEX disclosure_item_status ON disclosure_item (commune_id, status, year);
-- ItemsOfYear (the compliance of a commune's year) and Years.
CREATE INDEX disclosure_item_year ON disclosure_item (commune_id, year, id);

-- The files of an item; the bytes live once per commune in file_blob (ADR 0005). `n` numbers
-- an item's files from 1 and is the {n} of the download URL; a published file is never removed.
CREATE TABLE disclosure_attachment (
  id {{ID}},
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  item_id BIGINT NOT NULL REFERENCES disclosure_item(id),
  n INTEGER NOT NULL,
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size BIGINT NOT NULL,
  UNIQUE (item_id, n)
);

-- Each spell of an item on a channel (Art 12(1)): the notice boards, the radio, the portal...
-- Dates are ISO days counted inclusively (disclosure.h). The proof (a photo of the board, a
-- scan of the radio log) is in file_blob by its hash; '' when none.
CREATE TABLE disclosure_posting (
  id {{ID}},
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  item_id BIGINT NOT NULL REFERENCES disclosure_item(id),
  channel TEXT NOT NULL CHECK (channel IN ('notice_board', 'village_house', 'radio', 'portal',
                                           'village_head', 'meeting', 'other')),
  village_id BIGINT REFERENCES village(id),      -- village channels only
  started_on TEXT NOT NULL,
  until_on TEXT,                                 -- NULL: meant to stay up indefinitely
  taken_down_on TEXT,
  note TEXT NOT NULL DEFAULT '',
  proof_sha256 TEXT NOT NULL DEFAULT '',
  proof_content_type TEXT NOT NULL DEFAULT '',
  recorded_at BIGINT NOT NULL,
  recorded_by BIGINT NOT NULL
);
-- An item's postings in order; ItemsOfYear joins them to the year's items.
CREATE INDEX disclosure_posting_item ON disclosure_posting (item_id, started_on, id);
