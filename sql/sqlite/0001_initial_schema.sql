-- Buddy schema, version 1 (SQLite). Forward-only: never edit once released; add a new numbered script.
-- Every compared or ordered time is UTC, stored as ISO-8601 TEXT so it sorts; local dates are derived with the service user's IANA zone.

CREATE TABLE organisations (
    id                      TEXT PRIMARY KEY,
    name                    TEXT NOT NULL,
    time_zone_id            TEXT NOT NULL,
    mood_scale              TEXT NOT NULL,
    crisis_message          TEXT NOT NULL,
    help_message            TEXT NOT NULL,
    duty_contact_name       TEXT NULL,
    duty_contact_phone      TEXT NULL,
    duty_contact_email      TEXT NULL,
    quiet_hours_start       TEXT NOT NULL,
    quiet_hours_end         TEXT NOT NULL,
    catch_up_window_minutes INTEGER NOT NULL,
    send_rate_per_second    REAL NOT NULL,
    low_mood_streak         INTEGER NOT NULL,
    no_reply_days           INTEGER NOT NULL,
    deterioration_drop      REAL NOT NULL,
    created_at_utc          TEXT NOT NULL
);
CREATE UNIQUE INDEX ix_organisations_name ON organisations (name);

CREATE TABLE staff_members (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    display_name    TEXT NOT NULL,
    email           TEXT NOT NULL,
    role            TEXT NOT NULL,
    alert_phone     TEXT NULL,
    is_active       INTEGER NOT NULL,
    created_at_utc  TEXT NOT NULL
);
CREATE UNIQUE INDEX ix_staff_members_email ON staff_members (email);
CREATE INDEX ix_staff_members_organisation_id ON staff_members (organisation_id);

CREATE TABLE service_users (
    id                     TEXT PRIMARY KEY,
    organisation_id        TEXT NOT NULL REFERENCES organisations (id),
    display_name           TEXT NOT NULL,
    first_name             TEXT NULL,
    phone_e164             TEXT NULL,
    therapist_id           TEXT NULL REFERENCES staff_members (id),
    time_zone_id           TEXT NOT NULL,
    status                 TEXT NOT NULL,
    consent                TEXT NOT NULL,
    consent_changed_at_utc TEXT NULL,
    paused_until           TEXT NULL,
    discharged_at_utc      TEXT NULL,
    erased_at_utc          TEXT NULL,
    external_reference     TEXT NULL,
    created_at_utc         TEXT NOT NULL,
    updated_at_utc         TEXT NOT NULL
);
CREATE UNIQUE INDEX ix_service_users_phone_e164 ON service_users (phone_e164);
CREATE INDEX ix_service_users_organisation_id_therapist_id ON service_users (organisation_id, therapist_id);
CREATE INDEX ix_service_users_therapist_id ON service_users (therapist_id);

CREATE TABLE message_templates (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    kind            TEXT NOT NULL,
    name            TEXT NOT NULL,
    body            TEXT NOT NULL,
    is_default      INTEGER NOT NULL,
    updated_at_utc  TEXT NOT NULL
);
CREATE INDEX ix_message_templates_organisation_id_kind ON message_templates (organisation_id, kind);

CREATE TABLE check_in_schedules (
    id                     TEXT PRIMARY KEY,
    organisation_id        TEXT NOT NULL,
    service_user_id        TEXT NOT NULL REFERENCES service_users (id),
    local_time             TEXT NOT NULL,
    days                   INTEGER NOT NULL,
    start_date             TEXT NULL,
    end_date               TEXT NULL,
    reminder_after_minutes INTEGER NULL,
    quiet_hours_start      TEXT NULL,
    quiet_hours_end        TEXT NULL,
    template_id            TEXT NULL,
    two_step               INTEGER NOT NULL,
    is_enabled             INTEGER NOT NULL,
    next_due_at_utc        TEXT NULL,
    updated_at_utc         TEXT NOT NULL
);
CREATE UNIQUE INDEX ix_check_in_schedules_service_user_id ON check_in_schedules (service_user_id);
CREATE INDEX ix_check_in_schedules_next_due_at_utc ON check_in_schedules (next_due_at_utc);

CREATE TABLE outbound_messages (
    id                    TEXT PRIMARY KEY,
    organisation_id       TEXT NOT NULL,
    service_user_id       TEXT NULL,
    to_phone              TEXT NOT NULL,
    body                  TEXT NOT NULL,
    kind                  TEXT NOT NULL,
    dedupe_key            TEXT NULL,
    status                TEXT NOT NULL,
    provider_message_id   TEXT NULL,
    attempts              INTEGER NOT NULL,
    not_before_utc        TEXT NOT NULL,
    lease_until_utc       TEXT NULL,
    error_code            TEXT NULL,
    error_message         TEXT NULL,
    created_at_utc        TEXT NOT NULL,
    sent_at_utc           TEXT NULL,
    status_updated_at_utc TEXT NULL
);
CREATE UNIQUE INDEX ix_outbound_messages_dedupe_key ON outbound_messages (dedupe_key);
CREATE INDEX ix_outbound_messages_provider_message_id ON outbound_messages (provider_message_id);
CREATE INDEX ix_outbound_messages_status_not_before_utc ON outbound_messages (status, not_before_utc);
CREATE INDEX ix_outbound_messages_service_user_id_created_at_utc ON outbound_messages (service_user_id, created_at_utc);

