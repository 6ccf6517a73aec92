-- Indexes for the engine's authorization checks on ACT_RU_AUTHORIZATION (security/AccessPolicy, TaskGrants). Every
-- query with authorization on joins the grants of the user and of the user's groups; the engine indexes the user only
-- behind TYPE_ (ACT_UNIQ_AUTH_USER), so "the user's or the groups' grants" was a scan of the whole table, once per
-- query. With both of these, PostgreSQL reads just those grants (a BitmapOr of the two). Plans before and after:
-- docs/benchmarks/tasklist-authorization-plans.md; measured by TasklistQueryBenchmark.
CREATE INDEX PD_IDX_AUTH_USER_RES ON ACT_RU_AUTHORIZATION (USER_ID_, RESOURCE_TYPE_);

CREATE INDEX PD_IDX_AUTH_GROUP_RES ON ACT_RU_AUTHORIZATION (GROUP_ID_, RESOURCE_TYPE_);
