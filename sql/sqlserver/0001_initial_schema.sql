-- Buddy schema, version 1 (SQL Server). Forward-only: never edit once released; add a new numbered script.
-- Every compared or ordered time is UTC (datetime2); local dates are derived with the service user's IANA zone.
-- Phone numbers, email addresses, provider sids, dedupe keys and key hashes use a binary collation: SQL Server's
-- default is case-insensitive, and identity and exactly-once depend on comparing them exactly, as PostgreSQL and
-- SQLite do. Indexed text is nvarchar(450) (an index key holds at most 900 bytes); other text nvarchar(max).
-- A unique index on a nullable column leaves NULLs out (WHERE ... IS NOT NULL): SQL Server would otherwise allow
-- only one NULL, where the other engines allow any number.

CREATE TABLE organisations (
    id                      uniqueidentifier PRIMARY KEY,
    name                    nvarchar(450) NOT NULL,
    time_zone_id            nvarchar(max) NOT NULL,
    mood_scale              nvarchar(max) NOT NULL,
    crisis_message          nvarchar(max) NOT NULL,
    help_message            nvarchar(max) NOT NULL,
    duty_contact_name       nvarchar(max) NULL,
    duty_contact_phone      nvarchar(max) COLLATE Latin1_General_100_BIN2 NULL,
    duty_contact_email      nvarchar(max) COLLATE Latin1_General_100_BIN2 NULL,
    quiet_hours_start       time NOT NULL,
    quiet_hours_end         time NOT NULL,
    catch_up_window_minutes int NOT NULL,
    send_rate_per_second    float NOT NULL,
    low_mood_streak         int NOT NULL,
    no_reply_days           int NOT NULL,
    deterioration_drop      float NOT NULL,
    created_at_utc          datetime2 NOT NULL
);
CREATE UNIQUE INDEX ix_organisations_name ON organisations (name);

CREATE TABLE staff_members (
    id              uniqueidentifier PRIMARY KEY,
    organisation_id uniqueidentifier NOT NULL REFERENCES organisations (id),
    display_name    nvarchar(max) NOT NULL,
    email           nvarchar(450) COLLATE Latin1_General_100_BIN2 NOT NULL,
    role            nvarchar(max) NOT NULL,
    alert_phone     nvarchar(max) COLLATE Latin1_General_100_BIN2 NULL,
    is_active       bit NOT NULL,
    created_at_utc  datetime2 NOT NULL
);
CREATE UNIQUE INDEX ix_staff_members_email ON staff_members (email);
CREATE INDEX ix_staff_members_organisation_id ON staff_members (organisation_id);

CREATE TABLE service_users (
    id                     uniqueidentifier PRIMARY KEY,
    organisation_id        uniqueidentifier NOT NULL REFERENCES organisations (id),
    display_name           nvarchar(max) NOT NULL,
    first_name             nvarchar(max) NULL,
    phone_e164             nvarchar(450) COLLATE Latin1_General_100_BIN2 NULL,
    therapist_id           uniqueidentifier NULL REFERENCES staff_members (id),
    time_zone_id           nvarchar(max) NOT NULL,
    status                 nvarchar(450) NOT NULL,
    consent                nvarchar(max) NOT NULL,
    consent_changed_at_utc datetime2 NULL,
    paused_until           date NULL,
    discharged_at_utc      datetime2 NULL,
    erased_at_utc          datetime2 NULL,
    external_reference     nvarchar(max) NULL,
    created_at_utc         datetime2 NOT NULL,
    updated_at_utc         datetime2 NOT NULL
);
CREATE UNIQUE INDEX ix_service_users_phone_e164 ON service_users (phone_e164) WHERE phone_e164 IS NOT NULL;
CREATE INDEX ix_service_users_organisation_id_therapist_id ON service_users (organisation_id, therapist_id);
CREATE INDEX ix_service_users_therapist_id ON service_users (therapist_id);

CREATE TABLE message_templates (
    id              uniqueidentifier PRIMARY KEY,
    organisation_id uniqueidentifier NOT NULL REFERENCES organisations (id),
    kind            nvarchar(450) NOT NULL,
    name            nvarchar(max) NOT NULL,
    body            nvarchar(max) NOT NULL,
    is_default      bit NOT NULL,
    updated_at_utc  datetime2 NOT NULL
);
CREATE INDEX ix_message_templates_organisation_id_kind ON message_templates (organisation_id, kind);

