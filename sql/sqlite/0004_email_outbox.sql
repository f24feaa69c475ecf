-- Buddy schema, version 4 (SQLite): the email outbox used by safeguarding escalation. Forward-only.

CREATE TABLE email_messages (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NULL,
    to_address      TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    kind            TEXT NOT NULL,
    dedupe_key      TEXT NULL,
    status          TEXT NOT NULL,
    attempts        INTEGER NOT NULL,
    not_before_utc  TEXT NOT NULL,
    lease_until_utc TEXT NULL,
    last_error      TEXT NULL,
    created_at_utc  TEXT NOT NULL,
    sent_at_utc     TEXT NULL
);
CREATE UNIQUE INDEX ix_email_messages_dedupe_key ON email_messages (dedupe_key);
CREATE INDEX ix_email_messages_status_not_before_utc ON email_messages (status, not_before_utc);
