-- Scrolling back through a conversation reads its newest messages first. The unique key
-- (conversation_id, seq) serves ascending pages, but H2 does not read an index backwards: a
-- descending page scanned the whole conversation (2.2 s at 22,000 messages). With this index and
-- the queries ordering by (conversation_id, seq) in the same direction, every page reads only its
-- own rows, whatever the conversation's length (HistoryPagesIT checks the plans). PostgreSQL can
-- read the unique key backwards; there this index only costs its upkeep.
CREATE INDEX ix_message_newest ON message (conversation_id DESC, seq DESC);
