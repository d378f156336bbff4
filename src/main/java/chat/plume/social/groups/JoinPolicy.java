package chat.plume.social.groups;

/**
 * How people get into a group.
 * <ul>
 *   <li>{@code OPEN}: anyone may join; any member may add friends.</li>
 *   <li>{@code APPROVAL}: requests and members' invitations wait for an owner or admin;
 *       invitations by an owner or admin join directly.</li>
 *   <li>{@code INVITE_ONLY}: nobody may ask to join; members' invitations wait for approval,
 *       an owner's or admin's join directly.</li>
 * </ul>
 */
public enum JoinPolicy {
    OPEN,
    APPROVAL,
    INVITE_ONLY
}