CREATE TABLE check_in_schedules (
    id                     uniqueidentifier PRIMARY KEY,
    organisation_id        uniqueidentifier NOT NULL,
    service_user_id        uniqueidentifier NOT NULL REFERENCES service_users (id),
    local_time             time NOT NULL,
    days                   int NOT NULL,
    start_date             date NULL,
    end_date               date NULL,
    reminder_after_minutes int NULL,
    quiet_hours_start      time NULL,
    quiet_hours_end        time NULL,
    template_id            uniqueidentifier NULL,
    two_step               bit NOT NULL,
    is_enabled             bit NOT NULL,
    next_due_at_utc        datetime2 NULL,
    updated_at_utc         datetime2 NOT NULL
);
CREATE UNIQUE INDEX ix_check_in_schedules_service_user_id ON check_in_schedules (service_user_id);
CREATE INDEX ix_check_in_schedules_next_due_at_utc ON check_in_schedules (next_due_at_utc);

CREATE TABLE outbound_messages (
    id                    uniqueidentifier PRIMARY KEY,
    organisation_id       uniqueidentifier NOT NULL,
    service_user_id       uniqueidentifier NULL,
    to_phone              nvarchar(max) COLLATE Latin1_General_100_BIN2 NOT NULL,
    body                  nvarchar(max) NOT NULL,
    kind                  nvarchar(max) NOT NULL,
    dedupe_key            nvarchar(450) COLLATE Latin1_General_100_BIN2 NULL,
    status                nvarchar(450) NOT NULL,
    provider_message_id   nvarchar(450) COLLATE Latin1_General_100_BIN2 NULL,
    attempts              int NOT NULL,
    not_before_utc        datetime2 NOT NULL,
    lease_until_utc       datetime2 NULL,
    error_code            nvarchar(max) NULL,
    error_message         nvarchar(max) NULL,
    created_at_utc        datetime2 NOT NULL,
    sent_at_utc           datetime2 NULL,
    status_updated_at_utc datetime2 NULL
);
CREATE UNIQUE INDEX ix_outbound_messages_dedupe_key ON outbound_messages (dedupe_key) WHERE dedupe_key IS NOT NULL;
CREATE INDEX ix_outbound_messages_provider_message_id ON outbound_messages (provider_message_id);
CREATE INDEX ix_outbound_messages_status_not_before_utc ON outbound_messages (status, not_before_utc);
CREATE INDEX ix_outbound_messages_service_user_id_created_at_utc ON outbound_messages (service_user_id, created_at_utc);

CREATE TABLE check_ins (
    id                   uniqueidentifier PRIMARY KEY,
    organisation_id      uniqueidentifier NOT NULL,
    service_user_id      uniqueidentifier NOT NULL REFERENCES service_users (id),
    local_date           date NOT NULL,
    due_at_utc           datetime2 NOT NULL,
    status               nvarchar(450) NOT NULL,
    outbound_message_id  uniqueidentifier NULL,
    sent_at_utc          datetime2 NULL,
    reminder_sent_at_utc datetime2 NULL,
    answered_at_utc      datetime2 NULL,
    note                 nvarchar(max) NULL
);
CREATE UNIQUE INDEX ix_check_ins_service_user_id_local_date ON check_ins (service_user_id, local_date);
CREATE INDEX ix_check_ins_status_due_at_utc ON check_ins (status, due_at_utc);

CREATE TABLE diary_entries (
    id              uniqueidentifier PRIMARY KEY,
    organisation_id uniqueidentifier NOT NULL,
    service_user_id uniqueidentifier NOT NULL REFERENCES service_users (id),
    local_date      date NOT NULL,
    check_in_id     uniqueidentifier NULL,
    mood_score      float NULL,
    mood_scale      nvarchar(max) NOT NULL,
    mood_note       nvarchar(max) NULL,
    event_text      nvarchar(max) NOT NULL,
    tags            nvarchar(max) NOT NULL,
    risk_level      nvarchar(max) NOT NULL,
    kind            nvarchar(max) NOT NULL,
    created_at_utc  datetime2 NOT NULL,
    updated_at_utc  datetime2 NOT NULL
);
CREATE INDEX ix_diary_entries_service_user_id_local_date ON diary_entries (service_user_id, local_date);

