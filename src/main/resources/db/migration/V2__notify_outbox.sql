-- The notification outbox: one row per idempotency key (channel, run attempt, kind). Dispatchers
-- lease due rows, so a crash loses nothing and a delivered key is never sent again.
CREATE TABLE notify_outbox (
  idempotency_key VARCHAR(400) NOT NULL PRIMARY KEY,
  channel         VARCHAR(32)  NOT NULL,
  payload         TEXT         NOT NULL,
  status          VARCHAR(8)   NOT NULL DEFAULT 'pending',
  attempts        INTEGER      NOT NULL DEFAULT 0,
  created_at      BIGINT       NOT NULL,
  next_attempt_at BIGINT       NOT NULL,
  lease_owner     VARCHAR(200),
  lease_until     BIGINT,
  sent_at         BIGINT,
  last_error      VARCHAR(1000)
);
CREATE INDEX notify_outbox_due ON notify_outbox (status, next_attempt_at);
