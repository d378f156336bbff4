package chat.plume.social.groups;

/** A member's standing in a group. The owner is one person; admins help run the group. */
public enum GroupRole {
    OWNER,
    ADMIN,
    MEMBER;

    /** Owner and admins manage the group (profile, announcement, requests, members). */
    public boolean manages() {
        return this != MEMBER;
    }
}
