/**
 * The social graph: who is whose friend, and which groups people form. It decides who may talk
 * to whom; {@code messaging} asks it.
 *
 * <ul>
 *   <li>{@code friends}: friend requests (验证消息, cool-down after a decline), friendships with
 *       each side's remark (备注) and contact group (分组), and blocks.</li>
 *   <li>{@code groups}: chat groups with a searchable number, roles (owner, admin, member), join
 *       policy, join requests and invitations, announcements (群公告) and group nicknames (群昵称).</li>
 * </ul>
 *
 * <p>Every change is written in one transaction and announced with {@code Push} events that
 * {@code realtime} delivers after commit; it never sends frames itself. Who may do what is
 * written down in {@code docs/authorization.md}.
 */
package chat.plume.social;
