-- The outbox's record of an attempt whose outcome is unknown (a sender that died holding its lease, a timed-out
-- call): the dispatcher asks the provider before sending such a row again. Forward-only.
ALTER TABLE outbound_messages ADD unconfirmed_since_utc datetime2 NULL;
