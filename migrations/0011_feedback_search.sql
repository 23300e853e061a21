-- The questions and answers (hỏi đáp) are searched without diacritics or case: "cong khai"
-- finds "Công khai". search_folded holds core::FoldVietnamese of the title, the description and
-- the answer, written by the repository on receipt and on each answer (SQL cannot fold
-- Vietnamese the same way on SQLite and PostgreSQL). Items received before this migration have
-- it empty until their next answer; there were no installations with data before it.
ALTER TABLE feedback ADD COLUMN search_folded TEXT NOT NULL DEFAULT '';
CREATE INDEX feedback_faq ON feedback (commune_id, kind, id);
