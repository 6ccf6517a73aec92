-- Indexes for the job executor's acquisition query, which every node runs each time it looks for due jobs (a few
-- times a second in a burst). With job-executor-acquire-by-due-date (application.yaml) it reads the due jobs in due
-- order from PD_IDX_JOB_DUEDATE and stops at the first few it can take, instead of reading the whole job table, where
-- each open proposal keeps its reminder timers. Its check that no other job of the same process instance is running
-- reads the locked jobs from PD_IDX_JOB_LOCK_EXP (jobs not locked have no lock expiry) instead of the whole table.
-- Measured by ReminderBurstBenchmark (docs/benchmarks/reminder-burst-3000.md).
CREATE INDEX PD_IDX_JOB_DUEDATE ON ACT_RU_JOB (DUEDATE_);

CREATE INDEX PD_IDX_JOB_LOCK_EXP ON ACT_RU_JOB (LOCK_EXP_TIME_);
