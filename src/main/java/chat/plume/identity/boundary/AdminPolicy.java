package chat.plume.identity.boundary;

import chat.plume.platform.Settings;
import chat.plume.platform.error.AccessDeniedException;
import java.time.Duration;
import java.time.Instant;

/**
 * How well an administrator must have proved who they are. {@code plume.admin.require-2fa}
 * (default on): the console and its API need a session opened or stepped up with a second
 * factor. {@code plume.admin.fresh-minutes} (default 15): sensitive actions — ban, purge, role
 * changes — need the session to have checked a credential that recently, else a fresh code.
 */
public final class AdminPolicy {

    private static final boolean REQUIRE_SECOND_FACTOR = Settings.flag("plume.admin.require-2fa", true);
    private static final Duration FRESH =
            Duration.ofMinutes(Settings.integer("plume.admin.fresh-minutes", 15, 1, 1440));

    private AdminPolicy() {}

    /** 403 {@code second_factor_required} for an administrator whose session has no second factor. */
    static void requireSecondFactor(Caller caller) {
        if (REQUIRE_SECOND_FACTOR && !caller.secondFactor()) {
            throw new AccessDeniedException(
                    "second_factor_required",
                    "The admin console needs two-factor authentication: turn it on in your profile and sign in with a code.");
        }
    }

    /** 403 {@code reauthentication_required} unless the session checked a credential recently. */
    public static void requireFresh(Caller caller) {
        if (caller.verifiedAt() == null
                || caller.verifiedAt().isBefore(Instant.now().minus(FRESH))) {
            throw new AccessDeniedException(
                    "reauthentication_required",
                    "Confirm it is you: enter a current code from your authenticator app.");
        }
    }
}
