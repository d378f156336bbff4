/**
 * The real-time gateway: the WebSocket endpoint at {@code /ws}, the handshake that
 * authenticates it and checks its origin, the frame codec and router, the connection registry
 * (a user maps to all of that user's connections), the heartbeat, presence, and the dispatcher
 * that pushes committed events to connections without blocking on any one of them.
 *
 * <p>It contains no business rule: it asks {@code identity} who a connection belongs to and
 * hands requests to the features' frame handlers. The protocol it speaks is documented in
 * {@code docs/protocol.md}.
 */
package chat.plume.realtime;
