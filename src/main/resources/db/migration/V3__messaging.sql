-- Messaging: conversations (one per pair of friends, one per chat group), messages with
-- per-conversation sequence numbers, and each member's read position and preferences.

CREATE SEQUENCE conversation_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE conversation (
    id              BIGINT      NOT NULL,
    kind            VARCHAR(16) NOT NULL,
    -- "<smaller id>:<larger id>" for a direct conversation: one per pair of people.
    direct_key      VARCHAR(41),
    group_id        BIGINT,
    -- The sequence number of the newest message; the next message takes last_seq + 1 under a
    -- row lock, so numbers rise without gaps in commit order.
    last_seq        BIGINT      NOT NULL,
    last_message_at TIMESTAMP,
    created_at      TIMESTAMP   NOT NULL,
    CONSTRAINT pk_conversation PRIMARY KEY (id),
    CONSTRAINT uq_conversation_direct UNIQUE (direct_key),
    CONSTRAINT uq_conversation_group UNIQUE (group_id),
    CONSTRAINT fk_conversation_group FOREIGN KEY (group_id) REFERENCES chat_group (id),
    CONSTRAINT ck_conversation_kind CHECK (kind IN ('DIRECT', 'GROUP'))
);

CREATE SEQUENCE message_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE message (
    id                BIGINT         NOT NULL,
    conversation_id   BIGINT         NOT NULL,
    seq               BIGINT         NOT NULL,
    sender_id         BIGINT,
    -- The sender's idempotency key: a resend with the same key is the same message.
    client_message_id VARCHAR(64),
    kind              VARCHAR(16)    NOT NULL,
    body              VARCHAR(10000),
    reply_to_seq      BIGINT,
    mentions          VARCHAR(2000),
    created_at        TIMESTAMP      NOT NULL,
    edited_at         TIMESTAMP,
    recalled_at       TIMESTAMP,
    recalled_by       BIGINT,
    CONSTRAINT pk_message PRIMARY KEY (id),
    CONSTRAINT uq_message_seq UNIQUE (conversation_id, seq),
    CONSTRAINT uq_message_client_id UNIQUE (sender_id, client_message_id),
    CONSTRAINT fk_message_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id),
    CONSTRAINT ck_message_kind CHECK (kind IN ('TEXT', 'SYSTEM'))
);
CREATE INDEX ix_message_created ON message (conversation_id, created_at);

-- A person's state in a conversation: how far they have read, and their pin and mute.
CREATE SEQUENCE conversation_member_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE conversation_member (
    id              BIGINT    NOT NULL,
    conversation_id BIGINT    NOT NULL,
    account_id      BIGINT    NOT NULL,
    read_seq        BIGINT    NOT NULL,
    pinned          BOOLEAN   NOT NULL,
    muted           BOOLEAN   NOT NULL,
    joined_at       TIMESTAMP NOT NULL,
    CONSTRAINT pk_conversation_member PRIMARY KEY (id),
    CONSTRAINT uq_conversation_member UNIQUE (conversation_id, account_id),
    CONSTRAINT fk_conversation_member_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id),
    CONSTRAINT fk_conversation_member_account FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE INDEX ix_conversation_member_account ON conversation_member (account_id);

-- Group admins can silence one member, or everyone but the owner and admins, until a time.
ALTER TABLE group_member ADD COLUMN muted_until TIMESTAMP;
ALTER TABLE chat_group ADD COLUMN all_muted_until TIMESTAMP;