CREATE TABLE inbound_messages (
    id                  uniqueidentifier PRIMARY KEY,
    provider_message_id nvarchar(450) COLLATE Latin1_General_100_BIN2 NOT NULL,
    organisation_id     uniqueidentifier NULL,
    service_user_id     uniqueidentifier NULL,
    from_phone          nvarchar(450) COLLATE Latin1_General_100_BIN2 NOT NULL,
    to_phone            nvarchar(max) COLLATE Latin1_General_100_BIN2 NOT NULL,
    body                nvarchar(max) NOT NULL,
    received_at_utc     datetime2 NOT NULL,
    state               nvarchar(450) NOT NULL,
    processed_at_utc    datetime2 NULL,
    diary_entry_id      uniqueidentifier NULL,
    outcome             nvarchar(max) NULL
);
CREATE UNIQUE INDEX ix_inbound_messages_provider_message_id ON inbound_messages (provider_message_id);
CREATE INDEX ix_inbound_messages_service_user_id_received_at_utc ON inbound_messages (service_user_id, received_at_utc);
CREATE INDEX ix_inbound_messages_state ON inbound_messages (state);
CREATE INDEX ix_inbound_messages_diary_entry_id ON inbound_messages (diary_entry_id);

CREATE TABLE alerts (
    id                       uniqueidentifier PRIMARY KEY,
    organisation_id          uniqueidentifier NOT NULL,
    service_user_id          uniqueidentifier NOT NULL REFERENCES service_users (id),
    kind                     nvarchar(max) NOT NULL,
    severity                 nvarchar(max) NOT NULL,
    summary                  nvarchar(max) NOT NULL,
    matched_phrases          nvarchar(max) NULL,
    inbound_message_id       uniqueidentifier NULL,
    diary_entry_id           uniqueidentifier NULL,
    created_at_utc           datetime2 NOT NULL,
    acknowledged_at_utc      datetime2 NULL,
    acknowledged_by_staff_id uniqueidentifier NULL,
    acknowledgement_note     nvarchar(max) NULL
);
CREATE INDEX ix_alerts_organisation_id_acknowledged_at_utc ON alerts (organisation_id, acknowledged_at_utc);
CREATE INDEX ix_alerts_service_user_id_created_at_utc ON alerts (service_user_id, created_at_utc);

CREATE TABLE therapy_sessions (
    id                   uniqueidentifier PRIMARY KEY,
    organisation_id      uniqueidentifier NOT NULL,
    service_user_id      uniqueidentifier NOT NULL REFERENCES service_users (id),
    therapist_id         uniqueidentifier NULL,
    starts_at_utc        datetime2 NOT NULL,
    location             nvarchar(max) NULL,
    status               nvarchar(450) NOT NULL,
    agenda_notes         nvarchar(max) NULL,
    reminder_sent_at_utc datetime2 NULL,
    created_at_utc       datetime2 NOT NULL
);
CREATE INDEX ix_therapy_sessions_service_user_id_starts_at_utc ON therapy_sessions (service_user_id, starts_at_utc);

CREATE TABLE audit_events (
    id              bigint IDENTITY(1,1) PRIMARY KEY,
    organisation_id uniqueidentifier NULL,
    actor_type      nvarchar(max) NOT NULL,
    actor_id        uniqueidentifier NULL,
    action          nvarchar(max) NOT NULL,
    entity_type     nvarchar(max) NULL,
    entity_id       nvarchar(max) NULL,
    service_user_id uniqueidentifier NULL,
    detail          nvarchar(max) NULL,
    occurred_at_utc datetime2 NOT NULL
);
CREATE INDEX ix_audit_events_organisation_id_occurred_at_utc ON audit_events (organisation_id, occurred_at_utc);
CREATE INDEX ix_audit_events_service_user_id_occurred_at_utc ON audit_events (service_user_id, occurred_at_utc);

CREATE TABLE api_keys (
    id               uniqueidentifier PRIMARY KEY,
    organisation_id  uniqueidentifier NOT NULL REFERENCES organisations (id),
    name             nvarchar(max) NOT NULL,
    prefix           nvarchar(max) COLLATE Latin1_General_100_BIN2 NOT NULL,
    hash             nvarchar(450) COLLATE Latin1_General_100_BIN2 NOT NULL,
    created_at_utc   datetime2 NOT NULL,
    last_used_at_utc datetime2 NULL,
    revoked_at_utc   datetime2 NULL
);
CREATE UNIQUE INDEX ix_api_keys_hash ON api_keys (hash);
-- SQL Server does not index a foreign key by itself; an organisation's keys are listed and checked by it.
CREATE INDEX ix_api_keys_organisation_id ON api_keys (organisation_id);
