package chat.plume.admin.audit;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Setting changes in the audit log. Plume's settings come from system properties ({@code
 * plume.*}) and the environment ({@code PLUME_*}) and take effect when a node starts, so that is
 * when a change is recorded: at start-up the effective settings are compared (by a fingerprint)
 * with those of the last {@code settings.changed} row, and a new row lists them when they differ.
 * Secrets (passwords, tokens, secrets) appear only as set or unset: never their values, nor a
 * hash of them that a weak password could be recovered from.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SettingsAudit {

    static final String ACTION = "settings.changed";

    /**
     * Settings that differ from node to node by design (its name, its data directory): left out,
     * or every node of a cluster would record a "change" each time it starts after another.
     */
    static final Set<String> PER_NODE = Set.of(
            "plume.node.name", "PLUME_NODE_NAME", "plume.node.id", "PLUME_NODE_ID", "plume.data.dir", "PLUME_DATA_DIR");

    /** A setting whose name has one of these is shown only as set or unset. */
    static final List<String> SECRET_WORDS = List.of("password", "pass", "token", "secret", "key", "credential");

    private static final Logger LOG = Logger.getLogger(SettingsAudit.class.getName());

    @Inject
    AuditTrail trail;

    @PostConstruct
    void recordChanges() {
        try {
            Map<String, String> effective = effective(System.getProperties(), System.getenv());
            String fingerprint = fingerprint(effective);
            List<AuditView> last =
                    trail.page(new AuditFilter(null, "settings", null, ACTION, null, null), Long.MAX_VALUE, 1);
            if (!last.isEmpty() && fingerprint.equals(last.get(0).targetName())) {
                return;
            }
            trail.appendAlone(AuditEntry.system(ACTION, "settings", null, fingerprint, listing(effective), null));
        } catch (RuntimeException e) {
            // The audit log must not keep a node from starting; the failure itself is logged.
            LOG.log(Level.WARNING, "Could not record the settings in the audit log", e);
        }
    }

    /** The settings in effect, secrets masked: plume.* properties and PLUME_* variables, sorted. */
    static Map<String, String> effective(Map<?, ?> properties, Map<String, String> environment) {
        Map<String, String> settings = new TreeMap<>();
        properties.forEach((key, value) -> {
            String name = String.valueOf(key);
            if (name.startsWith("plume.") && !PER_NODE.contains(name)) {
                settings.put(name, masked(name, String.valueOf(value)));
            }
        });
        environment.forEach((name, value) -> {
            if (name.startsWith("PLUME_") && !PER_NODE.contains(name)) {
                settings.put(name, masked(name, value));
            }
        });
        return settings;
    }

    static String masked(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (SECRET_WORDS.stream().anyMatch(lower::contains)) {
            return value == null || value.isBlank() ? "(unset)" : "(set)";
        }
        return value;
    }

    /** 16 hex digits of SHA-256 over the listing: the audit row's target name, compared at the next start. */
    static String fingerprint(Map<String, String> settings) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical(settings).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String canonical(Map<String, String> settings) {
        StringBuilder text = new StringBuilder();
        settings.forEach((k, v) -> text.append(k.length())
                .append(':')
                .append(k)
                .append(v.length())
                .append(':')
                .append(v));
        return text.toString();
    }

    /** What the row shows: key=value pairs, cut to the detail column's size. */
    static String listing(Map<String, String> settings) {
        StringBuilder text = new StringBuilder();
        settings.forEach((k, v) ->
                text.append(text.isEmpty() ? "" : "; ").append(k).append('=').append(v));
        return text.length() <= 1000 ? text.toString() : text.substring(0, 999) + "…";
    }
}
