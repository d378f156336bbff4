-- Moderation (owned by identity) and the audit log (owned by admin).

-- A ban keeps a person out (no sign-in, sessions revoked); a mute keeps them quiet everywhere
-- (they read, they cannot send). Both end at a time; a permanent ban ends at 9999-12-31.
ALTER TABLE account ADD COLUMN banned_until TIMESTAMP;
ALTER TABLE account ADD COLUMN ban_reason VARCHAR(500);
ALTER TABLE account ADD COLUMN muted_until TIMESTAMP;

-- The audit log: appended to, never updated or deleted by the application. Each row carries
-- the hash of the row before it and a hash of its own content, so a changed, removed or
-- inserted row breaks the chain at that row. `position` is the chain's order (1, 2, 3 …),
-- taken from audit_head under its row lock, so appends from any node form one chain.
CREATE TABLE audit_event (
    position       BIGINT        NOT NULL,
    at             TIMESTAMP     NOT NULL,
    actor_id       BIGINT,
    actor_name     VARCHAR(32),
    action         VARCHAR(40)   NOT NULL,
    target_kind    VARCHAR(16),
    target_id      BIGINT,
    target_name    VARCHAR(64),
    reason         VARCHAR(500),
    detail         VARCHAR(1000),
    client_address VARCHAR(64),
    previous_hash  VARCHAR(64)   NOT NULL,
    hash           VARCHAR(64)   NOT NULL,
    CONSTRAINT pk_audit_event PRIMARY KEY (position)
);
CREATE INDEX ix_audit_actor ON audit_event (actor_id, position);
CREATE INDEX ix_audit_target ON audit_event (target_kind, target_id, position);
CREATE INDEX ix_audit_action ON audit_event (action, position);
CREATE INDEX ix_audit_at ON audit_event (at);

-- The chain's head: the last position and its hash. One row, locked by every append.
CREATE TABLE audit_head (
    id            INTEGER     NOT NULL,
    last_position BIGINT      NOT NULL,
    last_hash     VARCHAR(64) NOT NULL,
    CONSTRAINT pk_audit_head PRIMARY KEY (id)
);
INSERT INTO audit_head (id, last_position, last_hash)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
