-- An upload may move external ids between periods of one application (2026-07 takes 2026-08's id while 2026-08 takes
-- a new one). The service checks the result line by line under the application's lock; one INSERT … ON CONFLICT
-- writes the chunk in line order, so an immediate check could see an intermediate state. Checked at commit instead.
ALTER TABLE progress_report DROP CONSTRAINT progress_report_external_id_unique;
ALTER TABLE progress_report ADD CONSTRAINT progress_report_external_id_unique UNIQUE (application_id, external_id)
    DEFERRABLE INITIALLY DEFERRED;
