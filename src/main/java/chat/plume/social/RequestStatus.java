package chat.plume.social;

/** Where a friend request or a group join request stands. Only {@code PENDING} can change. */
public enum RequestStatus {
    PENDING,
    ACCEPTED,
    DECLINED,
    CANCELLED
}
