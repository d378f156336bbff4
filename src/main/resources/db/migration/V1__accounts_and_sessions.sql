-- Accounts and their sign-in sessions.
-- Written once for H2 (the embedded default) and PostgreSQL (production): plain types,
-- sequences for ids (portable across Hibernate and EclipseLink), timestamps in UTC.

CREATE SEQUENCE account_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE account (
    id                  BIGINT       NOT NULL,
    username            VARCHAR(32)  NOT NULL,
    -- The lower-cased username: uniqueness and look-ups are case-insensitive.
    username_key        VARCHAR(32)  NOT NULL,
    display_name        VARCHAR(64)  NOT NULL,
    password_hash       VARCHAR(200) NOT NULL,
    role                VARCHAR(16)  NOT NULL,
    signature           VARCHAR(100),
    gender              VARCHAR(16),
    region              VARCHAR(64),
    phone               VARCHAR(32),
    created_at          TIMESTAMP    NOT NULL,
    password_changed_at TIMESTAMP    NOT NULL,
    version             BIGINT       NOT NULL,
    CONSTRAINT pk_account PRIMARY KEY (id),
    CONSTRAINT uq_account_username_key UNIQUE (username_key),
    CONSTRAINT ck_account_role CHECK (role IN ('USER', 'ADMIN'))
);

CREATE SEQUENCE auth_session_seq START WITH 1 INCREMENT BY 50;

-- A signed-in device. Only a SHA-256 of the token is stored: a copy of the database does not
-- let anyone sign in.
CREATE TABLE auth_session (
    id             BIGINT      NOT NULL,
    account_id     BIGINT      NOT NULL,
    token_hash     VARCHAR(64) NOT NULL,
    created_at     TIMESTAMP   NOT NULL,
    last_used_at   TIMESTAMP   NOT NULL,
    expires_at     TIMESTAMP   NOT NULL,
    revoked_at     TIMESTAMP,
    user_agent     VARCHAR(200),
    client_address VARCHAR(64),
    CONSTRAINT pk_auth_session PRIMARY KEY (id),
    CONSTRAINT uq_auth_session_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_auth_session_account FOREIGN KEY (account_id) REFERENCES account (id)
);

CREATE INDEX ix_auth_session_account ON auth_session (account_id);
