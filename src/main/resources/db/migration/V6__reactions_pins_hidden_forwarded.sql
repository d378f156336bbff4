-- What people do with messages once sent: react with an emoji (表情回应), pin a message to the
-- top of a chat (置顶消息), delete a message for oneself only, and forward one (转发).

-- One row per person, message and emoji: counted and listed per message.
CREATE TABLE message_reaction (
    message_id BIGINT      NOT NULL,
    account_id BIGINT      NOT NULL,
    emoji      VARCHAR(64) NOT NULL,
    created_at TIMESTAMP   NOT NULL,
    CONSTRAINT pk_message_reaction PRIMARY KEY (message_id, account_id, emoji),
    CONSTRAINT fk_reaction_message FOREIGN KEY (message_id) REFERENCES message (id),
    CONSTRAINT fk_reaction_account FOREIGN KEY (account_id) REFERENCES account (id)
);

-- A chat's pinned messages, shown at its top (a few per chat, the newest first).
CREATE TABLE pinned_message (
    message_id      BIGINT    NOT NULL,
    conversation_id BIGINT    NOT NULL,
    pinned_by       BIGINT    NOT NULL,
    pinned_at       TIMESTAMP NOT NULL,
    CONSTRAINT pk_pinned_message PRIMARY KEY (message_id),
    CONSTRAINT fk_pinned_message FOREIGN KEY (message_id) REFERENCES message (id),
    CONSTRAINT fk_pinned_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id)
);
CREATE INDEX ix_pinned_conversation ON pinned_message (conversation_id, pinned_at);

-- Messages a person deleted for themselves: their history shows the place, not the message.
CREATE TABLE hidden_message (
    account_id BIGINT    NOT NULL,
    message_id BIGINT    NOT NULL,
    hidden_at  TIMESTAMP NOT NULL,
    CONSTRAINT pk_hidden_message PRIMARY KEY (account_id, message_id),
    CONSTRAINT fk_hidden_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_hidden_message FOREIGN KEY (message_id) REFERENCES message (id)
);

-- A forwarded message is a new message that says so.
ALTER TABLE message ADD COLUMN forwarded BOOLEAN DEFAULT FALSE NOT NULL;
