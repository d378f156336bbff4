-- The social graph: friend requests, friendships with remarks and contact groups, blocks;
-- chat groups with members, roles, join requests and invitations.

-- Contact groups (分组). Every account has exactly one default group (is_default), created
-- with its first friendship; its name is null and the page shows it translated.
CREATE SEQUENCE contact_group_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE contact_group (
    id         BIGINT      NOT NULL,
    owner_id   BIGINT      NOT NULL,
    name       VARCHAR(32),
    is_default BOOLEAN     NOT NULL,
    -- The owner's id on the default group only: at most one default group per person.
    default_of BIGINT,
    position   INTEGER     NOT NULL,
    created_at TIMESTAMP   NOT NULL,
    CONSTRAINT pk_contact_group PRIMARY KEY (id),
    CONSTRAINT uq_contact_group_default UNIQUE (default_of),
    CONSTRAINT fk_contact_group_owner FOREIGN KEY (owner_id) REFERENCES account (id)
);
CREATE INDEX ix_contact_group_owner ON contact_group (owner_id);

-- A friendship is two rows, one per side: each side owns its remark (备注) and contact group.
-- Both rows are written and removed in the same transaction.
CREATE SEQUENCE friendship_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE friendship (
    id               BIGINT      NOT NULL,
    owner_id         BIGINT      NOT NULL,
    friend_id        BIGINT      NOT NULL,
    remark           VARCHAR(32),
    contact_group_id BIGINT      NOT NULL,
    created_at       TIMESTAMP   NOT NULL,
    CONSTRAINT pk_friendship PRIMARY KEY (id),
    CONSTRAINT uq_friendship UNIQUE (owner_id, friend_id),
    CONSTRAINT fk_friendship_owner FOREIGN KEY (owner_id) REFERENCES account (id),
    CONSTRAINT fk_friendship_friend FOREIGN KEY (friend_id) REFERENCES account (id),
    CONSTRAINT fk_friendship_group FOREIGN KEY (contact_group_id) REFERENCES contact_group (id)
);
CREATE INDEX ix_friendship_friend ON friendship (friend_id);

CREATE SEQUENCE friend_request_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE friend_request (
    id           BIGINT       NOT NULL,
    requester_id BIGINT       NOT NULL,
    recipient_id BIGINT       NOT NULL,
    message      VARCHAR(100),
    status       VARCHAR(16)  NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    decided_at   TIMESTAMP,
    -- "<smaller id>:<larger id>" while the request is pending, null afterwards: the unique
    -- constraint allows one pending request per pair of people, in either direction, even
    -- under concurrent requests (NULLs never collide).
    pending_key  VARCHAR(41),
    version      BIGINT       NOT NULL,
    CONSTRAINT pk_friend_request PRIMARY KEY (id),
    CONSTRAINT uq_friend_request_pending UNIQUE (pending_key),
    CONSTRAINT fk_friend_request_requester FOREIGN KEY (requester_id) REFERENCES account (id),
    CONSTRAINT fk_friend_request_recipient FOREIGN KEY (recipient_id) REFERENCES account (id),
    CONSTRAINT ck_friend_request_status CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED', 'CANCELLED'))
);
CREATE INDEX ix_friend_request_recipient ON friend_request (recipient_id, status);
CREATE INDEX ix_friend_request_requester ON friend_request (requester_id, status);

CREATE SEQUENCE user_block_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE user_block (
    id         BIGINT    NOT NULL,
    blocker_id BIGINT    NOT NULL,
    blocked_id BIGINT    NOT NULL,
    created_at TIMESTAMP NOT NULL,
    CONSTRAINT pk_user_block PRIMARY KEY (id),
    CONSTRAINT uq_user_block UNIQUE (blocker_id, blocked_id),
    CONSTRAINT fk_user_block_blocker FOREIGN KEY (blocker_id) REFERENCES account (id),
    CONSTRAINT fk_user_block_blocked FOREIGN KEY (blocked_id) REFERENCES account (id)
);
CREATE INDEX ix_user_block_blocked ON user_block (blocked_id);

-- Chat groups. The number is what people search for and share (群号): nine random digits, so it
-- tells nothing about how many groups there are.
CREATE SEQUENCE chat_group_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE chat_group (
    id                      BIGINT        NOT NULL,
    number                  BIGINT        NOT NULL,
    name                    VARCHAR(64)   NOT NULL,
    description             VARCHAR(500),
    announcement            VARCHAR(2000),
    announcement_updated_at TIMESTAMP,
    join_policy             VARCHAR(16)   NOT NULL,
    member_limit            INTEGER       NOT NULL,
    owner_id                BIGINT        NOT NULL,
    created_at              TIMESTAMP     NOT NULL,
    dissolved_at            TIMESTAMP,
    version                 BIGINT        NOT NULL,
    CONSTRAINT pk_chat_group PRIMARY KEY (id),
    CONSTRAINT uq_chat_group_number UNIQUE (number),
    CONSTRAINT fk_chat_group_owner FOREIGN KEY (owner_id) REFERENCES account (id),
    CONSTRAINT ck_chat_group_policy CHECK (join_policy IN ('OPEN', 'APPROVAL', 'INVITE_ONLY'))
);

CREATE SEQUENCE group_member_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE group_member (
    id         BIGINT      NOT NULL,
    group_id   BIGINT      NOT NULL,
    account_id BIGINT      NOT NULL,
    role       VARCHAR(16) NOT NULL,
    nickname   VARCHAR(32),
    joined_at  TIMESTAMP   NOT NULL,
    CONSTRAINT pk_group_member PRIMARY KEY (id),
    CONSTRAINT uq_group_member UNIQUE (group_id, account_id),
    CONSTRAINT fk_group_member_group FOREIGN KEY (group_id) REFERENCES chat_group (id),
    CONSTRAINT fk_group_member_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT ck_group_member_role CHECK (role IN ('OWNER', 'ADMIN', 'MEMBER'))
);
CREATE INDEX ix_group_member_account ON group_member (account_id);

-- A request to join (by the applicant) or an invitation awaiting approval (inviter set).
CREATE SEQUENCE group_join_request_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE group_join_request (
    id           BIGINT       NOT NULL,
    group_id     BIGINT       NOT NULL,
    applicant_id BIGINT       NOT NULL,
    inviter_id   BIGINT,
    message      VARCHAR(100),
    status       VARCHAR(16)  NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    decided_at   TIMESTAMP,
    decided_by   BIGINT,
    -- "<group id>:<applicant id>" while pending: one pending request per person and group.
    pending_key  VARCHAR(41),
    version      BIGINT       NOT NULL,
    CONSTRAINT pk_group_join_request PRIMARY KEY (id),
    CONSTRAINT uq_group_join_request_pending UNIQUE (pending_key),
    CONSTRAINT fk_group_join_request_group FOREIGN KEY (group_id) REFERENCES chat_group (id),
    CONSTRAINT fk_group_join_request_applicant FOREIGN KEY (applicant_id) REFERENCES account (id),
    CONSTRAINT ck_group_join_request_status CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED', 'CANCELLED'))
);
CREATE INDEX ix_group_join_request_group ON group_join_request (group_id, status);
