-- Buddy schema, version 1 (PostgreSQL). Forward-only: never edit once released; add a new numbered script.
-- Every compared or ordered time is UTC (timestamptz); local dates are derived with the service user's IANA zone.

CREATE TABLE organisations (
    id                      uuid PRIMARY KEY,
    name                    text NOT NULL,
    time_zone_id            text NOT NULL,
    mood_scale              text NOT NULL,
    crisis_message          text NOT NULL,
    help_message            text NOT NULL,
    duty_contact_name       text NULL,
    duty_contact_phone      text NULL,
    duty_contact_email      text NULL,
    quiet_hours_start       time NOT NULL,
    quiet_hours_end         time NOT NULL,
    catch_up_window_minutes integer NOT NULL,
    send_rate_per_second    double precision NOT NULL,
    low_mood_streak         integer NOT NULL,
    no_reply_days           integer NOT NULL,
    deterioration_drop      double precision NOT NULL,
    created_at_utc          timestamptz NOT NULL
);
CREATE UNIQUE INDEX ix_organisations_name ON organisations (name);

CREATE TABLE staff_members (
    id              uuid PRIMARY KEY,
    organisation_id uuid NOT NULL REFERENCES organisations (id),
    display_name    text NOT NULL,
    email           text NOT NULL,
    role            text NOT NULL,
    alert_phone     text NULL,
    is_active       boolean NOT NULL,
    created_at_utc  timestamptz NOT NULL
);
CREATE UNIQUE INDEX ix_staff_members_email ON staff_members (email);
CREATE INDEX ix_staff_members_organisation_id ON staff_members (organisation_id);

CREATE TABLE service_users (
    id                     uuid PRIMARY KEY,
    organisation_id        uuid NOT NULL REFERENCES organisations (id),
    display_name           text NOT NULL,
    first_name             text NULL,
    phone_e164             text NULL,
    therapist_id           uuid NULL REFERENCES staff_members (id),
    time_zone_id           text NOT NULL,
    status                 text NOT NULL,
    consent                text NOT NULL,
    consent_changed_at_utc timestamptz NULL,
    paused_until           date NULL,
    discharged_at_utc      timestamptz NULL,
    erased_at_utc          timestamptz NULL,
    external_reference     text NULL,
    created_at_utc         timestamptz NOT NULL,
    updated_at_utc         timestamptz NOT NULL
);
CREATE UNIQUE INDEX ix_service_users_phone_e164 ON service_users (phone_e164);
CREATE INDEX ix_service_users_organisation_id_therapist_id ON service_users (organisation_id, therapist_id);
CREATE INDEX ix_service_users_therapist_id ON service_users (therapist_id);

CREATE TABLE message_templates (
    id              uuid PRIMARY KEY,
    organisation_id uuid NOT NULL REFERENCES organisations (id),
    kind            text NOT NULL,
    name            text NOT NULL,
    body            text NOT NULL,
    is_default      boolean NOT NULL,
    updated_at_utc  timestamptz NOT NULL
);
CREATE INDEX ix_message_templates_organisation_id_kind ON message_templates (organisation_id, kind);

CREATE TABLE check_in_schedules (
    id                     uuid PRIMARY KEY,
    organisation_id        uuid NOT NULL,
    service_user_id        uuid NOT NULL REFERENCES service_users (id),
    local_time             time NOT NULL,
    days                   integer NOT NULL,
    start_date             date NULL,
    end_date               date NULL,
    reminder_after_minutes integer NULL,
    quiet_hours_start      time NULL,
    quiet_hours_end        time NULL,
    template_id            uuid NULL,
    two_step               boolean NOT NULL,
    is_enabled             boolean NOT NULL,
    next_due_at_utc        timestamptz NULL,
    updated_at_utc         timestamptz NOT NULL
);
CREATE UNIQUE INDEX ix_check_in_schedules_service_user_id ON check_in_schedules (service_user_id);
CREATE INDEX ix_check_in_schedules_next_due_at_utc ON check_in_schedules (next_due_at_utc);

CREATE TABLE outbound_messages (
    id                    uuid PRIMARY KEY,
    organisation_id       uuid NOT NULL,
    service_user_id       uuid NULL,
    to_phone              text NOT NULL,
    body                  text NOT NULL,
    kind                  text NOT NULL,
    dedupe_key            text NULL,
    status                text NOT NULL,
    provider_message_id   text NULL,
    attempts              integer NOT NULL,
    not_before_utc        timestamptz NOT NULL,
    lease_until_utc       timestamptz NULL,
    error_code            text NULL,
    error_message         text NULL,
    created_at_utc        timestamptz NOT NULL,
    sent_at_utc           timestamptz NULL,
    status_updated_at_utc timestamptz NULL
);
CREATE UNIQUE INDEX ix_outbound_messages_dedupe_key ON outbound_messages (dedupe_key);
CREATE INDEX ix_outbound_messages_provider_message_id ON outbound_messages (provider_message_id);
CREATE INDEX ix_outbound_messages_status_not_before_utc ON outbound_messages (status, not_before_utc);
CREATE INDEX ix_outbound_messages_service_user_id_created_at_utc ON outbound_messages (service_user_id, created_at_utc);

