-- Safeguarding alerts say who is at risk and how (or whether) to contact the person, and gather every risky reply
-- a person sends while their alert is open, instead of opening one alert per reply.

-- Who is at risk at the alert's tier ("Sender,SenderFromOthers"), what the replies said about contacting the person
-- (flags: 1 someone else may read the phone, 2 do not call), the concepts found, when the latest reply joined and when
-- staff were last texted or emailed about it.
ALTER TABLE alerts ADD COLUMN subjects TEXT NOT NULL DEFAULT '';
ALTER TABLE alerts ADD COLUMN caution INTEGER NOT NULL DEFAULT 0;
ALTER TABLE alerts ADD COLUMN concepts TEXT NOT NULL DEFAULT '';
ALTER TABLE alerts ADD COLUMN latest_reply_at_utc TEXT NULL;
ALTER TABLE alerts ADD COLUMN staff_notified_at_utc TEXT NULL;

-- Every reply behind a safeguarding alert, with its own tier, subject and caution: joining never hides one.
CREATE TABLE alert_replies (
    id                 TEXT PRIMARY KEY,
    alert_id           TEXT NOT NULL REFERENCES alerts (id),
    organisation_id    TEXT NOT NULL,
    service_user_id    TEXT NOT NULL REFERENCES service_users (id),
    inbound_message_id TEXT NULL,
    level              TEXT NOT NULL,
    subject            TEXT NOT NULL,
    caution            INTEGER NOT NULL,
    concepts           TEXT NOT NULL,
    summary            TEXT NOT NULL,
    matched_phrases    TEXT NULL,
    received_at_utc    TEXT NOT NULL
);
CREATE INDEX ix_alert_replies_alert_id_received_at_utc ON alert_replies (alert_id, received_at_utc);
CREATE INDEX ix_alert_replies_inbound_message_id ON alert_replies (inbound_message_id);

-- Each existing safeguarding alert keeps its own reply as the first line (who was at risk was not recorded then).
-- One reply per alert, so the alert's id serves as the reply's.
INSERT INTO alert_replies (id, alert_id, organisation_id, service_user_id, inbound_message_id, level, subject, caution, concepts, summary, matched_phrases, received_at_utc)
SELECT id, id, organisation_id, service_user_id, inbound_message_id, severity, 'None', 0, '',
       CASE WHEN summary LIKE 'Urgent: %' THEN substr(summary, 9) WHEN summary LIKE 'Worth a look: %' THEN substr(summary, 15) ELSE summary END,
       matched_phrases, created_at_utc
FROM alerts
WHERE kind = 'Safeguarding';

-- Who is at risk at a diary entry's risk level.
ALTER TABLE diary_entries ADD COLUMN risk_subjects TEXT NOT NULL DEFAULT '';

-- Buddy's UK crisis reply now also gives Shout's text line. Organisations still on Buddy's earlier wording (never
-- changed by a manager) get the new one; a message a service wrote itself is left alone.
UPDATE organisations
SET crisis_message = 'We''re worried about you. If you are in danger now, call 999. You can talk to Samaritans any time, free, on 116 123, or text SHOUT to 85258. These texts are not watched around the clock, but we have let your worker know.'
WHERE crisis_message = 'We''re worried about you. If you are in danger now call 999. You can talk to Samaritans any time, free, on 116 123. These texts are not watched around the clock, but we have let your worker know.';
