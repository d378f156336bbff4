package chat.plume.platform.mail;

import chat.plume.platform.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * How mail leaves Plume (see the README's configuration table). Mail is off until
 * {@code plume.mail.host} is set, so that the default start needs no mail server; when it is on,
 * {@code plume.public-url} must say where the links in mails lead (never taken from a request's
 * Host header, which an attacker chooses).
 *
 * @param host the SMTP server, or null: mail is off
 * @param tls {@code none}, {@code starttls} (required, not opportunistic) or {@code tls} (SMTPS)
 * @param password from {@code PLUME_MAIL_PASSWORD} preferably; never printed
 * @param maxAttempts attempts before a mail is given up on
 * @param firstRetry the wait after the first failure; each further one doubles, up to {@code lastRetry}
 */
public record MailSettings(
        String host,
        int port,
        Tls tls,
        String username,
        String password,
        String from,
        URI publicUrl,
        int maxAttempts,
        Duration firstRetry,
        Duration lastRetry,
        Duration timeout) {

    public enum Tls {
        NONE,
        STARTTLS,
        TLS
    }

    public boolean enabled() {
        return host != null;
    }

    /** A link into the page: {@code path} is appended to the public address. */
    public String link(String path) {
        String base = publicUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    public static MailSettings fromConfiguration() {
        String host = Settings.lookup("plume.mail.host").orElse(null);
        Tls tls = tls(Settings.string("plume.mail.tls", "starttls"));
        URI publicUrl =
                Settings.lookup("plume.public-url").map(MailSettings::publicUrl).orElse(null);
        if (host != null && publicUrl == null) {
            throw new IllegalStateException(
                    "Setting plume.public-url must be set when mail is on (plume.mail.host): links in mails lead there");
        }
        return new MailSettings(
                host,
                Settings.integer("plume.mail.port", tls == Tls.TLS ? 465 : 587, 1, 65_535),
                tls,
                Settings.lookup("plume.mail.username").orElse(null),
                Settings.lookup("plume.mail.password").orElse(null),
                Settings.string("plume.mail.from", "Plume <plume@localhost>"),
                publicUrl,
                Settings.integer("plume.mail.max-attempts", 8, 1, 100),
                Settings.seconds("plume.mail.first-retry-seconds", 30, 1, 86_400),
                Settings.seconds("plume.mail.last-retry-seconds", 3_600, 1, 86_400),
                Settings.seconds("plume.mail.timeout-seconds", 20, 1, 300));
    }

    private static Tls tls(String value) {
        try {
            return Tls.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Setting plume.mail.tls must be none, starttls or tls, was " + value, e);
        }
    }

    private static URI publicUrl(String value) {
        URI uri = URI.create(value);
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalStateException("Setting plume.public-url must be an http(s) address, was " + value);
        }
        return uri;
    }

    /** The password stays out of logs and dumps. */
    @Override
    public String toString() {
        return "MailSettings[host=" + host + ", port=" + port + ", tls=" + tls + ", username=" + username
                + ", password=" + (password == null ? "none" : "***") + ", from=" + from + ", publicUrl="
                + publicUrl + "]";
    }
}
