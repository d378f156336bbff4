package chat.plume.admin.groups;

import chat.plume.social.groups.GroupAdministration;

/** A group in the console's list, with how many messages its chat holds. */
public record GroupRow(GroupAdministration.Summary group, long messages) {}
