-- The recommendation shown to the office and whether the office overrode it.
ALTER TABLE pd_assignment ADD COLUMN recommended_lead VARCHAR(40);
ALTER TABLE pd_assignment ADD COLUMN overridden BOOLEAN NOT NULL DEFAULT FALSE;
