/**
 * Conversations (one per pair of friends, one per chat group), messages with per-conversation
 * sequence numbers, history paging, read positions and unread counts, edit and recall, search,
 * and the delivery events published after commit.
 *
 * <p>The path of one message ({@link chat.plume.messaging.Sends}, batched by the
 * {@link chat.plume.messaging.MessageWriter}): in one transaction the sender is authorized, the
 * send is de-duplicated on (sender, client message id), the conversation row is locked and its
 * next sequence number taken, the message stored and the sender's read position advanced. Only
 * after commit is the {@code message} frame pushed to every connection of every member and the
 * {@code ack} sent. It holds no connection state: its frame handlers get a
 * {@link chat.plume.realtime.FrameContext}. It answers media's questions about conversations
 * ({@link chat.plume.messaging.ConversationMediaAccess}).
 */
package chat.plume.messaging;
