-- The PostgreSQL schema gets trigram indexes for substring search at this version
-- (db/vendor/postgresql/V8__Search_indexes.sql). H2 has no such index: on the embedded database
-- a search reads the conversations' messages it is limited to, which is fast enough at the sizes
-- one machine's embedded database holds (docs/benchmarks.md, "Search"). This version exists so
-- that both databases' schema histories name the same versions.
SELECT 1;
