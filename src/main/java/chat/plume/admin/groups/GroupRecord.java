package chat.plume.admin.groups;

import chat.plume.admin.audit.AuditView;
import chat.plume.social.groups.GroupAdministration;
import java.util.List;

/** A group's page in the console: the group and its members, how many messages its chat holds, its audit history. */
public record GroupRecord(GroupAdministration.Detail detail, long messages, List<AuditView> history) {}
