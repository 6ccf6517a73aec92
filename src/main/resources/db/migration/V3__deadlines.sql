-- Deadlines fixed at registration on the working-day calendar, and the calendar's warning when one of
-- them falls in a year whose holiday arrangements were not yet published.

ALTER TABLE pd_proposal ADD COLUMN sign_for_due DATE;
ALTER TABLE pd_proposal ADD COLUMN first_contact_due DATE;
ALTER TABLE pd_proposal ADD COLUMN hard_limit_due DATE;
ALTER TABLE pd_proposal ADD COLUMN calendar_warning VARCHAR(500);
