-- The budget published as tables (issue 7 item 4(a); LEGAL.md §10): the revenue and spending
-- lines of a disclosure item whose type has the budget structure (budget_draft, ..._estimate,
-- ..._execution, ..._final_accounts). The lines are checked as a whole (disclosure/budget.h:
-- codes "1", "1.1" make the tree and parents add up) and replaced as a whole, so they carry
-- no id of their own: `position` is their order in the table.
CREATE TABLE disclosure_budget_line (
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  item_id BIGINT NOT NULL REFERENCES disclosure_item(id),
  position INTEGER NOT NULL,
  side TEXT NOT NULL CHECK (side IN ('revenue', 'spending')),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  estimate BIGINT NOT NULL CHECK (estimate >= 0),  -- đồng
  actual BIGINT CHECK (actual >= 0),              -- đồng; NULL in an estimate
  PRIMARY KEY (item_id, position),
  UNIQUE (item_id, side, code)
);
