-- Statistics scan a window of days: indexes that lead with the day and carry every column those
-- scans read, so SQLite never visits the table rows (measured at 1M failures: see README).
CREATE INDEX pattern_days_window ON pattern_days (day, fingerprint, repo, failures, fixed, recovery_ms);
DROP INDEX pattern_days_by_day;
CREATE INDEX run_days_window ON run_days (day, repo, workflow, runs, failed_runs);
DROP INDEX run_days_by_day;
