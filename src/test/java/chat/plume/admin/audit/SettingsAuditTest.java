package chat.plume.admin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsAuditTest {

    @Test
    void onlyPlumesSettingsAreListedAndSecretsAreNeverShown() {
        Map<String, String> effective = SettingsAudit.effective(
                Map.of(
                        "plume.retention.message-days", "30",
                        "plume.admin.password", "correct horse battery staple",
                        "plume.metrics.token", "s3cret-token",
                        "java.home", "/usr/lib/jvm"),
                Map.of("PLUME_TOTP_SECRET", "JBSWY3DPEHPK3PXP", "HOME", "/root", "PLUME_NODE_NAME", "node-a"));
        assertThat(effective)
                // The node's own name is not a setting of the deployment: each node has its own.
                .containsExactly(
                        Map.entry("PLUME_TOTP_SECRET", "(set)"),
                        Map.entry("plume.admin.password", "(set)"),
                        Map.entry("plume.metrics.token", "(set)"),
                        Map.entry("plume.retention.message-days", "30"));
        String listing = SettingsAudit.listing(effective);
        assertThat(listing)
                .doesNotContain("correct horse", "s3cret", "JBSWY3DP")
                .contains("plume.retention.message-days=30");
    }

    @Test
    void theFingerprintChangesWithAnyValueAndOnlyThen() {
        Map<String, String> a = SettingsAudit.effective(Map.of("plume.x", "1", "plume.y", "2"), Map.of());
        Map<String, String> same = SettingsAudit.effective(Map.of("plume.y", "2", "plume.x", "1"), Map.of());
        Map<String, String> changed = SettingsAudit.effective(Map.of("plume.x", "1", "plume.y", "3"), Map.of());
        // Length-prefixed: moving a character from a key to its value is a change too.
        Map<String, String> shifted = SettingsAudit.effective(Map.of("plume.x1", "", "plume.y", "2"), Map.of());
        assertThat(SettingsAudit.fingerprint(a))
                .hasSize(16)
                .isEqualTo(SettingsAudit.fingerprint(same))
                .isNotEqualTo(SettingsAudit.fingerprint(changed))
                .isNotEqualTo(SettingsAudit.fingerprint(shifted));
    }
}
