-- Safeguarding alerts say who is at risk and how (or whether) to contact the person, and gather every risky reply
-- a person sends while their alert is open, instead of opening one alert per reply.

-- Who is at risk at the alert's tier ("Sender,SenderFromOthers"), what the replies said about contacting the person
-- (flags: 1 someone else may read the phone, 2 do not call), the concepts found, when the latest reply joined and when
-- staff were last texted or emailed about it.
ALTER TABLE alerts ADD subjects nvarchar(max) NOT NULL CONSTRAINT df_alerts_subjects DEFAULT N'';
ALTER TABLE alerts ADD caution int NOT NULL CONSTRAINT df_alerts_caution DEFAULT 0;
ALTER TABLE alerts ADD concepts nvarchar(max) NOT NULL CONSTRAINT df_alerts_concepts DEFAULT N'';
ALTER TABLE alerts ADD latest_reply_at_utc datetime2 NULL;
ALTER TABLE alerts ADD staff_notified_at_utc datetime2 NULL;
GO

-- Every reply behind a safeguarding alert, with its own tier, subject and caution: joining never hides one.
CREATE TABLE alert_replies (
    id                 uniqueidentifier PRIMARY KEY,
    alert_id           uniqueidentifier NOT NULL REFERENCES alerts (id),
    organisation_id    uniqueidentifier NOT NULL,
    service_user_id    uniqueidentifier NOT NULL REFERENCES service_users (id),
    inbound_message_id uniqueidentifier NULL,
    level              nvarchar(max) NOT NULL,
    subject            nvarchar(max) NOT NULL,
    caution            int NOT NULL,
    concepts           nvarchar(max) NOT NULL,
    summary            nvarchar(max) NOT NULL,
    matched_phrases    nvarchar(max) NULL,
    received_at_utc    datetime2 NOT NULL
);
CREATE INDEX ix_alert_replies_alert_id_received_at_utc ON alert_replies (alert_id, received_at_utc);
CREATE INDEX ix_alert_replies_inbound_message_id ON alert_replies (inbound_message_id);
-- SQL Server does not index a foreign key by itself; a person's replies are found (and erased) by it.
CREATE INDEX ix_alert_replies_service_user_id ON alert_replies (service_user_id);
GO

-- Each existing safeguarding alert keeps its own reply as the first line (who was at risk was not recorded then).
-- One reply per alert, so the alert's id serves as the reply's.
INSERT INTO alert_replies (id, alert_id, organisation_id, service_user_id, inbound_message_id, level, subject, caution, concepts, summary, matched_phrases, received_at_utc)
SELECT id, id, organisation_id, service_user_id, inbound_message_id, severity, N'None', 0, N'',
       CASE WHEN summary LIKE N'Urgent: %' THEN SUBSTRING(summary, 9, LEN(summary)) WHEN summary LIKE N'Worth a look: %' THEN SUBSTRING(summary, 15, LEN(summary)) ELSE summary END,
       matched_phrases, created_at_utc
FROM alerts
WHERE kind = N'Safeguarding';

-- Who is at risk at a diary entry's risk level.
ALTER TABLE diary_entries ADD risk_subjects nvarchar(max) NOT NULL CONSTRAINT df_diary_entries_risk_subjects DEFAULT N'';

-- Buddy's UK crisis reply now also gives Shout's text line. Organisations still on Buddy's earlier wording (never
-- changed by a manager) get the new one; a message a service wrote itself is left alone.
UPDATE organisations
SET crisis_message = N'We''re worried about you. If you are in danger now, call 999. You can talk to Samaritans any time, free, on 116 123, or text SHOUT to 85258. These texts are not watched around the clock, but we have let your worker know.'
WHERE crisis_message = N'We''re worried about you. If you are in danger now call 999. You can talk to Samaritans any time, free, on 116 123. These texts are not watched around the clock, but we have let your worker know.';
