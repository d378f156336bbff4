-- Polls: a message of kind POLL (its body, JSON, holds the question and the options) and one
-- vote per person and poll, which they may change or take back.
ALTER TABLE message DROP CONSTRAINT ck_message_kind;
ALTER TABLE message ADD CONSTRAINT ck_message_kind CHECK (kind IN ('TEXT', 'SYSTEM', 'IMAGE', 'FILE', 'CALL', 'POLL'));

CREATE TABLE poll_vote (
    message_id   BIGINT    NOT NULL,
    account_id   BIGINT    NOT NULL,
    option_index INTEGER   NOT NULL,
    voted_at     TIMESTAMP NOT NULL,
    CONSTRAINT pk_poll_vote PRIMARY KEY (message_id, account_id),
    CONSTRAINT fk_poll_vote_message FOREIGN KEY (message_id) REFERENCES message (id),
    CONSTRAINT fk_poll_vote_account FOREIGN KEY (account_id) REFERENCES account (id)
);
