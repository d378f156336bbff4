/**
 * Conversations (direct and group), messages with per-conversation sequence numbers,
 * history paging, read positions and unread counts, edit and recall, search, and the
 * delivery events published after commit.
 *
 * <p>It holds no connection state: pushing to sessions belongs to {@code realtime}.
 * Arrives with the messaging issue.
 */
package chat.plume.messaging;
