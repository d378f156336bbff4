package chat.plume.social.groups;

import chat.plume.identity.boundary.PublicProfile;
import java.time.Instant;
import java.util.List;

/** What the groups API and its frames show. */
public final class GroupViews {

    private GroupViews() {}

    /**
     * A group as the caller sees it. Non-members see the public card only: {@code announcement},
     * {@code myRole} and {@code myNickname} are then absent.
     */
    public record Group(
            long id,
            long number,
            String name,
            String description,
            String announcement,
            Instant announcementUpdatedAt,
            String joinPolicy,
            long memberCount,
            int memberLimit,
            long ownerId,
            String myRole,
            String myNickname,
            Instant createdAt,
            Instant allMutedUntil,
            Long avatar) {}

    /** What another feature needs to show a group by name: a conversation's title and avatar. */
    public record Ref(long id, long number, String name, Long avatar) {}

    /** A member with role, group nickname and presence. */
    public record Member(
            PublicProfile user, String role, String nickname, boolean online, Instant joinedAt, Instant mutedUntil) {}

    /** A pending (or just decided) request to join, or invitation awaiting approval. */
    public record JoinRequest(
            long id,
            long groupId,
            String groupName,
            PublicProfile applicant,
            PublicProfile inviter,
            String message,
            String status,
            Instant createdAt) {}

    /** One page of search results. */
    public record SearchPage(List<Group> items, int page, int size) {}
}
