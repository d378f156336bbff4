-- Where each member was last @mentioned in a chat, kept on their membership row by the send path,
-- so that a conversation list says "you were mentioned" from the rows it reads anyway. Before,
-- each list page searched the newest 500 unread messages of each group for the reader's id: after
-- a restart, 10,000 reconnecting clients in a group with a long unread backlog made that search
-- most of the cost of resuming (docs/benchmarks.md, the reconnect storm).
ALTER TABLE conversation_member ADD COLUMN mentioned_seq BIGINT DEFAULT 0 NOT NULL;

-- Unread mentions already stored, within the window the old search looked at (the newest 500
-- messages of the chat), so the back-fill reads at most 500 messages per member with an unread
-- mention and rewrites only those members' rows.
UPDATE conversation_member p SET mentioned_seq = (
        SELECT MAX(m.seq) FROM message m, conversation c
        WHERE c.id = p.conversation_id AND m.conversation_id = p.conversation_id
          AND m.seq > p.read_seq AND m.seq > c.last_seq - 500
          AND m.mentions IS NOT NULL AND m.recalled_at IS NULL
          AND CONCAT(',', m.mentions, ',') LIKE CONCAT('%,', CAST(p.account_id AS VARCHAR(20)), ',%'))
    WHERE EXISTS (
        SELECT 1 FROM message m, conversation c
        WHERE c.id = p.conversation_id AND m.conversation_id = p.conversation_id
          AND m.seq > p.read_seq AND m.seq > c.last_seq - 500
          AND m.mentions IS NOT NULL AND m.recalled_at IS NULL
          AND CONCAT(',', m.mentions, ',') LIKE CONCAT('%,', CAST(p.account_id AS VARCHAR(20)), ',%'));
