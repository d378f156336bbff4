/**
 * Upkeep of the embedded database: keeping the H2 file proportional to its data. Does nothing on
 * any other database.
 */
package chat.plume.platform.database;
