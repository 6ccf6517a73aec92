-- The document numbers (文号) of the bureau's letters: one counter per year, raised in the sign-off's transaction, so a
-- number is never reused and a rolled-back sign-off leaves no gap.
CREATE TABLE pd_letter_counter (
    counter_year INT NOT NULL PRIMARY KEY,
    last_number  INT NOT NULL
);

-- A signed letter as it went out: its number and both files, so that a later template change does not alter it.
CREATE TABLE pd_reply_letter (
    reply_id        BIGINT       NOT NULL PRIMARY KEY REFERENCES pd_reply (id),
    proposal_id     BIGINT       NOT NULL REFERENCES pd_proposal (id),
    number_year     INT          NOT NULL,
    number_in_year  INT          NOT NULL,
    document_number VARCHAR(100) NOT NULL,
    signed_by       VARCHAR(64),
    signed_on       DATE         NOT NULL,
    docx_name       VARCHAR(200) NOT NULL,
    docx            BYTEA        NOT NULL,
    pdf_name        VARCHAR(200) NOT NULL,
    pdf             BYTEA        NOT NULL,
    created_at      TIMESTAMP    NOT NULL,
    CONSTRAINT pd_reply_letter_number UNIQUE (number_year, number_in_year),
    CONSTRAINT pd_reply_letter_document_number UNIQUE (document_number)
);
CREATE INDEX pd_reply_letter_proposal ON pd_reply_letter (proposal_id);

-- the latest signed letter's number, shown with the proposal
ALTER TABLE pd_proposal ADD COLUMN document_number VARCHAR(100);
