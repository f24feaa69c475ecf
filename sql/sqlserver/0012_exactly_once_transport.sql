-- Exactly once in both directions. Forward-only.

-- A provider message sid belongs to at most one outbox row. Rows a crashed gateway gave a sid that another row
-- already had (the fault this fixes) keep their status, lose the shared sid and say so; the row that recorded it
-- first keeps it.
UPDATE outbound_messages
SET provider_message_id = NULL,
    error_code = N'shared-sid',
    error_message = N'The provider''s message id was also recorded on an earlier row, so whether this text went is not known.'
WHERE provider_message_id IS NOT NULL
  AND EXISTS (
    SELECT 1 FROM outbound_messages earlier
    WHERE earlier.provider_message_id = outbound_messages.provider_message_id
      AND (earlier.created_at_utc < outbound_messages.created_at_utc
           OR (earlier.created_at_utc = outbound_messages.created_at_utc AND earlier.id < outbound_messages.id)));
DROP INDEX ix_outbound_messages_provider_message_id ON outbound_messages;
CREATE UNIQUE INDEX ix_outbound_messages_provider_message_id ON outbound_messages (provider_message_id) WHERE provider_message_id IS NOT NULL;

-- Which claim holds a row being sent: the sender that claimed it records its outcome only while the token is still
-- its own, so a row re-claimed after its lease ran out, or recorded by a status callback, is never written twice.
ALTER TABLE outbound_messages ADD claim_token uniqueidentifier NULL;

-- Rows to one number waiting, in flight or in doubt, found without a scan (an indexed column cannot be max-sized).
ALTER TABLE outbound_messages ALTER COLUMN to_phone nvarchar(450) COLLATE Latin1_General_100_BIN2 NOT NULL;
CREATE INDEX ix_outbound_messages_to_phone_status ON outbound_messages (to_phone, status);

-- Inbound texts the webhook never delivered, recovered from Twilio's own message log.
ALTER TABLE inbound_messages ADD recovered_at_utc datetime2 NULL;

-- One row per receiving number: how far back Twilio's log has been read, who is reading it now, what it found.
CREATE TABLE inbound_recovery_marks (
    receiving_phone     nvarchar(450) COLLATE Latin1_General_100_BIN2 NOT NULL PRIMARY KEY,
    high_water_utc      datetime2 NOT NULL,
    lease_until_utc     datetime2 NULL,
    last_run_at_utc     datetime2 NULL,
    last_recovered      int NOT NULL,
    recovered_total     int NOT NULL,
    last_error          nvarchar(max) NULL
);
