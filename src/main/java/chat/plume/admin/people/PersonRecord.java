package chat.plume.admin.people;

import chat.plume.admin.audit.AuditView;
import chat.plume.identity.boundary.AccountRecords;
import chat.plume.media.Uploads;
import java.util.List;

/**
 * A person's page in the console: the account with its devices and moderation state, whether
 * they are connected now, what they have (friends, groups, messages sent, uploads and quota),
 * and the latest audit rows about them.
 */
public record PersonRecord(
        AccountRecords.Detail account,
        int connections,
        long friends,
        long groups,
        long messagesSent,
        Uploads.Usage uploads,
        List<AuditView> history) {}