CREATE TABLE check_ins (
    id                   uuid PRIMARY KEY,
    organisation_id      uuid NOT NULL,
    service_user_id      uuid NOT NULL REFERENCES service_users (id),
    local_date           date NOT NULL,
    due_at_utc           timestamptz NOT NULL,
    status               text NOT NULL,
    outbound_message_id  uuid NULL,
    sent_at_utc          timestamptz NULL,
    reminder_sent_at_utc timestamptz NULL,
    answered_at_utc      timestamptz NULL,
    note                 text NULL
);
CREATE UNIQUE INDEX ix_check_ins_service_user_id_local_date ON check_ins (service_user_id, local_date);
CREATE INDEX ix_check_ins_status_due_at_utc ON check_ins (status, due_at_utc);

CREATE TABLE diary_entries (
    id              uuid PRIMARY KEY,
    organisation_id uuid NOT NULL,
    service_user_id uuid NOT NULL REFERENCES service_users (id),
    local_date      date NOT NULL,
    check_in_id     uuid NULL,
    mood_score      double precision NULL,
    mood_scale      text NOT NULL,
    mood_note       text NULL,
    event_text      text NOT NULL,
    tags            text NOT NULL,
    risk_level      text NOT NULL,
    kind            text NOT NULL,
    created_at_utc  timestamptz NOT NULL,
    updated_at_utc  timestamptz NOT NULL
);
CREATE INDEX ix_diary_entries_service_user_id_local_date ON diary_entries (service_user_id, local_date);

CREATE TABLE inbound_messages (
    id                  uuid PRIMARY KEY,
    provider_message_id text NOT NULL,
    organisation_id     uuid NULL,
    service_user_id     uuid NULL,
    from_phone          text NOT NULL,
    to_phone            text NOT NULL,
    body                text NOT NULL,
    received_at_utc     timestamptz NOT NULL,
    state               text NOT NULL,
    processed_at_utc    timestamptz NULL,
    diary_entry_id      uuid NULL,
    outcome             text NULL
);
CREATE UNIQUE INDEX ix_inbound_messages_provider_message_id ON inbound_messages (provider_message_id);
CREATE INDEX ix_inbound_messages_service_user_id_received_at_utc ON inbound_messages (service_user_id, received_at_utc);
CREATE INDEX ix_inbound_messages_state ON inbound_messages (state);
CREATE INDEX ix_inbound_messages_diary_entry_id ON inbound_messages (diary_entry_id);

CREATE TABLE alerts (
    id                       uuid PRIMARY KEY,
    organisation_id          uuid NOT NULL,
    service_user_id          uuid NOT NULL REFERENCES service_users (id),
    kind                     text NOT NULL,
    severity                 text NOT NULL,
    summary                  text NOT NULL,
    matched_phrases          text NULL,
    inbound_message_id       uuid NULL,
    diary_entry_id           uuid NULL,
    created_at_utc           timestamptz NOT NULL,
    acknowledged_at_utc      timestamptz NULL,
    acknowledged_by_staff_id uuid NULL,
    acknowledgement_note     text NULL
);
CREATE INDEX ix_alerts_organisation_id_acknowledged_at_utc ON alerts (organisation_id, acknowledged_at_utc);
CREATE INDEX ix_alerts_service_user_id_created_at_utc ON alerts (service_user_id, created_at_utc);

CREATE TABLE therapy_sessions (
    id                   uuid PRIMARY KEY,
    organisation_id      uuid NOT NULL,
    service_user_id      uuid NOT NULL REFERENCES service_users (id),
    therapist_id         uuid NULL,
    starts_at_utc        timestamptz NOT NULL,
    location             text NULL,
    status               text NOT NULL,
    agenda_notes         text NULL,
    reminder_sent_at_utc timestamptz NULL,
    created_at_utc       timestamptz NOT NULL
);
CREATE INDEX ix_therapy_sessions_service_user_id_starts_at_utc ON therapy_sessions (service_user_id, starts_at_utc);

CREATE TABLE audit_events (
    id              bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    organisation_id uuid NULL,
    actor_type      text NOT NULL,
    actor_id        uuid NULL,
    action          text NOT NULL,
    entity_type     text NULL,
    entity_id       text NULL,
    service_user_id uuid NULL,
    detail          text NULL,
    occurred_at_utc timestamptz NOT NULL
);
CREATE INDEX ix_audit_events_organisation_id_occurred_at_utc ON audit_events (organisation_id, occurred_at_utc);
CREATE INDEX ix_audit_events_service_user_id_occurred_at_utc ON audit_events (service_user_id, occurred_at_utc);

CREATE TABLE api_keys (
    id               uuid PRIMARY KEY,
    organisation_id  uuid NOT NULL REFERENCES organisations (id),
    name             text NOT NULL,
    prefix           text NOT NULL,
    hash             text NOT NULL,
    created_at_utc   timestamptz NOT NULL,
    last_used_at_utc timestamptz NULL,
    revoked_at_utc   timestamptz NULL
);
CREATE UNIQUE INDEX ix_api_keys_hash ON api_keys (hash);
