-- A send batch looks up its earlier messages by client message id in one query
-- (client_message_id IN (…)), which an index led by sender_id cannot serve: H2 read every
-- message of the batch's senders, more the longer they had been chatting. The same unique key,
-- led by the client id, serves it with one index probe per id. What was served by the old key's
-- leading sender_id (a person's message count, a moderator's recall of someone's recent
-- messages) gets an index of its own, by time.
ALTER TABLE message DROP CONSTRAINT uq_message_client_id;
ALTER TABLE message ADD CONSTRAINT uq_message_client_id UNIQUE (client_message_id, sender_id);
CREATE INDEX ix_message_sender ON message (sender_id, created_at);
