-- Reports: a person reports a message or another person; administrators work the queue.

CREATE SEQUENCE report_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE report (
    id                BIGINT        NOT NULL,
    reporter_id       BIGINT        NOT NULL,
    -- What is reported, the same for every reporter: "message:<id>" or "person:<id>".
    subject           VARCHAR(40)   NOT NULL,
    -- The same while the report is open, null once resolved: one open report per reporter and
    -- subject (reporting twice is idempotent; once handled, the same thing can be reported anew).
    open_subject      VARCHAR(40),
    -- The person reported (the sender of a reported message).
    target_id         BIGINT        NOT NULL,
    conversation_id   BIGINT,
    message_seq       BIGINT,
    message_id        BIGINT,
    reason            VARCHAR(16)   NOT NULL,
    note              VARCHAR(1000),
    -- The reported person as they were at the time (name, signature), for a report of a person.
    target_snapshot   VARCHAR(600),
    created_at        TIMESTAMP     NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    resolved_at       TIMESTAMP,
    resolved_by       BIGINT,
    outcome           VARCHAR(16),
    decision_reason   VARCHAR(500),
    CONSTRAINT pk_report PRIMARY KEY (id),
    CONSTRAINT uq_report_open UNIQUE (reporter_id, open_subject),
    CONSTRAINT fk_report_reporter FOREIGN KEY (reporter_id) REFERENCES account (id),
    CONSTRAINT fk_report_target FOREIGN KEY (target_id) REFERENCES account (id),
    CONSTRAINT ck_report_status CHECK (status IN ('OPEN', 'RESOLVED'))
);
-- The queue, newest first per status; sibling reports of one subject.
CREATE INDEX ix_report_queue ON report (status, id);
CREATE INDEX ix_report_subject ON report (subject, status);

-- The reported message and its neighbours as the reporter saw them when reporting.
CREATE TABLE report_evidence (
    report_id   BIGINT         NOT NULL,
    seq         BIGINT         NOT NULL,
    sender_id   BIGINT,
    sender_name VARCHAR(120),
    kind        VARCHAR(16)    NOT NULL,
    body        VARCHAR(10000),
    media_name  VARCHAR(255),
    created_at  TIMESTAMP      NOT NULL,
    edited      BOOLEAN        NOT NULL,
    recalled    BOOLEAN        NOT NULL,
    reported    BOOLEAN        NOT NULL,
    CONSTRAINT pk_report_evidence PRIMARY KEY (report_id, seq),
    CONSTRAINT fk_report_evidence_report FOREIGN KEY (report_id) REFERENCES report (id)
);
