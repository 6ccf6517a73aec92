-- The mail as it went out (its plain-text part), for the office to read on the outbox page; NULL for mails recorded
-- before. A failure's reason in Chinese with the reference of its log line, which everyone with the outbox page sees,
-- apart from the error with the mail server's own words, which only administrators see.
ALTER TABLE pd_mail ADD COLUMN body VARCHAR(100000);
ALTER TABLE pd_mail ADD COLUMN reason VARCHAR(200);
-- the error of an earlier failure begins with its reason: 无法连接邮件服务器（Couldn't connect to host…）
UPDATE pd_mail SET reason = SUBSTRING(error FROM 1 FOR POSITION('（' IN error) - 1)
WHERE error IS NOT NULL AND POSITION('（' IN error) > 1 AND POSITION('（' IN error) <= 200;
