-- Session cycle (SQL Server): goals and their progress, questionnaires by SMS, and open conversations.
-- Forward-only: never edit once released; add a new numbered script.

CREATE TABLE goals (
    id                  uniqueidentifier PRIMARY KEY,
    organisation_id     uniqueidentifier NOT NULL,
    service_user_id     uniqueidentifier NOT NULL REFERENCES service_users (id),
    text                nvarchar(max) NOT NULL,
    status              nvarchar(450) NOT NULL,
    reminder_days       int NOT NULL,
    reminder_local_time time NOT NULL,
    next_due_at_utc     datetime2 NULL,
    set_by_staff_id     uniqueidentifier NULL,
    created_at_utc      datetime2 NOT NULL,
    updated_at_utc      datetime2 NOT NULL,
    achieved_at_utc     datetime2 NULL
);
CREATE INDEX ix_goals_service_user_id_status ON goals (service_user_id, status);
CREATE INDEX ix_goals_next_due_at_utc ON goals (next_due_at_utc);

CREATE TABLE goal_progress (
    id                 uniqueidentifier PRIMARY KEY,
    organisation_id    uniqueidentifier NOT NULL,
    service_user_id    uniqueidentifier NOT NULL REFERENCES service_users (id),
    goal_id            uniqueidentifier NOT NULL REFERENCES goals (id),
    local_date         date NOT NULL,
    outcome            nvarchar(max) NOT NULL,
    reply_text         nvarchar(max) NOT NULL,
    inbound_message_id uniqueidentifier NULL,
    recorded_at_utc    datetime2 NOT NULL
);
CREATE INDEX ix_goal_progress_goal_id_local_date ON goal_progress (goal_id, local_date);
CREATE INDEX ix_goal_progress_service_user_id_recorded_at_utc ON goal_progress (service_user_id, recorded_at_utc);

CREATE TABLE questionnaire_schedules (
    id              uniqueidentifier PRIMARY KEY,
    organisation_id uniqueidentifier NOT NULL,
    service_user_id uniqueidentifier NOT NULL REFERENCES service_users (id),
    kind            nvarchar(450) NOT NULL,
    every_weeks     int NOT NULL,
    local_time      time NOT NULL,
    next_due_at_utc datetime2 NOT NULL,
    is_enabled      bit NOT NULL,
    set_by_staff_id uniqueidentifier NULL,
    updated_at_utc  datetime2 NOT NULL
);
CREATE UNIQUE INDEX ix_questionnaire_schedules_service_user_id_kind ON questionnaire_schedules (service_user_id, kind);
CREATE INDEX ix_questionnaire_schedules_next_due_at_utc ON questionnaire_schedules (next_due_at_utc);

CREATE TABLE questionnaire_runs (
    id                    uniqueidentifier PRIMARY KEY,
    organisation_id       uniqueidentifier NOT NULL,
    service_user_id       uniqueidentifier NOT NULL REFERENCES service_users (id),
    kind                  nvarchar(450) NOT NULL,
    status                nvarchar(450) NOT NULL,
    source                nvarchar(max) NOT NULL,
    schedule_id           uniqueidentifier NULL,
    requested_by_staff_id uniqueidentifier NULL,
    current_item          int NOT NULL,
    current_item_reasked  bit NOT NULL,
    started_at_utc        datetime2 NOT NULL,
    last_prompt_at_utc    datetime2 NOT NULL,
    expires_at_utc        datetime2 NOT NULL,
    completed_at_utc      datetime2 NULL,
    closed_at_utc         datetime2 NULL,
    total_score           int NULL,
    severity              nvarchar(max) NULL,
    risk_flagged          bit NOT NULL,
    close_reason          nvarchar(max) NULL
);
CREATE INDEX ix_questionnaire_runs_service_user_id_started_at_utc ON questionnaire_runs (service_user_id, started_at_utc);
CREATE INDEX ix_questionnaire_runs_status_expires_at_utc ON questionnaire_runs (status, expires_at_utc);
-- One questionnaire of a kind in progress per person: a repeated scheduler run or double click cannot start two.
CREATE UNIQUE INDEX ux_questionnaire_runs_in_progress ON questionnaire_runs (service_user_id, kind) WHERE status = 'InProgress';

CREATE TABLE questionnaire_answers (
    id                 uniqueidentifier PRIMARY KEY,
    organisation_id    uniqueidentifier NOT NULL,
    service_user_id    uniqueidentifier NOT NULL,
    run_id             uniqueidentifier NOT NULL REFERENCES questionnaire_runs (id),
    item_number        int NOT NULL,
    score              int NOT NULL,
    inbound_message_id uniqueidentifier NULL,
    answered_at_utc    datetime2 NOT NULL
);
CREATE UNIQUE INDEX ix_questionnaire_answers_run_id_item_number ON questionnaire_answers (run_id, item_number);

CREATE TABLE conversations (
    id                      uniqueidentifier PRIMARY KEY,
    organisation_id         uniqueidentifier NOT NULL,
    service_user_id         uniqueidentifier NOT NULL REFERENCES service_users (id),
    kind                    nvarchar(450) NOT NULL,
    subject_id              uniqueidentifier NOT NULL,
    outbound_message_id     uniqueidentifier NULL,
    status                  nvarchar(450) NOT NULL,
    opened_at_utc           datetime2 NOT NULL,
    expires_at_utc          datetime2 NOT NULL,
    closed_at_utc           datetime2 NULL,
    answered_by_inbound_id  uniqueidentifier NULL
);
CREATE INDEX ix_conversations_service_user_id_status ON conversations (service_user_id, status);
CREATE INDEX ix_conversations_status_expires_at_utc ON conversations (status, expires_at_utc);
-- One open question per subject: the same reminder cannot open two conversations.
CREATE UNIQUE INDEX ux_conversations_open ON conversations (service_user_id, kind, subject_id) WHERE status = 'Open';

CREATE INDEX ix_therapy_sessions_status_starts_at_utc ON therapy_sessions (status, starts_at_utc);
