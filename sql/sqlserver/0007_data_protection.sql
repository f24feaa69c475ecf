-- Data protection (UK GDPR, NHS Records Management Code): when the retention policy removed a discharged
-- person's identifiable content. Forward-only.
ALTER TABLE service_users ADD anonymised_at_utc datetime2 NULL;
GO
CREATE INDEX ix_service_users_status_discharged_at_utc ON service_users (status, discharged_at_utc);
