package chat.plume.identity.control;

import chat.plume.platform.Settings;
import java.time.Duration;

/**
 * The identity feature's knobs, read once at startup (see the README's configuration table).
 *
 * @param passwordIterations PBKDF2 iterations for new hashes; never below OWASP's 600,000
 * @param sessionLifetime how long a sign-in lasts without signing in again
 * @param secureCookie whether the session cookie is marked Secure even on plain HTTP requests
 *        (set it behind a TLS-terminating proxy; on HTTPS requests it is always Secure)
 * @param failuresPerAccount failed sign-ins allowed per username within {@code failureWindow}
 * @param failuresPerAddress failed sign-ins allowed per client address within {@code failureWindow}
 * @param failureWindow the window over which failures are counted
 * @param registrationsPerAddressPerHour accounts one client address may create per hour
 * @param requireVerifiedEmail whether sign-up asks for an email address and writing waits until it is verified
 * @param linkMailsPerAccountPerHour mails with a link (verification, reset) one account may be sent per hour
 * @param resetRequestsPerAddressPerHour password-reset requests one client address may make per hour
 */
public record IdentitySettings(
        int passwordIterations,
        Duration sessionLifetime,
        boolean secureCookie,
        int failuresPerAccount,
        int failuresPerAddress,
        Duration failureWindow,
        int registrationsPerAddressPerHour,
        boolean requireVerifiedEmail,
        int linkMailsPerAccountPerHour,
        int resetRequestsPerAddressPerHour) {

    /** How long a link that verifies an address works. */
    public static final java.time.Duration VERIFY_LINK_LIFE = java.time.Duration.ofHours(24);
    /** How long a password-reset link works. */
    public static final java.time.Duration RESET_LINK_LIFE = java.time.Duration.ofMinutes(30);

    public static final int MIN_PASSWORD_ITERATIONS = 600_000;

    public static IdentitySettings fromConfiguration() {
        return new IdentitySettings(
                Settings.integer(
                        "plume.password.iterations", MIN_PASSWORD_ITERATIONS, MIN_PASSWORD_ITERATIONS, 50_000_000),
                Duration.ofDays(Settings.integer("plume.session.lifetime-days", 30, 1, 365)),
                Settings.flag("plume.session.secure-cookie", false),
                Settings.integer("plume.signin.max-failures-per-account", 5, 1, 1000),
                Settings.integer("plume.signin.max-failures-per-address", 50, 1, 100_000),
                Duration.ofMinutes(Settings.integer("plume.signin.failure-window-minutes", 15, 1, 1440)),
                Settings.integer("plume.signup.max-per-address-per-hour", 20, 1, 1_000_000),
                Settings.flag("plume.mail.require-verified-email", false),
                Settings.integer("plume.mail.link-mails-per-account-per-hour", 5, 1, 1000),
                Settings.integer("plume.mail.reset-requests-per-address-per-hour", 20, 1, 1_000_000));
    }
}
