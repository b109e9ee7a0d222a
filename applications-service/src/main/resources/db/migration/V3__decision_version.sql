-- The version of the call's selection decision the application's status comes from: a later version (reserve
-- promotion, re-decision after an appeal) replaces an earlier one; an older one arriving late changes nothing.
ALTER TABLE application ADD COLUMN decision_version INTEGER;
