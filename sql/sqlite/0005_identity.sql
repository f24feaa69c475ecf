-- Buddy schema, version 5 (SQLite): staff sign-in accounts (ASP.NET Core Identity, schema version 1).
-- One account per staff member; name, organisation and role stay on staff_members.

CREATE TABLE identity_users (
    id                     TEXT PRIMARY KEY,
    staff_member_id        TEXT NOT NULL REFERENCES staff_members (id),
    user_name              TEXT NULL,
    normalized_user_name   TEXT NULL,
    email                  TEXT NULL,
    normalized_email       TEXT NULL,
    email_confirmed        INTEGER NOT NULL,
    password_hash          TEXT NULL,
    security_stamp         TEXT NULL,
    concurrency_stamp      TEXT NULL,
    phone_number           TEXT NULL,
    phone_number_confirmed INTEGER NOT NULL,
    two_factor_enabled     INTEGER NOT NULL,
    lockout_end            TEXT NULL,
    lockout_enabled        INTEGER NOT NULL,
    access_failed_count    INTEGER NOT NULL
);
CREATE UNIQUE INDEX ix_identity_users_staff_member_id ON identity_users (staff_member_id);
CREATE UNIQUE INDEX ix_identity_users_normalized_user_name ON identity_users (normalized_user_name);
CREATE INDEX ix_identity_users_normalized_email ON identity_users (normalized_email);

CREATE TABLE identity_roles (
    id                TEXT PRIMARY KEY,
    name              TEXT NULL,
    normalized_name   TEXT NULL,
    concurrency_stamp TEXT NULL
);
CREATE UNIQUE INDEX ix_identity_roles_normalized_name ON identity_roles (normalized_name);

CREATE TABLE identity_user_roles (
    user_id TEXT NOT NULL REFERENCES identity_users (id) ON DELETE CASCADE,
    role_id TEXT NOT NULL REFERENCES identity_roles (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, role_id)
);
CREATE INDEX ix_identity_user_roles_role_id ON identity_user_roles (role_id);

CREATE TABLE identity_user_claims (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     TEXT NOT NULL REFERENCES identity_users (id) ON DELETE CASCADE,
    claim_type  TEXT NULL,
    claim_value TEXT NULL
);
CREATE INDEX ix_identity_user_claims_user_id ON identity_user_claims (user_id);

CREATE TABLE identity_role_claims (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    role_id     TEXT NOT NULL REFERENCES identity_roles (id) ON DELETE CASCADE,
    claim_type  TEXT NULL,
    claim_value TEXT NULL
);
CREATE INDEX ix_identity_role_claims_role_id ON identity_role_claims (role_id);

CREATE TABLE identity_user_logins (
    login_provider        TEXT NOT NULL,
    provider_key          TEXT NOT NULL,
    provider_display_name TEXT NULL,
    user_id               TEXT NOT NULL REFERENCES identity_users (id) ON DELETE CASCADE,
    PRIMARY KEY (login_provider, provider_key)
);
CREATE INDEX ix_identity_user_logins_user_id ON identity_user_logins (user_id);

CREATE TABLE identity_user_tokens (
    user_id        TEXT NOT NULL REFERENCES identity_users (id) ON DELETE CASCADE,
    login_provider TEXT NOT NULL,
    name           TEXT NOT NULL,
    value          TEXT NULL,
    PRIMARY KEY (user_id, login_provider, name)
);
