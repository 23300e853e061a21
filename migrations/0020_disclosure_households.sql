-- 0020_disclosure_households.sql: the poor-household review list of a disclosure item whose
-- type has the structure 'households' (disclosure::HouseholdRepository, ADR 0016), and the
-- objections to it. Only what the law makes public is held (LEGAL.md §9, §11): the head of
-- household's name, the village and the class. There are no columns for ID numbers, incomes,
-- phones or scores, on purpose: the import refuses them too.
CREATE TABLE disclosure_household (
  id {{ID}},
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  item_id BIGINT NOT NULL REFERENCES disclosure_item(id),
  head_name TEXT NOT NULL CHECK (length(head_name) > 0),
  village_id BIGINT NOT NULL REFERENCES village(id),
  class TEXT NOT NULL CHECK (class IN ('ngheo', 'can_ngheo', 'thoat_ngheo')),
  -- listed: on the posted list; removed: on it, taken off by an upheld objection; added: put on
  -- by an upheld objection. The posted list is listed + removed, the final one listed + added.
  status TEXT NOT NULL CHECK (status IN ('listed', 'removed', 'added'))
);
CREATE INDEX disclosure_household_item ON disclosure_household (item_id, village_id, head_name);

-- An objection names a listed household (household_id) or, with household_id NULL, proposes
-- one that is missing (proposed_*). The objector's name is for staff alone.
CREATE TABLE disclosure_objection (
  id {{ID}},
  commune_id BIGINT NOT NULL REFERENCES commune(id),
  item_id BIGINT NOT NULL REFERENCES disclosure_item(id),
  household_id BIGINT REFERENCES disclosure_household(id),
  proposed_head_name TEXT NOT NULL DEFAULT '',
  proposed_village_id BIGINT REFERENCES village(id),
  proposed_class TEXT CHECK (proposed_class IN ('ngheo', 'can_ngheo', 'thoat_ngheo')),
  received_on TEXT NOT NULL,  -- ISO date
  objector TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL CHECK (length(body) > 0),
  settled_on TEXT,            -- ISO date; NULL while open
  outcome TEXT CHECK (outcome IN ('upheld', 'rejected')),
  answer TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  CHECK ((settled_on IS NULL) = (outcome IS NULL)),
  CHECK (household_id IS NOT NULL OR (proposed_village_id IS NOT NULL AND proposed_class IS NOT NULL))
);
CREATE INDEX disclosure_objection_item ON disclosure_objection (item_id, received_on);
