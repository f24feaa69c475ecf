-- The safeguarding fast path handles an urgent text's sender's earlier texts still waiting (state Received)
-- just before it; this finds them without scanning the whole backlog in a burst. Forward-only.
CREATE INDEX ix_inbound_messages_from_phone_state ON inbound_messages (from_phone, state);
