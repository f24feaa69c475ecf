-- Buddy schema, version 4 (SQL Server): the email outbox used by safeguarding escalation. Forward-only.

CREATE TABLE email_messages (
    id              uniqueidentifier PRIMARY KEY,
    organisation_id uniqueidentifier NULL,
    to_address      nvarchar(max) COLLATE Latin1_General_100_BIN2 NOT NULL,
    subject         nvarchar(max) NOT NULL,
    body            nvarchar(max) NOT NULL,
    kind            nvarchar(max) NOT NULL,
    dedupe_key      nvarchar(450) COLLATE Latin1_General_100_BIN2 NULL,
    status          nvarchar(450) NOT NULL,
    attempts        int NOT NULL,
    not_before_utc  datetime2 NOT NULL,
    lease_until_utc datetime2 NULL,
    last_error      nvarchar(max) NULL,
    created_at_utc  datetime2 NOT NULL,
    sent_at_utc     datetime2 NULL
);
CREATE UNIQUE INDEX ix_email_messages_dedupe_key ON email_messages (dedupe_key) WHERE dedupe_key IS NOT NULL;
CREATE INDEX ix_email_messages_status_not_before_utc ON email_messages (status, not_before_utc);
