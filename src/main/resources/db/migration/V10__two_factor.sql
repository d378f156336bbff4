-- Two-factor authentication (TOTP, RFC 6238) and how recently each session proved who it is.

-- The shared secret (Base32) once enrolment is confirmed; the one being enrolled meanwhile; and
-- the last time step a code was accepted for (a code is good once: no replay).
ALTER TABLE account ADD COLUMN totp_secret VARCHAR(64);
ALTER TABLE account ADD COLUMN totp_pending VARCHAR(64);
ALTER TABLE account ADD COLUMN totp_last_step BIGINT;

-- When the session last checked a credential (sign-in, or a step-up with a code), and whether
-- a second factor was part of it.
ALTER TABLE auth_session ADD COLUMN verified_at TIMESTAMP;
ALTER TABLE auth_session ADD COLUMN second_factor BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE auth_session SET verified_at = created_at;

-- Recovery codes: ten per enrolment, each good once, stored as SHA-256 (they are random, so a
-- fast hash is enough; the codes themselves are shown once and never stored).
CREATE TABLE recovery_code (
    account_id BIGINT      NOT NULL,
    code_hash  VARCHAR(64) NOT NULL,
    used_at    TIMESTAMP,
    CONSTRAINT pk_recovery_code PRIMARY KEY (account_id, code_hash),
    CONSTRAINT fk_recovery_code_account FOREIGN KEY (account_id) REFERENCES account (id)
);
