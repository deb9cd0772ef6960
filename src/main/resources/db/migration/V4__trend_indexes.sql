-- Trends of failure rates per branch scan the last 35 days of run_days by branch: the window index
-- carries the branch too, so SQLite never visits the table rows for it.
CREATE INDEX run_days_window_branch ON run_days (day, repo, workflow, branch, runs, failed_runs);
DROP INDEX run_days_window;
-- "Back after a fix" in one repository: that repository's latest fix of a pattern, in one index seek.
CREATE INDEX jobs_fixes_by_repo ON jobs (fingerprint, repo, fixed_at) WHERE fixed_at IS NOT NULL;
