-- Indexes for the case file (every record of one proposal) and the search (/api/proposals/search): PostgreSQL does not
-- index foreign keys by itself. Measured by CaseFileSearchBenchmark.
CREATE INDEX pd_sign_for_proposal ON pd_sign_for (proposal_id);
CREATE INDEX pd_objection_proposal ON pd_objection (proposal_id);
CREATE INDEX pd_assignment_proposal ON pd_assignment (proposal_id);
CREATE INDEX pd_assignment_dispute_proposal ON pd_assignment_dispute (proposal_id);
CREATE INDEX pd_opinion_proposal ON pd_opinion (proposal_id);
CREATE INDEX pd_reply_review_reply ON pd_reply_review (reply_id);
CREATE INDEX pd_evaluation_proposal ON pd_evaluation (proposal_id);
CREATE INDEX pd_follow_up_proposal ON pd_follow_up (proposal_id);

-- search: a department's proposals (lead or assisting), the filters on status and deadline, members by name
CREATE INDEX pd_proposal_lead_department ON pd_proposal (lead_department);
CREATE INDEX pd_proposal_status ON pd_proposal (status);
CREATE INDEX pd_proposal_answer_due ON pd_proposal (answer_due);
CREATE INDEX pd_proposal_lead_member ON pd_proposal (lead_member_id);
CREATE INDEX pd_assisting_department_code ON pd_proposal_assisting_department (department_code, proposal_id);