CREATE TABLE check_ins (
    id                   TEXT PRIMARY KEY,
    organisation_id      TEXT NOT NULL,
    service_user_id      TEXT NOT NULL REFERENCES service_users (id),
    local_date           TEXT NOT NULL,
    due_at_utc           TEXT NOT NULL,
    status               TEXT NOT NULL,
    outbound_message_id  TEXT NULL,
    sent_at_utc          TEXT NULL,
    reminder_sent_at_utc TEXT NULL,
    answered_at_utc      TEXT NULL,
    note                 TEXT NULL
);
CREATE UNIQUE INDEX ix_check_ins_service_user_id_local_date ON check_ins (service_user_id, local_date);
CREATE INDEX ix_check_ins_status_due_at_utc ON check_ins (status, due_at_utc);

CREATE TABLE diary_entries (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL,
    service_user_id TEXT NOT NULL REFERENCES service_users (id),
    local_date      TEXT NOT NULL,
    check_in_id     TEXT NULL,
    mood_score      REAL NULL,
    mood_scale      TEXT NOT NULL,
    mood_note       TEXT NULL,
    event_text      TEXT NOT NULL,
    tags            TEXT NOT NULL,
    risk_level      TEXT NOT NULL,
    kind            TEXT NOT NULL,
    created_at_utc  TEXT NOT NULL,
    updated_at_utc  TEXT NOT NULL
);
CREATE INDEX ix_diary_entries_service_user_id_local_date ON diary_entries (service_user_id, local_date);

CREATE TABLE inbound_messages (
    id                  TEXT PRIMARY KEY,
    provider_message_id TEXT NOT NULL,
    organisation_id     TEXT NULL,
    service_user_id     TEXT NULL,
    from_phone          TEXT NOT NULL,
    to_phone            TEXT NOT NULL,
    body                TEXT NOT NULL,
    received_at_utc     TEXT NOT NULL,
    state               TEXT NOT NULL,
    processed_at_utc    TEXT NULL,
    diary_entry_id      TEXT NULL,
    outcome             TEXT NULL
);
CREATE UNIQUE INDEX ix_inbound_messages_provider_message_id ON inbound_messages (provider_message_id);
CREATE INDEX ix_inbound_messages_service_user_id_received_at_utc ON inbound_messages (service_user_id, received_at_utc);
CREATE INDEX ix_inbound_messages_state ON inbound_messages (state);
CREATE INDEX ix_inbound_messages_diary_entry_id ON inbound_messages (diary_entry_id);

CREATE TABLE alerts (
    id                       TEXT PRIMARY KEY,
    organisation_id          TEXT NOT NULL,
    service_user_id          TEXT NOT NULL REFERENCES service_users (id),
    kind                     TEXT NOT NULL,
    severity                 TEXT NOT NULL,
    summary                  TEXT NOT NULL,
    matched_phrases          TEXT NULL,
    inbound_message_id       TEXT NULL,
    diary_entry_id           TEXT NULL,
    created_at_utc           TEXT NOT NULL,
    acknowledged_at_utc      TEXT NULL,
    acknowledged_by_staff_id TEXT NULL,
    acknowledgement_note     TEXT NULL
);
CREATE INDEX ix_alerts_organisation_id_acknowledged_at_utc ON alerts (organisation_id, acknowledged_at_utc);
CREATE INDEX ix_alerts_service_user_id_created_at_utc ON alerts (service_user_id, created_at_utc);

CREATE TABLE therapy_sessions (
    id                   TEXT PRIMARY KEY,
    organisation_id      TEXT NOT NULL,
    service_user_id      TEXT NOT NULL REFERENCES service_users (id),
    therapist_id         TEXT NULL,
    starts_at_utc        TEXT NOT NULL,
    location             TEXT NULL,
    status               TEXT NOT NULL,
    agenda_notes         TEXT NULL,
    reminder_sent_at_utc TEXT NULL,
    created_at_utc       TEXT NOT NULL
);
CREATE INDEX ix_therapy_sessions_service_user_id_starts_at_utc ON therapy_sessions (service_user_id, starts_at_utc);

CREATE TABLE audit_events (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id TEXT NULL,
    actor_type      TEXT NOT NULL,
    actor_id        TEXT NULL,
    action          TEXT NOT NULL,
    entity_type     TEXT NULL,
    entity_id       TEXT NULL,
    service_user_id TEXT NULL,
    detail          TEXT NULL,
    occurred_at_utc TEXT NOT NULL
);
CREATE INDEX ix_audit_events_organisation_id_occurred_at_utc ON audit_events (organisation_id, occurred_at_utc);
CREATE INDEX ix_audit_events_service_user_id_occurred_at_utc ON audit_events (service_user_id, occurred_at_utc);

CREATE TABLE api_keys (
    id               TEXT PRIMARY KEY,
    organisation_id  TEXT NOT NULL REFERENCES organisations (id),
    name             TEXT NOT NULL,
    prefix           TEXT NOT NULL,
    hash             TEXT NOT NULL,
    created_at_utc   TEXT NOT NULL,
    last_used_at_utc TEXT NULL,
    revoked_at_utc   TEXT NULL
);
CREATE UNIQUE INDEX ix_api_keys_hash ON api_keys (hash);
