-- SMS: Twilio's own opt-out classification of an inbound text (STOP, START, HELP), kept so the background
-- processor agrees with what Twilio already did to the number.
ALTER TABLE inbound_messages ADD opt_out_type nvarchar(max) NULL;

-- The dispatcher's claim query: due Pending rows and Sending rows whose lease ran out.
CREATE INDEX ix_outbound_messages_status_lease_until_utc ON outbound_messages (status, lease_until_utc);
