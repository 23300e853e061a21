-- Feedback statistics kept as items change (issue 4, part 6), so that a statistics page sums a
-- few thousand rows instead of scanning the items: FixMyStreet's admin statistics took 7 s at a
-- million reports. Every change of an item subtracts what it counted before and adds what it
-- counts after, in its own transaction (storage/feedback/feedback_stats_delta.cc). Merged
-- duplicates are not counted; hidden items are.

-- How long the current answer took, in working days after the day of receipt, and whether it
-- came by the answer date: computed with the legal calendar when answering, kept so that a
-- reopening can subtract it again. NULL while the item has no current answer. Items answered
-- before this migration have none (their answer time is not counted).
ALTER TABLE feedback ADD COLUMN answer_working_days INTEGER;
ALTER TABLE feedback ADD COLUMN answered_on_time INTEGER;

-- Items by month of receipt ('YYYY-MM'), category, unit (0: none), status and current rating.
CREATE TABLE feedback_stat (
  commune_id BIGINT NOT NULL,
  month TEXT NOT NULL,
  category_id BIGINT NOT NULL,
  unit_id BIGINT NOT NULL,
  status TEXT NOT NULL,
  rating TEXT NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (commune_id, month, category_id, unit_id, status, rating)
);

-- Items with a current answer by its answer time.
CREATE TABLE feedback_answer_stat (
  commune_id BIGINT NOT NULL,
  month TEXT NOT NULL,
  category_id BIGINT NOT NULL,
  unit_id BIGINT NOT NULL,
  working_days INTEGER NOT NULL,
  on_time INTEGER NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (commune_id, month, category_id, unit_id, working_days, on_time)
);

INSERT INTO feedback_stat (commune_id, month, category_id, unit_id, status, rating, n)
SELECT commune_id, substr(received_on, 1, 7), category_id, COALESCE(unit_id, 0), status, rating,
       COUNT(*)
FROM feedback WHERE merged_into IS NULL
GROUP BY commune_id, substr(received_on, 1, 7), category_id, COALESCE(unit_id, 0), status, rating;
