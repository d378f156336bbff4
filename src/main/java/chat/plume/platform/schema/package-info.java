/**
 * The database schema, owned by versioned Flyway migrations under
 * {@code src/main/resources/db/migration}, written once for H2 and PostgreSQL alike. They run at
 * deployment, before any feature touches the database; the persistence unit never generates
 * or alters tables.
 */
package chat.plume.platform.schema;
