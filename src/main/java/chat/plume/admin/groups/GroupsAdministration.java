package chat.plume.admin.groups;

import chat.plume.admin.audit.AuditEntry;
import chat.plume.admin.audit.AuditFilter;
import chat.plume.admin.audit.AuditTrail;
import chat.plume.identity.boundary.Caller;
import chat.plume.messaging.Messages;
import chat.plume.platform.error.InvalidInputException;
import chat.plume.platform.rest.ResultPage;
import chat.plume.social.groups.GroupAdministration;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * The console's work on groups: the list and a group's page, and each action in one transaction
 * that takes the audit lock first, acts through {@link GroupAdministration} and appends its audit
 * row.
 */
@Stateless
public class GroupsAdministration {

    /** Audit rows shown on a group's page. */
    private static final int HISTORY = 20;

    @Inject
    GroupAdministration groups;

    @Inject
    Messages messages;

    @Inject
    AuditTrail audit;

    /** The actions, by the name the API and the audit log use. */
    public enum Action {
        DISSOLVE("group.dissolve"),
        TRANSFER("group.transfer"),
        MUTE_ALL("group.mute_all"),
        REMOVE_MEMBER("group.remove_member");

        final String audited;

        Action(String audited) {
            this.audited = audited;
        }
    }

    public ResultPage<GroupRow> search(String query, boolean withDissolved, int page, int size) {
        ResultPage<GroupAdministration.Summary> found = groups.search(query, withDissolved, page, size);
        Map<Long, Long> counts = messages.countsByGroup(
                found.items().stream().map(GroupAdministration.Summary::id).toList());
        List<GroupRow> rows = found.items().stream()
                .map(g -> new GroupRow(g, counts.getOrDefault(g.id(), 0L)))
                .toList();
        return new ResultPage<>(rows, found.page(), found.size(), found.total());
    }

    public GroupRecord record(long groupId) {
        GroupAdministration.Detail detail = groups.detail(groupId);
        return new GroupRecord(
                detail,
                messages.countsByGroup(List.of(groupId)).getOrDefault(groupId, 0L),
                audit.page(new AuditFilter(null, "group", groupId, null, null, null), Long.MAX_VALUE, HISTORY));
    }

    public void act(Caller actor, long groupId, Action action, GroupActionRequest request, String clientAddress) {
        audit.lock();
        String reason = request.reason().strip();
        GroupAdministration.Summary group;
        String detail;
        switch (action) {
            case DISSOLVE -> {
                group = groups.dissolve(actor.accountId(), groupId, reason);
                detail = group.members() + " members told";
            }
            case TRANSFER -> {
                long heir = required(request.userId(), "userId");
                group = groups.transfer(groupId, heir);
                detail = "to account " + heir;
            }
            case MUTE_ALL -> {
                int minutes = required(request.minutes(), "minutes");
                group = groups.muteAll(groupId, minutes);
                detail = minutes == 0 ? "lifted" : "for " + minutes + " minutes";
            }
            case REMOVE_MEMBER -> {
                long member = required(request.userId(), "userId");
                groups.remove(actor.accountId(), groupId, member);
                group = groups.detail(groupId).group();
                detail = "account " + member;
            }
            default -> throw new IllegalStateException(action.name());
        }
        audit.append(new AuditEntry(
                actor.accountId(),
                actor.username(),
                action.audited,
                "group",
                groupId,
                group.name(),
                reason,
                detail,
                clientAddress));
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidInputException("invalid_input", field, field + " is required for this action.");
        }
        return value;
    }
}
