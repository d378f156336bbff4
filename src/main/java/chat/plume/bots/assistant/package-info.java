/**
 * The assistant that comes with Plume ({@code @plume}): a bot account like any other, served
 * inside the server. It answers slash commands ({@code /help}, {@code /roll}, {@code /remind})
 * and polls ({@code /poll}) in the chats it was added to, accepts friend requests, and delivers reminders at their time
 * (persisted, one node firing each). It receives what a client of its account would and writes
 * through messaging's {@code Sends}, with every check and limit a bot gets.
 */
package chat.plume.bots.assistant;
