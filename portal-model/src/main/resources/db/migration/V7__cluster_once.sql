-- A real retention run reports progress, so a run whose node died can be told from one that is working.
ALTER TABLE retention_run ADD COLUMN progressed_at TIMESTAMP WITH TIME ZONE;
