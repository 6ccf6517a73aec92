-- Indexes for the shared Tasklist filters (task/TasklistFilters) on the engine's own tables. Flyway runs after the
-- engine has created its ACT_* tables (process/EngineSchemaFirst), so these apply on a fresh database too.
-- Measured, with and without them, by TasklistQueryBenchmark.

-- 本处室待办 and 即将到期: the first page in the filters' order (due date, then creation) without sorting every task
-- of the group, and the due-date window of 即将到期 as an index range
CREATE INDEX PD_IDX_TASK_DUE_CREATE ON ACT_RU_TASK (DUE_DATE_, CREATE_TIME_);

-- the tasks of the user's candidate groups from the index alone, without visiting the identity links
CREATE INDEX PD_IDX_IDENT_LNK_GROUP_TASK ON ACT_RU_IDENTITYLINK (GROUP_ID_, TYPE_, TASK_ID_);
