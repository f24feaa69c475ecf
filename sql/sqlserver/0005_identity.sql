-- Buddy schema, version 5 (SQL Server): staff sign-in accounts (ASP.NET Core Identity, schema version 1).
-- One account per staff member; name, organisation and role stay on staff_members.

CREATE TABLE identity_users (
    id                     uniqueidentifier PRIMARY KEY,
    staff_member_id        uniqueidentifier NOT NULL REFERENCES staff_members (id),
    user_name              nvarchar(256) COLLATE Latin1_General_100_BIN2 NULL,
    normalized_user_name   nvarchar(256) COLLATE Latin1_General_100_BIN2 NULL,
    email                  nvarchar(256) COLLATE Latin1_General_100_BIN2 NULL,
    normalized_email       nvarchar(256) COLLATE Latin1_General_100_BIN2 NULL,
    email_confirmed        bit NOT NULL,
    password_hash          nvarchar(max) NULL,
    security_stamp         nvarchar(max) NULL,
    concurrency_stamp      nvarchar(max) NULL,
    phone_number           nvarchar(max) COLLATE Latin1_General_100_BIN2 NULL,
    phone_number_confirmed bit NOT NULL,
    two_factor_enabled     bit NOT NULL,
    lockout_end            datetime2 NULL,
    lockout_enabled        bit NOT NULL,
    access_failed_count    int NOT NULL
);
CREATE UNIQUE INDEX ix_identity_users_staff_member_id ON identity_users (staff_member_id);
CREATE UNIQUE INDEX ix_identity_users_normalized_user_name ON identity_users (normalized_user_name) WHERE normalized_user_name IS NOT NULL;
CREATE INDEX ix_identity_users_normalized_email ON identity_users (normalized_email);

CREATE TABLE identity_roles (
    id                uniqueidentifier PRIMARY KEY,
    name              nvarchar(256) NULL,
    normalized_name   nvarchar(256) NULL,
    concurrency_stamp nvarchar(max) NULL
);
CREATE UNIQUE INDEX ix_identity_roles_normalized_name ON identity_roles (normalized_name) WHERE normalized_name IS NOT NULL;

CREATE TABLE identity_user_roles (
    user_id uniqueidentifier NOT NULL REFERENCES identity_users (id) ON DELETE CASCADE,
    role_id uniqueidentifier NOT NULL REFERENCES identity_roles (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, role_id)
);
CREATE INDEX ix_identity_user_roles_role_id ON identity_user_roles (role_id);

CREATE TABLE identity_user_claims (
    id          int IDENTITY(1,1) PRIMARY KEY,
    user_id     uniqueidentifier NOT NULL REFERENCES identity_users (id) ON DELETE CASCADE,
    claim_type  nvarchar(max) NULL,
    claim_value nvarchar(max) NULL
);
CREATE INDEX ix_identity_user_claims_user_id ON identity_user_claims (user_id);

CREATE TABLE identity_role_claims (
    id          int IDENTITY(1,1) PRIMARY KEY,
    role_id     uniqueidentifier NOT NULL REFERENCES identity_roles (id) ON DELETE CASCADE,
    claim_type  nvarchar(max) NULL,
    claim_value nvarchar(max) NULL
);
CREATE INDEX ix_identity_role_claims_role_id ON identity_role_claims (role_id);

CREATE TABLE identity_user_logins (
    login_provider        nvarchar(450) NOT NULL,
    provider_key          nvarchar(450) NOT NULL,
    provider_display_name nvarchar(max) NULL,
    user_id               uniqueidentifier NOT NULL REFERENCES identity_users (id) ON DELETE CASCADE,
    PRIMARY KEY (login_provider, provider_key)
);
CREATE INDEX ix_identity_user_logins_user_id ON identity_user_logins (user_id);

CREATE TABLE identity_user_tokens (
    user_id        uniqueidentifier NOT NULL REFERENCES identity_users (id) ON DELETE CASCADE,
    login_provider nvarchar(450) NOT NULL,
    name           nvarchar(450) NOT NULL,
    value          nvarchar(max) NULL,
    PRIMARY KEY (user_id, login_provider, name)
);
