-- Session cycle (SQLite): goals and their progress, questionnaires by SMS, and open conversations.
-- Forward-only: never edit once released; add a new numbered script.

CREATE TABLE goals (
    id                  TEXT PRIMARY KEY,
    organisation_id     TEXT NOT NULL,
    service_user_id     TEXT NOT NULL REFERENCES service_users (id),
    text                TEXT NOT NULL,
    status              TEXT NOT NULL,
    reminder_days       INTEGER NOT NULL,
    reminder_local_time TEXT NOT NULL,
    next_due_at_utc     TEXT NULL,
    set_by_staff_id     TEXT NULL,
    created_at_utc      TEXT NOT NULL,
    updated_at_utc      TEXT NOT NULL,
    achieved_at_utc     TEXT NULL
);
CREATE INDEX ix_goals_service_user_id_status ON goals (service_user_id, status);
CREATE INDEX ix_goals_next_due_at_utc ON goals (next_due_at_utc);

CREATE TABLE goal_progress (
    id                 TEXT PRIMARY KEY,
    organisation_id    TEXT NOT NULL,
    service_user_id    TEXT NOT NULL REFERENCES service_users (id),
    goal_id            TEXT NOT NULL REFERENCES goals (id),
    local_date         TEXT NOT NULL,
    outcome            TEXT NOT NULL,
    reply_text         TEXT NOT NULL,
    inbound_message_id TEXT NULL,
    recorded_at_utc    TEXT NOT NULL
);
CREATE INDEX ix_goal_progress_goal_id_local_date ON goal_progress (goal_id, local_date);
CREATE INDEX ix_goal_progress_service_user_id_recorded_at_utc ON goal_progress (service_user_id, recorded_at_utc);

CREATE TABLE questionnaire_schedules (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL,
    service_user_id TEXT NOT NULL REFERENCES service_users (id),
    kind            TEXT NOT NULL,
    every_weeks     INTEGER NOT NULL,
    local_time      TEXT NOT NULL,
    next_due_at_utc TEXT NOT NULL,
    is_enabled      INTEGER NOT NULL,
    set_by_staff_id TEXT NULL,
    updated_at_utc  TEXT NOT NULL
);
CREATE UNIQUE INDEX ix_questionnaire_schedules_service_user_id_kind ON questionnaire_schedules (service_user_id, kind);
CREATE INDEX ix_questionnaire_schedules_next_due_at_utc ON questionnaire_schedules (next_due_at_utc);

CREATE TABLE questionnaire_runs (
    id                    TEXT PRIMARY KEY,
    organisation_id       TEXT NOT NULL,
    service_user_id       TEXT NOT NULL REFERENCES service_users (id),
    kind                  TEXT NOT NULL,
    status                TEXT NOT NULL,
    source                TEXT NOT NULL,
    schedule_id           TEXT NULL,
    requested_by_staff_id TEXT NULL,
    current_item          INTEGER NOT NULL,
    current_item_reasked  INTEGER NOT NULL,
    started_at_utc        TEXT NOT NULL,
    last_prompt_at_utc    TEXT NOT NULL,
    expires_at_utc        TEXT NOT NULL,
    completed_at_utc      TEXT NULL,
    closed_at_utc         TEXT NULL,
    total_score           INTEGER NULL,
    severity              TEXT NULL,
    risk_flagged          INTEGER NOT NULL,
    close_reason          TEXT NULL
);
CREATE INDEX ix_questionnaire_runs_service_user_id_started_at_utc ON questionnaire_runs (service_user_id, started_at_utc);
CREATE INDEX ix_questionnaire_runs_status_expires_at_utc ON questionnaire_runs (status, expires_at_utc);
-- One questionnaire of a kind in progress per person: a repeated scheduler run or double click cannot start two.
CREATE UNIQUE INDEX ux_questionnaire_runs_in_progress ON questionnaire_runs (service_user_id, kind) WHERE status = 'InProgress';

CREATE TABLE questionnaire_answers (
    id                 TEXT PRIMARY KEY,
    organisation_id    TEXT NOT NULL,
    service_user_id    TEXT NOT NULL,
    run_id             TEXT NOT NULL REFERENCES questionnaire_runs (id),
    item_number        INTEGER NOT NULL,
    score              INTEGER NOT NULL,
    inbound_message_id TEXT NULL,
    answered_at_utc    TEXT NOT NULL
);
CREATE UNIQUE INDEX ix_questionnaire_answers_run_id_item_number ON questionnaire_answers (run_id, item_number);

CREATE TABLE conversations (
    id                      TEXT PRIMARY KEY,
    organisation_id         TEXT NOT NULL,
    service_user_id         TEXT NOT NULL REFERENCES service_users (id),
    kind                    TEXT NOT NULL,
    subject_id              TEXT NOT NULL,
    outbound_message_id     TEXT NULL,
    status                  TEXT NOT NULL,
    opened_at_utc           TEXT NOT NULL,
    expires_at_utc          TEXT NOT NULL,
    closed_at_utc           TEXT NULL,
    answered_by_inbound_id  TEXT NULL
);
CREATE INDEX ix_conversations_service_user_id_status ON conversations (service_user_id, status);
CREATE INDEX ix_conversations_status_expires_at_utc ON conversations (status, expires_at_utc);
-- One open question per subject: the same reminder cannot open two conversations.
CREATE UNIQUE INDEX ux_conversations_open ON conversations (service_user_id, kind, subject_id) WHERE status = 'Open';

CREATE INDEX ix_therapy_sessions_status_starts_at_utc ON therapy_sessions (status, starts_at_utc);
