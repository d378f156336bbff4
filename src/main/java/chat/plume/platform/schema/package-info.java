/**
 * The database schema, owned by versioned Flyway migrations: {@code db/migration}, written once
 * for H2 and PostgreSQL alike, and {@code db/vendor/h2} / {@code db/vendor/postgresql} for the
 * few versions where one database can do what the other cannot (PostgreSQL's trigram search
 * indexes). They run at deployment, after {@code platform.database.DatabaseCheck} has accepted
 * the database and before any feature touches it; the persistence unit never generates or
 * alters tables.
 */
package chat.plume.platform.schema;
