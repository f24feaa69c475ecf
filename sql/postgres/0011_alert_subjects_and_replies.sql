-- Safeguarding alerts say who is at risk and how (or whether) to contact the person, and gather every risky reply
-- a person sends while their alert is open, instead of opening one alert per reply.

-- Who is at risk at the alert's tier ("Sender,SenderFromOthers"), what the replies said about contacting the person
-- (flags: 1 someone else may read the phone, 2 do not call), the concepts found, when the latest reply joined and when
-- staff were last texted or emailed about it.
ALTER TABLE alerts ADD COLUMN subjects text NOT NULL DEFAULT '';
ALTER TABLE alerts ADD COLUMN caution integer NOT NULL DEFAULT 0;
ALTER TABLE alerts ADD COLUMN concepts text NOT NULL DEFAULT '';
ALTER TABLE alerts ADD COLUMN latest_reply_at_utc timestamptz NULL;
ALTER TABLE alerts ADD COLUMN staff_notified_at_utc timestamptz NULL;

-- Every reply behind a safeguarding alert, with its own tier, subject and caution: joining never hides one.
CREATE TABLE alert_replies (
    id                 uuid PRIMARY KEY,
    alert_id           uuid NOT NULL REFERENCES alerts (id),
    organisation_id    uuid NOT NULL,
    service_user_id    uuid NOT NULL REFERENCES service_users (id),
    inbound_message_id uuid NULL,
    level              text NOT NULL,
    subject            text NOT NULL,
    caution            integer NOT NULL,
    concepts           text NOT NULL,
    summary            text NOT NULL,
    matched_phrases    text NULL,
    received_at_utc    timestamptz NOT NULL
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
ALTER TABLE diary_entries ADD COLUMN risk_subjects text NOT NULL DEFAULT '';

-- Buddy's UK crisis reply now also gives Shout's text line. Organisations still on Buddy's earlier wording (never
-- changed by a manager) get the new one; a message a service wrote itself is left alone.
UPDATE organisations
SET crisis_message = 'We''re worried about you. If you are in danger now, call 999. You can talk to Samaritans any time, free, on 116 123, or text SHOUT to 85258. These texts are not watched around the clock, but we have let your worker know.'
WHERE crisis_message = 'We''re worried about you. If you are in danger now call 999. You can talk to Samaritans any time, free, on 116 123. These texts are not watched around the clock, but we have let your worker know.';
