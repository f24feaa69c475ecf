-- Session cycle (PostgreSQL): goals and their progress, questionnaires by SMS, and open conversations.
-- Forward-only: never edit once released; add a new numbered script.

CREATE TABLE goals (
    id                  uuid PRIMARY KEY,
    organisation_id     uuid NOT NULL,
    service_user_id     uuid NOT NULL REFERENCES service_users (id),
    text                text NOT NULL,
    status              text NOT NULL,
    reminder_days       integer NOT NULL,
    reminder_local_time time NOT NULL,
    next_due_at_utc     timestamptz NULL,
    set_by_staff_id     uuid NULL,
    created_at_utc      timestamptz NOT NULL,
    updated_at_utc      timestamptz NOT NULL,
    achieved_at_utc     timestamptz NULL
);
CREATE INDEX ix_goals_service_user_id_status ON goals (service_user_id, status);
CREATE INDEX ix_goals_next_due_at_utc ON goals (next_due_at_utc);

CREATE TABLE goal_progress (
    id                 uuid PRIMARY KEY,
    organisation_id    uuid NOT NULL,
    service_user_id    uuid NOT NULL REFERENCES service_users (id),
    goal_id            uuid NOT NULL REFERENCES goals (id),
    local_date         date NOT NULL,
    outcome            text NOT NULL,
    reply_text         text NOT NULL,
    inbound_message_id uuid NULL,
    recorded_at_utc    timestamptz NOT NULL
);
CREATE INDEX ix_goal_progress_goal_id_local_date ON goal_progress (goal_id, local_date);
CREATE INDEX ix_goal_progress_service_user_id_recorded_at_utc ON goal_progress (service_user_id, recorded_at_utc);

CREATE TABLE questionnaire_schedules (
    id              uuid PRIMARY KEY,
    organisation_id uuid NOT NULL,
    service_user_id uuid NOT NULL REFERENCES service_users (id),
    kind            text NOT NULL,
    every_weeks     integer NOT NULL,
    local_time      time NOT NULL,
    next_due_at_utc timestamptz NOT NULL,
    is_enabled      boolean NOT NULL,
    set_by_staff_id uuid NULL,
    updated_at_utc  timestamptz NOT NULL
);
CREATE UNIQUE INDEX ix_questionnaire_schedules_service_user_id_kind ON questionnaire_schedules (service_user_id, kind);
CREATE INDEX ix_questionnaire_schedules_next_due_at_utc ON questionnaire_schedules (next_due_at_utc);

CREATE TABLE questionnaire_runs (
    id                    uuid PRIMARY KEY,
    organisation_id       uuid NOT NULL,
    service_user_id       uuid NOT NULL REFERENCES service_users (id),
    kind                  text NOT NULL,
    status                text NOT NULL,
    source                text NOT NULL,
    schedule_id           uuid NULL,
    requested_by_staff_id uuid NULL,
    current_item          integer NOT NULL,
    current_item_reasked  boolean NOT NULL,
    started_at_utc        timestamptz NOT NULL,
    last_prompt_at_utc    timestamptz NOT NULL,
    expires_at_utc        timestamptz NOT NULL,
    completed_at_utc      timestamptz NULL,
    closed_at_utc         timestamptz NULL,
    total_score           integer NULL,
    severity              text NULL,
    risk_flagged          boolean NOT NULL,
    close_reason          text NULL
);
CREATE INDEX ix_questionnaire_runs_service_user_id_started_at_utc ON questionnaire_runs (service_user_id, started_at_utc);
CREATE INDEX ix_questionnaire_runs_status_expires_at_utc ON questionnaire_runs (status, expires_at_utc);
-- One questionnaire of a kind in progress per person: a repeated scheduler run or double click cannot start two.
CREATE UNIQUE INDEX ux_questionnaire_runs_in_progress ON questionnaire_runs (service_user_id, kind) WHERE status = 'InProgress';

CREATE TABLE questionnaire_answers (
    id                 uuid PRIMARY KEY,
    organisation_id    uuid NOT NULL,
    service_user_id    uuid NOT NULL,
    run_id             uuid NOT NULL REFERENCES questionnaire_runs (id),
    item_number        integer NOT NULL,
    score              integer NOT NULL,
    inbound_message_id uuid NULL,
    answered_at_utc    timestamptz NOT NULL
);
CREATE UNIQUE INDEX ix_questionnaire_answers_run_id_item_number ON questionnaire_answers (run_id, item_number);

CREATE TABLE conversations (
    id                      uuid PRIMARY KEY,
    organisation_id         uuid NOT NULL,
    service_user_id         uuid NOT NULL REFERENCES service_users (id),
    kind                    text NOT NULL,
    subject_id              uuid NOT NULL,
    outbound_message_id     uuid NULL,
    status                  text NOT NULL,
    opened_at_utc           timestamptz NOT NULL,
    expires_at_utc          timestamptz NOT NULL,
    closed_at_utc           timestamptz NULL,
    answered_by_inbound_id  uuid NULL
);
CREATE INDEX ix_conversations_service_user_id_status ON conversations (service_user_id, status);
CREATE INDEX ix_conversations_status_expires_at_utc ON conversations (status, expires_at_utc);
-- One open question per subject: the same reminder cannot open two conversations.
CREATE UNIQUE INDEX ux_conversations_open ON conversations (service_user_id, kind, subject_id) WHERE status = 'Open';

CREATE INDEX ix_therapy_sessions_status_starts_at_utc ON therapy_sessions (status, starts_at_utc);
