package chat.plume.social.groups;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A person's membership of a group: their role and their group nickname (群昵称). */
@Entity
@Table(name = "group_member")
@NamedQuery(
        name = GroupMember.OF_GROUP,
        query = "select m from GroupMember m where m.groupId = :group order by m.joinedAt")
@NamedQuery(
        name = GroupMember.ONE,
        query = "select m from GroupMember m where m.groupId = :group and m.accountId = :account")
@NamedQuery(name = GroupMember.GROUPS_OF, query = "select m.groupId from GroupMember m where m.accountId = :account")
@NamedQuery(name = GroupMember.COUNT, query = "select count(m) from GroupMember m where m.groupId = :group")
// A page of a group's members, by account id (keyset: the unique key (group_id, account_id)).
@NamedQuery(
        name = GroupMember.PAGE,
        query = "select m from GroupMember m where m.groupId = :group and m.accountId > :after order by m.accountId")
// The same, only those whose username, display name or group nickname contains the text: the one
// query of this feature that reads identity's account table (a name filter over a group of any
// size cannot be done with ids handed across, and the table is only read).
@NamedQuery(
        name = GroupMember.PAGE_MATCHING,
        query = "select m from GroupMember m, Account a where a.id = m.accountId and m.groupId = :group"
                + " and m.accountId > :after and (a.usernameKey like :pattern escape '!'"
                + " or lower(a.displayName) like :pattern escape '!' or lower(m.nickname) like :pattern escape '!')"
                + " order by m.accountId")
@NamedQuery(
        name = GroupMember.PAGE_BOTS,
        query = "select m from GroupMember m, Account a where a.id = m.accountId and m.groupId = :group"
                + " and m.accountId > :after and a.bot = true order by m.accountId")
@NamedQuery(
        name = GroupMember.MANAGER_IDS,
        query = "select m.accountId from GroupMember m where m.groupId = :group and m.role <> :member")
@NamedQuery(name = GroupMember.IDS, query = "select m.accountId from GroupMember m where m.groupId = :group")
@NamedQuery(name = GroupMember.REMOVE_ALL, query = "delete from GroupMember m where m.groupId = :group")
public class GroupMember {

    public static final String OF_GROUP = "GroupMember.ofGroup";
    public static final String ONE = "GroupMember.one";
    public static final String GROUPS_OF = "GroupMember.groupsOf";
    public static final String COUNT = "GroupMember.count";
    public static final String REMOVE_ALL = "GroupMember.removeAll";
    public static final String PAGE = "GroupMember.page";
    public static final String PAGE_MATCHING = "GroupMember.pageMatching";
    public static final String PAGE_BOTS = "GroupMember.pageBots";
    public static final String MANAGER_IDS = "GroupMember.managerIds";
    public static final String IDS = "GroupMember.ids";

    @Id
    @SequenceGenerator(name = "group_member_seq", sequenceName = "group_member_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "group_member_seq")
    private Long id;

    @Column(name = "group_id", nullable = false, updatable = false)
    private long groupId;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private GroupRole role;

    @Column(length = 32)
    private String nickname;

    @Column(name = "joined_at", nullable = false, updatable = false)
    private LocalDateTime joinedAt;

    @Column(name = "muted_until")
    private LocalDateTime mutedUntil;

    protected GroupMember() {}

    public GroupMember(long groupId, long accountId, GroupRole role, LocalDateTime now) {
        this.groupId = groupId;
        this.accountId = accountId;
        this.role = role;
        this.joinedAt = now;
    }

    public void setRole(GroupRole newRole) {
        this.role = newRole;
    }

    public void setNickname(String newNickname) {
        this.nickname = newNickname;
    }

    public void muteUntil(LocalDateTime until) {
        this.mutedUntil = until;
    }

    public LocalDateTime mutedUntil() {
        return mutedUntil;
    }

    public long groupId() {
        return groupId;
    }

    public long accountId() {
        return accountId;
    }

    public GroupRole role() {
        return role;
    }

    public String nickname() {
        return nickname;
    }

    public LocalDateTime joinedAt() {
        return joinedAt;
    }

    /**
     * Whether this member may not speak at {@code now}: muted alone, or with everyone while the
     * group is muted. The owner and admins are never silenced.
     */
    public boolean isSilencedAt(ChatGroup group, LocalDateTime now) {
        if (role.manages()) {
            return false;
        }
        return (mutedUntil != null && mutedUntil.isAfter(now)) || group.isAllMutedAt(now);
    }
}
