-- The audit row's time as the number the hash covers (milliseconds since 1970, UTC). A TIMESTAMP
-- goes through the driver's local-time conversion, which in a zone with daylight saving moves a
-- time inside the skipped hour: the row would then fail verification for nothing. `at` stays for
-- reading and filtering; `at_millis` is what is hashed and checked.
ALTER TABLE audit_event ADD COLUMN at_millis BIGINT;
