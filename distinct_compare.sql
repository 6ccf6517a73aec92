CREATE TABLE tmp_bare_auth AS SELECT * FROM act_ru_authorization WHERE NOT (resource_type_ IN (8, 20) AND resource_id_ <> '*');
INSERT INTO tmp_bare_auth (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_)
  SELECT 'bare-' || r.t || '-' || i.task_id_, 1, 1, 'office', r.t, i.task_id_, 2
  FROM act_ru_identitylink i CROSS JOIN (VALUES (7), (19)) r(t) WHERE i.type_ = 'candidate' AND i.group_id_ = 'office';
CREATE INDEX tmp_bare_auth_group ON tmp_bare_auth (group_id_);
VACUUM ANALYZE tmp_bare_auth;
SELECT count(*) AS bare_rows FROM tmp_bare_auth;
SELECT count(*) AS our_rows FROM act_ru_authorization;
\timing on
\echo ours
SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A \g /dev/null
SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A \g /dev/null
SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A \g /dev/null
SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A \g /dev/null
SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A \g /dev/null
\echo bare
SELECT distinct(A.GROUP_ID_) FROM tmp_bare_auth A \g /dev/null
SELECT distinct(A.GROUP_ID_) FROM tmp_bare_auth A \g /dev/null
SELECT distinct(A.GROUP_ID_) FROM tmp_bare_auth A \g /dev/null
SELECT distinct(A.GROUP_ID_) FROM tmp_bare_auth A \g /dev/null
SELECT distinct(A.GROUP_ID_) FROM tmp_bare_auth A \g /dev/null
\timing off
DROP TABLE tmp_bare_auth;
