-- Substring search (messages, people, groups) served by trigram indexes on PostgreSQL.
--
-- Plume's searches are "contains, ignoring case": lower(x) LIKE '%term%' (platform/LikePattern),
-- because Chinese has no spaces to split words at and a person searches for part of a name or a
-- sentence. A B-tree cannot serve a pattern with a leading '%'; a trigram GIN index can, for any
-- term of three characters or more, and pg_trgm makes trigrams of Chinese characters too (tried
-- under the C.UTF-8 and en_US.UTF-8 collations). The index expressions are exactly the queries'
-- (lower(...)), or PostgreSQL would not use them. Measured in docs/benchmarks.md ("Search").
--
-- pg_trgm ships with PostgreSQL (Debian: postgresql-contrib) and is a trusted extension since
-- PostgreSQL 13: the database's owner may create it. If Plume's role does not own the database,
-- have the owner run CREATE EXTENSION pg_trgm first; IF NOT EXISTS then makes this a no-op.
-- H2 has no trigram index: db/vendor/h2/V8 keeps the two schemas' versions in step.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX ix_message_body_trgm ON message USING gin (lower(body) gin_trgm_ops);
CREATE INDEX ix_account_username_trgm ON account USING gin (username_key gin_trgm_ops);
CREATE INDEX ix_account_display_name_trgm ON account USING gin (lower(display_name) gin_trgm_ops);
CREATE INDEX ix_chat_group_name_trgm ON chat_group USING gin (lower(name) gin_trgm_ops);
