-- Calls (WebRTC signalling state): one row per call, one per person who was rung or joined.
-- The call log entry is a message of kind CALL in the conversation.

ALTER TABLE message DROP CONSTRAINT ck_message_kind;
ALTER TABLE message ADD CONSTRAINT ck_message_kind CHECK (kind IN ('TEXT', 'SYSTEM', 'IMAGE', 'FILE', 'CALL'));

CREATE SEQUENCE call_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE call_session (
    id                   BIGINT       NOT NULL,
    conversation_id      BIGINT       NOT NULL,
    -- The conversation again while the call is not over, null after: at most one live call per
    -- conversation, kept by the database (a unique key allows any number of nulls).
    live_conversation_id BIGINT,
    group_call           BOOLEAN      NOT NULL,
    media                VARCHAR(8)   NOT NULL,
    state                VARCHAR(8)   NOT NULL,
    end_reason           VARCHAR(16),
    started_by           BIGINT       NOT NULL,
    -- The call's entry in the conversation (a CALL message at this sequence number).
    message_seq          BIGINT       NOT NULL,
    created_at           TIMESTAMP    NOT NULL,
    answered_at          TIMESTAMP,
    connected_at         TIMESTAMP,
    ended_at             TIMESTAMP,
    -- When the call must next be looked at (ring timeout, connect timeout, a lost device's grace).
    deadline             TIMESTAMP,
    version              BIGINT       NOT NULL,
    CONSTRAINT pk_call_session PRIMARY KEY (id),
    CONSTRAINT uq_call_session_live UNIQUE (live_conversation_id),
    CONSTRAINT ck_call_session_media CHECK (media IN ('VOICE', 'VIDEO')),
    CONSTRAINT ck_call_session_state CHECK (state IN ('RINGING', 'ACTIVE', 'ENDED')),
    CONSTRAINT ck_call_session_reason CHECK (end_reason IS NULL OR end_reason IN
        ('COMPLETED', 'DECLINED', 'MISSED', 'BUSY', 'CANCELLED', 'FAILED', 'DROPPED'))
);
CREATE INDEX ix_call_session_deadline ON call_session (deadline);
CREATE INDEX ix_call_session_conversation ON call_session (conversation_id, id);

CREATE TABLE call_participant (
    call_id     BIGINT       NOT NULL,
    account_id  BIGINT       NOT NULL,
    state       VARCHAR(10)  NOT NULL,
    -- The connection (device) that joined: signalling for this person goes there and nowhere else.
    device      VARCHAR(128),
    -- Joined while muted in the group: starts with the microphone off.
    muted       BOOLEAN      NOT NULL,
    joined_at   TIMESTAMP,
    left_at     TIMESTAMP,
    -- The device's connection closed at; dropped unless it rejoins within the grace.
    lost_at     TIMESTAMP,
    -- The account again while it is in the call, null otherwise: one call at a time per person,
    -- kept by the database even when two calls in two conversations are joined at once.
    engaged_account_id BIGINT,
    CONSTRAINT pk_call_participant PRIMARY KEY (call_id, account_id),
    CONSTRAINT uq_call_participant_engaged UNIQUE (engaged_account_id),
    CONSTRAINT fk_call_participant_call FOREIGN KEY (call_id) REFERENCES call_session (id) ON DELETE CASCADE,
    CONSTRAINT ck_call_participant_state CHECK (state IN ('INVITED', 'JOINED', 'LEFT', 'DECLINED', 'DROPPED'))
);
CREATE INDEX ix_call_participant_device ON call_participant (device);
CREATE INDEX ix_call_participant_account ON call_participant (account_id, state);
