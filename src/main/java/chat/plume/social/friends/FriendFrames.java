package chat.plume.social.friends;

import java.util.List;

/** The frames the friends feature pushes (docs/protocol.md, "Friends"). */
public final class FriendFrames {

    private FriendFrames() {}

    /**
     * A friend request was created, accepted, declined or cancelled; sent to both people.
     * {@code type} is {@code friend.request.created|accepted|declined|cancelled}.
     */
    public record RequestChanged(String type, FriendViews.Request request) {
        static RequestChanged of(String event, FriendViews.Request request) {
            return new RequestChanged("friend.request." + event, request);
        }
    }

    /** Someone became the recipient's friend (each side gets its own view). */
    public record FriendAdded(String type, FriendViews.Friend friend) {
        FriendAdded(FriendViews.Friend friend) {
            this("friend.added", friend);
        }
    }

    /** The recipient changed a friend's remark or contact group (their other devices follow). */
    public record FriendUpdated(String type, FriendViews.Friend friend) {
        FriendUpdated(FriendViews.Friend friend) {
            this("friend.updated", friend);
        }
    }

    /** A friendship ended (deleted or blocked by either side); sent to both. */
    public record FriendRemoved(String type, long user) {
        FriendRemoved(long user) {
            this("friend.removed", user);
        }
    }

    /** The recipient's contact groups changed; the full list, in order. */
    public record GroupsChanged(String type, List<FriendViews.Group> groups) {
        GroupsChanged(List<FriendViews.Group> groups) {
            this("contact_groups.changed", groups);
        }
    }

    /** The recipient blocked or unblocked someone ({@code block.added|removed}); only the blocker is told. */
    public record BlockChanged(String type, long user) {
        static BlockChanged of(boolean added, long user) {
            return new BlockChanged(added ? "block.added" : "block.removed", user);
        }
    }
}
