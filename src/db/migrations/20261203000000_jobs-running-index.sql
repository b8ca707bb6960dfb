-- Every poll looks for running jobs whose heartbeat went silent (their process died); keep that an index probe
-- as the jobs table grows with scheduled runs.
CREATE INDEX jobs_running_idx ON jobs (heartbeat_at) WHERE status = 'running';
