-- Uploads an administrator withdrew (the spammer clean-up): kept for the record, never served.
ALTER TABLE media ADD COLUMN withdrawn_at TIMESTAMP;
