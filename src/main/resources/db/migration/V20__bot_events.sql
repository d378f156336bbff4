-- Outgoing events: a bot's subscriptions (a URL, the events it wants, the whsec_ secret its
-- deliveries are signed with — kept, since signing needs it; the one before a rotation signs
-- too until previous_until) and the durable outbox of deliveries, written in the transaction of
-- the change they tell of.

CREATE SEQUENCE bot_subscription_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE bot_subscription (
    id                   BIGINT        NOT NULL,
    bot_id               BIGINT        NOT NULL,
    url                  VARCHAR(2000) NOT NULL,
    -- Comma-separated: message.created, message.edited, message.recalled, member.joined, command.
    events               VARCHAR(200)  NOT NULL,
    secret               VARCHAR(100)  NOT NULL,
    previous_secret      VARCHAR(100),
    previous_until       TIMESTAMP,
    consecutive_failures INTEGER       NOT NULL,
    created_at           TIMESTAMP     NOT NULL,
    disabled_at          TIMESTAMP,
    disabled_reason      VARCHAR(300),
    deleted_at           TIMESTAMP,
    CONSTRAINT pk_bot_subscription PRIMARY KEY (id),
    CONSTRAINT fk_bot_subscription_bot FOREIGN KEY (bot_id) REFERENCES account (id)
);
CREATE INDEX ix_bot_subscription_bot ON bot_subscription (bot_id, deleted_at);

CREATE SEQUENCE bot_delivery_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE bot_delivery (
    id               BIGINT         NOT NULL,
    subscription_id  BIGINT         NOT NULL,
    -- The webhook-id: the same for every attempt and replay of one event.
    event_id         VARCHAR(40)    NOT NULL,
    event_type       VARCHAR(40)    NOT NULL,
    conversation_id  BIGINT,
    payload          VARCHAR(30000) NOT NULL,
    status           VARCHAR(16)    NOT NULL,
    attempts         INTEGER        NOT NULL,
    next_attempt_at  TIMESTAMP      NOT NULL,
    last_status_code INTEGER,
    last_error       VARCHAR(300),
    created_at       TIMESTAMP      NOT NULL,
    finished_at      TIMESTAMP,
    CONSTRAINT pk_bot_delivery PRIMARY KEY (id),
    CONSTRAINT fk_bot_delivery_subscription FOREIGN KEY (subscription_id) REFERENCES bot_subscription (id),
    CONSTRAINT ck_bot_delivery_status CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED'))
);
CREATE INDEX ix_bot_delivery_due ON bot_delivery (status, next_attempt_at);
CREATE INDEX ix_bot_delivery_subscription ON bot_delivery (subscription_id, id);

INSERT INTO job_lease (name, holder, lease_until, cursor_position) VALUES ('bot_events', NULL, TIMESTAMP '1970-01-01 00:00:00', 0);
