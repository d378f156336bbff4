-- Scheduled clean-up jobs: a lease row per job, so that with several nodes only one runs a job at
-- a time (each node's timer fires; the one whose UPDATE takes the lease runs), and a record of
-- every run for the console.

CREATE TABLE job_lease (
    name        VARCHAR(40)  NOT NULL,
    -- "<node>/<run id>" of the run holding it, or null.
    holder      VARCHAR(120),
    -- The lease lapses then, even if its holder died without giving it back.
    lease_until TIMESTAMP    NOT NULL,
    CONSTRAINT pk_job_lease PRIMARY KEY (name)
);
INSERT INTO job_lease (name, holder, lease_until) VALUES ('sessions', NULL, TIMESTAMP '1970-01-01 00:00:00');
INSERT INTO job_lease (name, holder, lease_until) VALUES ('uploads', NULL, TIMESTAMP '1970-01-01 00:00:00');
INSERT INTO job_lease (name, holder, lease_until) VALUES ('messages', NULL, TIMESTAMP '1970-01-01 00:00:00');

CREATE SEQUENCE job_run_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE job_run (
    id          BIGINT        NOT NULL,
    job         VARCHAR(40)   NOT NULL,
    node        VARCHAR(64)   NOT NULL,
    started_at  TIMESTAMP     NOT NULL,
    finished_at TIMESTAMP,
    outcome     VARCHAR(16)   NOT NULL,
    -- Rows removed (files too, for uploads).
    removed     BIGINT        NOT NULL,
    detail      VARCHAR(500),
    CONSTRAINT pk_job_run PRIMARY KEY (id),
    CONSTRAINT ck_job_run_outcome CHECK (outcome IN ('RUNNING', 'COMPLETED', 'FAILED', 'DISABLED'))
);
CREATE INDEX ix_job_run_job ON job_run (job, id);

-- The upload clean-up asks whether any upload still uses stored bytes before deleting them.
CREATE INDEX ix_media_content_hash ON media (content_hash);
CREATE INDEX ix_media_thumbnail_hash ON media (thumbnail_hash);
-- ... and which uploads are avatars.
CREATE INDEX ix_account_avatar ON account (avatar_media_id);
CREATE INDEX ix_chat_group_avatar ON chat_group (avatar_media_id);
