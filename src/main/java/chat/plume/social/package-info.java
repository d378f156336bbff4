/**
 * The social graph: friend requests, friendships, remarks (备注), contact groups (分组) and
 * blocks; chat groups with their members, roles (owner, admin, member), invitations, join
 * requests, announcements and group nicknames.
 *
 * <p>It decides who may talk to whom and publishes what changed as CDI events after commit;
 * it never sends frames itself (that is {@code realtime}'s job). Arrives with the social issue.
 */
package chat.plume.social;
