-- Typical cases (典型案例) the office picks for the year-end summary, and indexes for the summary's scope.
CREATE TABLE pd_typical_case (
    proposal_id  BIGINT        PRIMARY KEY REFERENCES pd_proposal (id),
    achievements VARCHAR(8000) NOT NULL,
    chosen_by    VARCHAR(64)   NOT NULL,
    chosen_at    TIMESTAMP     NOT NULL
);
CREATE INDEX pd_proposal_assigned_on ON pd_proposal (assigned_on);
CREATE INDEX pd_proposal_session ON pd_proposal (session_name);
CREATE INDEX pd_extension_proposal ON pd_extension (proposal_id, status);
