-- A signed letter's number, signer and date are stored in the sign-off's transaction; its .docx and PDF follow once the
-- sign-off has committed (letter/ReplyLetters), or at its first download when that did not happen (a node stopped).
ALTER TABLE pd_reply_letter ALTER COLUMN docx_name DROP NOT NULL;
ALTER TABLE pd_reply_letter ALTER COLUMN docx DROP NOT NULL;
ALTER TABLE pd_reply_letter ALTER COLUMN pdf_name DROP NOT NULL;
ALTER TABLE pd_reply_letter ALTER COLUMN pdf DROP NOT NULL;
