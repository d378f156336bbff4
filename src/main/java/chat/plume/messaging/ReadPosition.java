package chat.plume.messaging;

import java.time.LocalDateTime;

/** How far one member has read a conversation and since when they are in it: read as values, not as an entity. */
public record ReadPosition(long readSeq, LocalDateTime joinedAt) {}
