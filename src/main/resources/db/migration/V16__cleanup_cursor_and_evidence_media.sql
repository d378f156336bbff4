-- The upload clean-up goes through uploads in id order over several runs: where the last run
-- stopped. And when a job last started, so that a node whose timer fires late in the same slot
-- does not run it a second time.
ALTER TABLE job_lease ADD COLUMN cursor_position BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE job_lease ADD COLUMN last_started_at TIMESTAMP;

-- A reported image or file: the upload itself stays reachable for administrators (and is kept
-- by the clean-up) while the report needs it, even once the message is recalled.
ALTER TABLE report_evidence ADD COLUMN media_id BIGINT;
CREATE INDEX ix_report_evidence_media ON report_evidence (media_id);

-- The clean-up's lookups: ended sessions, and the "deleted for me" marks of removed messages.
CREATE INDEX ix_auth_session_expires ON auth_session (expires_at);
CREATE INDEX ix_auth_session_revoked ON auth_session (revoked_at);
CREATE INDEX ix_hidden_message_message ON hidden_message (message_id);
