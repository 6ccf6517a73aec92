-- Members' liaison (属地负责、分片包干): each member has a liaison department and a liaison person
-- (a Camunda user id), and contacts outside a proposal are recorded in pd_communication with stage
-- LIAISON and no proposal.
ALTER TABLE pd_member ADD COLUMN liaison_department VARCHAR(40) REFERENCES pd_department (code);
ALTER TABLE pd_member ADD COLUMN liaison_user VARCHAR(64);
CREATE INDEX pd_member_district ON pd_member (district);
CREATE INDEX pd_communication_member ON pd_communication (member_id, contact_date);
