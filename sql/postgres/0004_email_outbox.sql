-- Buddy schema, version 4 (PostgreSQL): the email outbox used by safeguarding escalation. Forward-only.

CREATE TABLE email_messages (
    id              uuid PRIMARY KEY,
    organisation_id uuid NULL,
    to_address      text NOT NULL,
    subject         text NOT NULL,
    body            text NOT NULL,
    kind            text NOT NULL,
    dedupe_key      text NULL,
    status          text NOT NULL,
    attempts        integer NOT NULL,
    not_before_utc  timestamptz NOT NULL,
    lease_until_utc timestamptz NULL,
    last_error      text NULL,
    created_at_utc  timestamptz NOT NULL,
    sent_at_utc     timestamptz NULL
);
CREATE UNIQUE INDEX ix_email_messages_dedupe_key ON email_messages (dedupe_key);
CREATE INDEX ix_email_messages_status_not_before_utc ON email_messages (status, not_before_utc);
