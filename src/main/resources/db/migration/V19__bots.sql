-- Bots: an account marked as a bot (shown with a badge, never signs in with a password; its
-- token is a session of its own), and what only bots have: the person who owns it and a
-- description.

ALTER TABLE account ADD COLUMN bot BOOLEAN DEFAULT FALSE NOT NULL;

CREATE TABLE bot (
    account_id  BIGINT       NOT NULL,
    -- Null for the assistant that comes with Plume.
    owner_id    BIGINT,
    description VARCHAR(500),
    created_at  TIMESTAMP    NOT NULL,
    deleted_at  TIMESTAMP,
    CONSTRAINT pk_bot PRIMARY KEY (account_id),
    CONSTRAINT fk_bot_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_bot_owner FOREIGN KEY (owner_id) REFERENCES account (id)
);
CREATE INDEX ix_bot_owner ON bot (owner_id, account_id);

-- Reminders the assistant was asked for (/remind): delivered as a message at their time, by one
-- node (the reminders job lease), surviving restarts.
CREATE SEQUENCE reminder_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE reminder (
    id              BIGINT        NOT NULL,
    account_id      BIGINT        NOT NULL,
    conversation_id BIGINT        NOT NULL,
    body            VARCHAR(500)  NOT NULL,
    due_at          TIMESTAMP     NOT NULL,
    created_at      TIMESTAMP     NOT NULL,
    fired_at        TIMESTAMP,
    CONSTRAINT pk_reminder PRIMARY KEY (id),
    CONSTRAINT fk_reminder_account FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE INDEX ix_reminder_due ON reminder (fired_at, due_at);
CREATE INDEX ix_reminder_account ON reminder (account_id, fired_at);
INSERT INTO job_lease (name, holder, lease_until, cursor_position) VALUES ('reminders', NULL, TIMESTAMP '1970-01-01 00:00:00', 0);

-- Incoming webhooks: a hook posts into one conversation as one bot of its maker's, with a
-- secret sent in a header (stored as SHA-256). A retried post with the same Idempotency-Key is
-- the same message (the send's client id is made from the key), so nothing more is kept here.
CREATE SEQUENCE hook_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE hook (
    id              BIGINT       NOT NULL,
    bot_id          BIGINT       NOT NULL,
    conversation_id BIGINT       NOT NULL,
    creator_id      BIGINT       NOT NULL,
    name            VARCHAR(64)  NOT NULL,
    secret_hash     VARCHAR(64)  NOT NULL,
    created_at      TIMESTAMP    NOT NULL,
    last_used_at    TIMESTAMP,
    revoked_at      TIMESTAMP,
    CONSTRAINT pk_hook PRIMARY KEY (id),
    CONSTRAINT fk_hook_bot FOREIGN KEY (bot_id) REFERENCES account (id),
    CONSTRAINT fk_hook_creator FOREIGN KEY (creator_id) REFERENCES account (id)
);
CREATE INDEX ix_hook_conversation ON hook (conversation_id, revoked_at);
