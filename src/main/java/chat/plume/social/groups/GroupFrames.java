package chat.plume.social.groups;

/** The frames the groups feature pushes (docs/protocol.md, "Groups"). */
public final class GroupFrames {

    private GroupFrames() {}

    /**
     * The group itself changed; {@code type} is {@code group.created}, {@code group.updated} or
     * {@code group.announcement} (members are told of a new announcement in particular).
     * Each member gets the group as they see it.
     */
    public record GroupChanged(String type, GroupViews.Group group) {}

    /**
     * Membership changed: {@code group.member.joined|left|removed|updated}. {@code member} is
     * present for joined and updated; {@code user} names whom it is about.
     */
    public record MemberChanged(String type, long groupId, long user, GroupViews.Member member, Long by) {}

    /** The owner dissolved the group; sent to everyone who was a member. */
    public record Dissolved(String type, long groupId, String name, String reason) {
        Dissolved(long groupId, String name, String reason) {
            this("group.dissolved", groupId, name, reason);
        }
    }

    /**
     * A join request or invitation awaiting approval: {@code group.join_request.created|accepted|
     * declined|cancelled}; sent to the owner, the admins, the applicant and the inviter.
     */
    public record JoinRequestChanged(String type, GroupViews.JoinRequest request) {}
}
