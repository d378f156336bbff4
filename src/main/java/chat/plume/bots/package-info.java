/**
 * Bots: the bot SPI, the built-in assistant and outgoing-webhook bots.
 *
 * <p>A bot acts as a user and goes through the same authorization as any user; it never
 * calls around the boundaries of {@code social} or {@code messaging}.
 */
package chat.plume.bots;
