-- The notification worker's daily scan of dossiers whose clock runs and whose result is due soon
-- (storage/onestop/sql_dossier_deadlines.cc): a partial index keeps it to those few rows among
-- millions of finished ones, on both back-ends.
CREATE INDEX dossier_running_due ON dossier (due_on)
  WHERE status IN ('received', 'assigned', 'processing');
