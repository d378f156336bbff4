/**
 * Chat groups (群): a searchable number, a profile (name, description, announcement 群公告), a
 * join policy (open, approval, invite only), members with roles (owner, admin, member) and
 * group nicknames (群昵称), join requests and invitations awaiting approval, and the group's
 * lifecycle from creation to dissolution. The rules of who may do what are in
 * docs/authorization.md, and {@link chat.plume.social.groups.GroupRules} enforces them.
 */
package chat.plume.social.groups;
