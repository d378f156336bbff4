-- Announcements to everyone (an administrator's broadcast), and who dismissed which.

CREATE SEQUENCE announcement_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE announcement (
    id          BIGINT        NOT NULL,
    body        VARCHAR(500)  NOT NULL,
    link        VARCHAR(300),
    created_by  BIGINT        NOT NULL,
    created_at  TIMESTAMP     NOT NULL,
    updated_at  TIMESTAMP     NOT NULL,
    -- Shown until then (null: until ended by hand).
    ends_at     TIMESTAMP,
    -- Ended by hand (or null).
    ended_at    TIMESTAMP,
    version     BIGINT        NOT NULL,
    CONSTRAINT pk_announcement PRIMARY KEY (id),
    CONSTRAINT fk_announcement_author FOREIGN KEY (created_by) REFERENCES account (id)
);
CREATE INDEX ix_announcement_live ON announcement (ended_at, id);

CREATE TABLE announcement_dismissal (
    account_id      BIGINT    NOT NULL,
    announcement_id BIGINT    NOT NULL,
    dismissed_at    TIMESTAMP NOT NULL,
    CONSTRAINT pk_announcement_dismissal PRIMARY KEY (account_id, announcement_id),
    CONSTRAINT fk_announcement_dismissal_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_announcement_dismissal_announcement FOREIGN KEY (announcement_id) REFERENCES announcement (id)
);
