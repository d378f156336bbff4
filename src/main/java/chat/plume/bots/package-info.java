/**
 * Bots: bot accounts made and owned by people (a {@code Bot} beside identity's account, its
 * token a session of its own), their management API {@code /bots}, incoming webhooks
 * ({@code Hook}, {@code /hooks}), the {@code BotInbox} through which bots served inside Plume get
 * their pushes, and in sub-packages the built-in assistant ({@code assistant}), the AI assistant
 * ({@code ai}) and outgoing events ({@code events}).
 *
 * <p>A bot acts as a user and goes through the same authorization as any user; it never
 * calls around the boundaries of {@code social} or {@code messaging}.
 */
package chat.plume.bots;
