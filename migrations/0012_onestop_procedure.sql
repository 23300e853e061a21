-- The one-stop shop's procedure catalogue (thủ tục hành chính; PRODUCT.md part 9, LEGAL.md §7),
-- one list per commune, copied from the province's published catalogue. The lists (steps,
-- documents, fees) are JSON text: they are read and written whole with their procedure, never
-- queried apart. Fees are whole đồng. search_folded holds core::FoldVietnamese of the code, name
-- and field, written by the repository, so that "khai sinh" finds "Đăng ký khai sinh" on both
-- back-ends (see 0011_feedback_search.sql).
CREATE TABLE procedure (
  id {{ID}},
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  code TEXT NOT NULL,                           -- the TTHC code, "1.001193"
  name TEXT NOT NULL,
  field TEXT NOT NULL,                          -- lĩnh vực
  steps TEXT NOT NULL,                          -- JSON array of text, in order
  same_day INTEGER NOT NULL DEFAULT 0,
  working_days INTEGER NOT NULL DEFAULT 0,      -- when not same_day
  fees TEXT NOT NULL DEFAULT '[]',              -- JSON array of {kind, name, amount_dong, per}
  documents TEXT NOT NULL,                      -- JSON array of text
  legal_basis TEXT NOT NULL,
  online_level TEXT NOT NULL CHECK (online_level IN ('full', 'partial', 'none')),
  unit_code TEXT NOT NULL,
  to_verify INTEGER NOT NULL DEFAULT 0,
  search_folded TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  UNIQUE (commune_id, code)
);
