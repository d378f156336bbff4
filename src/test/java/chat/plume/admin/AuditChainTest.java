package chat.plume.admin;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.admin.audit.AuditChain;
import chat.plume.admin.audit.AuditEntry;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final LocalDateTime AT = LocalDateTime.of(2026, 12, 6, 10, 15, 30, 123_456_789);
    private static final AuditEntry BAN =
            new AuditEntry(1L, "root", "account.ban", "account", 42L, "spammer", "spam links", "permanent", "10.0.0.1");

    @Test
    void theHashIsSha256HexAndDependsOnlyOnItsInputs() {
        String hash = AuditChain.hash(AuditChain.GENESIS, 1, AT, BAN);
        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, AT, BAN)).isEqualTo(hash);
    }

    @Test
    void everyFieldChangesTheHash() {
        List<String> hashes = List.of(
                AuditChain.hash(AuditChain.GENESIS, 1, AT, BAN),
                AuditChain.hash("1".repeat(64), 1, AT, BAN),
                AuditChain.hash(AuditChain.GENESIS, 2, AT, BAN),
                AuditChain.hash(AuditChain.GENESIS, 1, AT.plusNanos(1_000_000), BAN),
                AuditChain.hash(AuditChain.GENESIS, 1, AT, with(BAN, 0, 2L)),
                AuditChain.hash(AuditChain.GENESIS, 1, AT, with(BAN, 1, "rOot")),
                AuditChain.hash(AuditChain.GENESIS, 1, AT, with(BAN, 2, "account.unban")),
                AuditChain.hash(AuditChain.GENESIS, 1, AT, with(BAN, 3, "group")),
                AuditChain.hash(AuditChain.GENESIS, 1, AT, with(BAN, 4, 43L)),
                AuditChain.hash(AuditChain.GENESIS, 1, AT, with(BAN, 5, "spammer2")),
                AuditChain.hash(AuditChain.GENESIS, 1, AT, with(BAN, 6, "spam link")),
                AuditChain.hash(AuditChain.GENESIS, 1, AT, with(BAN, 7, "until tomorrow")),
                AuditChain.hash(AuditChain.GENESIS, 1, AT, with(BAN, 8, "10.0.0.2")));
        assertThat(new HashSet<>(hashes)).hasSize(hashes.size());
    }

    @Test
    void fieldsCannotBeShiftedIntoEachOther() {
        // Without lengths, "a;b" + "" and "a" + "b" could encode alike.
        AuditEntry one = new AuditEntry(null, null, "x", null, null, null, "reason;", "", null);
        AuditEntry two = new AuditEntry(null, null, "x", null, null, null, "reason", ";", null);
        AuditEntry missing = new AuditEntry(null, null, "x", null, null, null, null, null, null);
        AuditEntry empty = new AuditEntry(null, null, "x", null, null, null, "", "", null);
        Set<String> hashes = Set.of(
                AuditChain.hash(AuditChain.GENESIS, 1, AT, one),
                AuditChain.hash(AuditChain.GENESIS, 1, AT, two),
                AuditChain.hash(AuditChain.GENESIS, 1, AT, missing),
                AuditChain.hash(AuditChain.GENESIS, 1, AT, empty));
        assertThat(hashes).hasSize(4);
    }

    @Test
    void timesCountToTheMillisecondWhichTheDatabasesStoreExactly() {
        LocalDateTime stored = AuditChain.stamp(AT);
        assertThat(stored.getNano()).isEqualTo(123_000_000);
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, stored, BAN))
                .isEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, AT, BAN));
    }

    private static AuditEntry with(AuditEntry e, int field, Object value) {
        Object[] f = {
            e.actorId(),
            e.actorName(),
            e.action(),
            e.targetKind(),
            e.targetId(),
            e.targetName(),
            e.reason(),
            e.detail(),
            e.clientAddress()
        };
        f[field] = value;
        return new AuditEntry(
                (Long) f[0],
                (String) f[1],
                (String) f[2],
                (String) f[3],
                (Long) f[4],
                (String) f[5],
                (String) f[6],
                (String) f[7],
                (String) f[8]);
    }
}
