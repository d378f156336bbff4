-- A documented bulk path for large benchmark populations on PostgreSQL (docs/benchmarks.md,
-- "A 10,000-member group"). Signing up through the product costs two PBKDF2 hashes per account
-- (about half a second of CPU): 10,000 accounts would spend 40 minutes of this machine's two cores
-- before the first message. This copies the rows the product wrote for one account signed up and
-- signed in through the API (:template) N times (:n), changing only what must differ, so the new
-- accounts have the same columns the product writes (account, its default contact group, one
-- sign-in session):
--   psql -v template=ID -v n=9000 -v first=1000000000 -f bulk-accounts-postgresql.sql DB
-- and prints "id<TAB>username<TAB>token" per new account, the load tool's population file format
-- (append it to target/load-population.tsv). Every copy shares the template's password hash, so
-- every copy's password is the template's; the tokens are random (gen_random_uuid, twice) and only
-- their SHA-256 is stored, as the product stores them. Benchmark databases only.
\set ON_ERROR_STOP on
\pset tuples_only on
\pset format unaligned
\pset fieldsep '\t'
BEGIN;
CREATE TEMP TABLE bulk_ids ON COMMIT DROP AS
    SELECT g, :first::bigint + g AS id, 'bulk' || g AS username,
           'plm_' || left(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 43) AS token
    FROM generate_series(1, :n) g;

CREATE TEMP TABLE bulk_account ON COMMIT DROP AS
    SELECT a.*, b.g AS bulk_g FROM account a CROSS JOIN bulk_ids b WHERE a.id = :template;
UPDATE bulk_account t SET id = b.id, username = b.username, username_key = b.username,
       display_name = 'Bulk ' || b.g, email = NULL, email_key = NULL, pending_email = NULL
    FROM bulk_ids b WHERE b.g = t.bulk_g;
ALTER TABLE bulk_account DROP COLUMN bulk_g;
INSERT INTO account SELECT * FROM bulk_account;

CREATE TEMP TABLE bulk_group ON COMMIT DROP AS
    SELECT c.*, b.g AS bulk_g FROM contact_group c CROSS JOIN bulk_ids b WHERE c.default_of = :template;
UPDATE bulk_group t SET id = b.id, owner_id = b.id, default_of = b.id FROM bulk_ids b WHERE b.g = t.bulk_g;
ALTER TABLE bulk_group DROP COLUMN bulk_g;
INSERT INTO contact_group SELECT * FROM bulk_group;

CREATE TEMP TABLE bulk_session ON COMMIT DROP AS
    SELECT s.*, b.g AS bulk_g FROM auth_session s CROSS JOIN bulk_ids b
    WHERE s.id = (SELECT max(id) FROM auth_session WHERE account_id = :template AND revoked_at IS NULL);
UPDATE bulk_session t SET id = b.id, account_id = b.id,
       token_hash = encode(sha256(convert_to(b.token, 'UTF8')), 'hex')
    FROM bulk_ids b WHERE b.g = t.bulk_g;
ALTER TABLE bulk_session DROP COLUMN bulk_g;
INSERT INTO auth_session SELECT * FROM bulk_session;

SELECT id, username, token FROM bulk_ids ORDER BY g;
COMMIT;
