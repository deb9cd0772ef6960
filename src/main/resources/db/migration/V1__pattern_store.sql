-- The pattern store, for SQLite and PostgreSQL alike: times are epoch milliseconds (BIGINT), days
-- are epoch days (UTC), flags are 0/1 integers, ${BLOB} is BLOB or BYTEA. Statements end with ";"
-- at the end of a line.

CREATE TABLE run_attempts (
  repo         TEXT    NOT NULL,
  run_id       BIGINT  NOT NULL,
  attempt      INTEGER NOT NULL,
  workflow     TEXT,
  head_sha     TEXT,
  branch       TEXT,
  event        TEXT,
  actor        TEXT,
  conclusion   TEXT,
  title        TEXT,
  html_url     TEXT,
  created_at   BIGINT,
  completed_at BIGINT,
  claim_owner  TEXT,
  claim_until  BIGINT,
  processed_at BIGINT,
  PRIMARY KEY (repo, run_id, attempt)
);
-- "the first green run of the same workflow and branch afterwards"
CREATE INDEX run_attempts_by_branch ON run_attempts (repo, workflow, branch, conclusion, created_at);

CREATE TABLE jobs (
  repo              TEXT    NOT NULL,
  run_id            BIGINT  NOT NULL,
  attempt           INTEGER NOT NULL,
  job_id            BIGINT  NOT NULL,
  workflow          TEXT,
  job_name          TEXT    NOT NULL,
  head_sha          TEXT,
  branch            TEXT,
  event             TEXT,
  actor             TEXT,
  conclusion        TEXT,
  failed            INTEGER NOT NULL,
  started_at        BIGINT,
  completed_at      BIGINT,
  run_created_at    BIGINT  NOT NULL,
  occurred_at       BIGINT  NOT NULL,
  category          TEXT,
  rule_id           TEXT,
  fingerprint       TEXT,
  summary           TEXT,
  evidence          TEXT,
  transient_failure INTEGER NOT NULL DEFAULT 0,
  cost_dollars      DOUBLE PRECISION NOT NULL DEFAULT 0,
  input_tokens      BIGINT  NOT NULL DEFAULT 0,
  output_tokens     BIGINT  NOT NULL DEFAULT 0,
  duration_ms       BIGINT  NOT NULL DEFAULT 0,
  fixed_run_id      BIGINT,
  fixed_sha         TEXT,
  fixed_message     TEXT,
  fixed_at          BIGINT,
  recorded_at       BIGINT  NOT NULL,
  PRIMARY KEY (repo, run_id, attempt, job_id)
);
CREATE INDEX jobs_by_fingerprint ON jobs (fingerprint, occurred_at);
CREATE INDEX jobs_by_commit ON jobs (repo, head_sha, job_name);
CREATE INDEX jobs_fixes ON jobs (fingerprint, fixed_at) WHERE fixed_at IS NOT NULL;
CREATE INDEX jobs_by_job ON jobs (repo, job_name, head_sha) WHERE failed = 1;
CREATE INDEX jobs_unfixed ON jobs (repo, workflow, branch, run_created_at) WHERE failed = 1 AND fixed_at IS NULL;

-- One row per fingerprint: its readable name, what it is, first and last seen, and its latest fix.
CREATE TABLE patterns (
  fingerprint   TEXT   PRIMARY KEY,
  name          TEXT   NOT NULL,
  category      TEXT,
  rule_id       TEXT,
  summary       TEXT,
  first_seen    BIGINT NOT NULL,
  last_seen     BIGINT NOT NULL,
  fixed_repo    TEXT,
  fixed_branch  TEXT,
  fixed_run_id  BIGINT,
  fixed_sha     TEXT,
  fixed_message TEXT,
  fixed_at      BIGINT
);
CREATE INDEX patterns_by_name ON patterns (name);

-- Daily roll-ups kept by every write, so statistics never scan the jobs table.
CREATE TABLE pattern_days (
  fingerprint TEXT    NOT NULL,
  repo        TEXT    NOT NULL,
  branch      TEXT    NOT NULL,
  day         INTEGER NOT NULL,
  failures    BIGINT  NOT NULL DEFAULT 0,
  fixed       BIGINT  NOT NULL DEFAULT 0,
  recovery_ms BIGINT  NOT NULL DEFAULT 0,
  PRIMARY KEY (fingerprint, day, repo, branch)
);
CREATE INDEX pattern_days_by_day ON pattern_days (day);

-- Where each pattern happened, over all time: one fingerprint's history reads a few rows, not its days.
CREATE TABLE pattern_places (
  fingerprint TEXT    NOT NULL,
  repo        TEXT    NOT NULL,
  branch      TEXT    NOT NULL,
  failures    BIGINT  NOT NULL DEFAULT 0,
  PRIMARY KEY (fingerprint, repo, branch)
);

CREATE TABLE run_days (
  repo        TEXT    NOT NULL,
  workflow    TEXT    NOT NULL,
  branch      TEXT    NOT NULL,
  day         INTEGER NOT NULL,
  runs        BIGINT  NOT NULL DEFAULT 0,
  failed_runs BIGINT  NOT NULL DEFAULT 0,
  PRIMARY KEY (repo, workflow, branch, day)
);
CREATE INDEX run_days_by_day ON run_days (day);

CREATE TABLE spend_days (
  day           INTEGER PRIMARY KEY,
  dollars       DOUBLE PRECISION NOT NULL DEFAULT 0,
  input_tokens  BIGINT  NOT NULL DEFAULT 0,
  output_tokens BIGINT  NOT NULL DEFAULT 0,
  analyses      BIGINT  NOT NULL DEFAULT 0
);

-- A job that failed and passed on the same commit.
CREATE TABLE flakes (
  repo        TEXT   NOT NULL,
  head_sha    TEXT   NOT NULL,
  job_name    TEXT   NOT NULL,
  workflow    TEXT,
  fingerprint TEXT,
  detected_at BIGINT NOT NULL,
  PRIMARY KEY (repo, head_sha, job_name)
);
CREATE INDEX flakes_by_fingerprint ON flakes (fingerprint);

CREATE TABLE watermarks (
  repo       TEXT   PRIMARY KEY,
  created_at BIGINT NOT NULL
);

CREATE TABLE response_cache (
  cache_key  TEXT   PRIMARY KEY,
  value      ${BLOB} NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE webhook_deliveries (
  delivery_id TEXT   PRIMARY KEY,
  received_at BIGINT NOT NULL
);
CREATE INDEX webhook_deliveries_by_time ON webhook_deliveries (received_at);
