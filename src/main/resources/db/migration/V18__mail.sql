-- Email: a person's address (verified, unique without regard to case), the address waiting for
-- its link, and the language their mail is written in; single-use links (verify an address,
-- reset a password) stored as SHA-256 of the token; and the outbox that mail is sent from after
-- commit, so that a crash between a commit and the send loses no mail.

ALTER TABLE account ADD COLUMN email VARCHAR(254);
-- lower(email), set only once verified: the unique key allows one account per address.
ALTER TABLE account ADD COLUMN email_key VARCHAR(254);
ALTER TABLE account ADD COLUMN pending_email VARCHAR(254);
ALTER TABLE account ADD COLUMN mail_language VARCHAR(16);
ALTER TABLE account ADD CONSTRAINT uq_account_email_key UNIQUE (email_key);

CREATE SEQUENCE account_link_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE account_link (
    id          BIGINT       NOT NULL,
    account_id  BIGINT       NOT NULL,
    purpose     VARCHAR(16)  NOT NULL,
    token_hash  VARCHAR(64)  NOT NULL,
    -- The address being verified (VERIFY_EMAIL only).
    email       VARCHAR(254),
    created_at  TIMESTAMP    NOT NULL,
    expires_at  TIMESTAMP    NOT NULL,
    used_at     TIMESTAMP,
    CONSTRAINT pk_account_link PRIMARY KEY (id),
    CONSTRAINT uq_account_link_token UNIQUE (token_hash),
    CONSTRAINT fk_account_link_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT ck_account_link_purpose CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD'))
);
CREATE INDEX ix_account_link_account ON account_link (account_id, purpose);
CREATE INDEX ix_account_link_expires ON account_link (expires_at);

CREATE SEQUENCE mail_outbox_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE mail_outbox (
    id              BIGINT         NOT NULL,
    -- What the mail is (verify_email, password_reset, ...): for the figures and the console.
    kind            VARCHAR(40)    NOT NULL,
    recipient       VARCHAR(254)   NOT NULL,
    subject         VARCHAR(200)   NOT NULL,
    -- Erased once the mail is sent or given up on: a link in it must not outlive its purpose.
    text_body       VARCHAR(20000),
    html_body       VARCHAR(40000),
    status          VARCHAR(16)    NOT NULL,
    attempts        INTEGER        NOT NULL,
    next_attempt_at TIMESTAMP      NOT NULL,
    created_at      TIMESTAMP      NOT NULL,
    finished_at     TIMESTAMP,
    last_error      VARCHAR(500),
    CONSTRAINT pk_mail_outbox PRIMARY KEY (id),
    CONSTRAINT ck_mail_outbox_status CHECK (status IN ('PENDING', 'SENT', 'FAILED'))
);
CREATE INDEX ix_mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX ix_mail_outbox_finished ON mail_outbox (finished_at);

-- One node at a time sends from the outbox.
INSERT INTO job_lease (name, holder, lease_until, cursor_position) VALUES ('mail', NULL, TIMESTAMP '1970-01-01 00:00:00', 0);
