package chat.plume.social.friends;

import chat.plume.identity.boundary.PublicProfile;
import java.time.Instant;
import java.util.List;

/** What the friends API and its frames show; entities never go on the wire. */
public final class FriendViews {

    private FriendViews() {}

    /** A friend request as both sides see it. */
    public record Request(
            long id,
            PublicProfile from,
            PublicProfile to,
            String message,
            String status,
            Instant createdAt,
            Instant decidedAt) {}

    /** The caller's pending requests, both ways. */
    public record Requests(List<Request> incoming, List<Request> outgoing) {}

    /** A friend as the caller sees them: with the caller's remark and contact group. */
    public record Friend(PublicProfile user, String remark, long contactGroupId, boolean online, Instant since) {}

    /** A page of friends; {@code next} is the key to continue after, null on the last page. */
    public record Page(List<Friend> friends, Long next) {}

    /** A contact group; {@code name} is null for the default group until it is renamed. */
    public record Group(long id, String name, boolean isDefault, int position) {}

    /** Someone the caller has blocked. */
    public record Blocked(PublicProfile user, Instant since) {}
}
