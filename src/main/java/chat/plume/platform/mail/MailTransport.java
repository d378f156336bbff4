package chat.plume.platform.mail;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

/**
 * Sends one mail over SMTP with Jakarta Mail: a session built once from {@link MailSettings}
 * (the same on every server, no server-specific mail resource), a multipart/alternative message
 * with a plain-text and an HTML part in UTF-8.
 */
public class MailTransport {

    /** Why a send failed, and whether trying again can help (a refused address cannot). */
    public static final class Failure extends Exception {
        private final boolean permanent;

        Failure(String message, boolean permanent, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }

    private final Session session;
    private final InternetAddress from;

    public MailTransport(MailSettings settings) {
        this.session = settings.enabled() ? Session.getInstance(properties(settings), authenticator(settings)) : null;
        try {
            this.from = new InternetAddress(settings.from(), true);
        } catch (AddressException e) {
            throw new IllegalStateException("Setting plume.mail.from is not a mail address: " + settings.from(), e);
        }
    }

    public void send(Mail mail) throws Failure {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
            message.setSubject(mail.subject(), "UTF-8");
            message.setSentDate(Date.from(Instant.now()));
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), "UTF-8", "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), "UTF-8", "html");
            // The last part is the preferred one: HTML where it can be shown, text otherwise.
            message.setContent(new MimeMultipart("alternative", text, html));
            Transport.send(message);
        } catch (AddressException e) {
            throw new Failure("invalid address: " + e.getMessage(), true, e);
        } catch (SendFailedException e) {
            boolean refused = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
            throw new Failure(e.getMessage(), refused, e);
        } catch (MessagingException e) {
            throw new Failure(e.getMessage(), false, e);
        }
    }

    private static Properties properties(MailSettings settings) {
        Properties p = new Properties();
        String protocol = settings.tls() == MailSettings.Tls.TLS ? "smtps" : "smtp";
        p.setProperty("mail.transport.protocol", protocol);
        // Transport.send picks the transport by address type: internet addresses go to this one.
        p.setProperty("mail.transport.protocol.rfc822", protocol);
        String prefix = "mail." + protocol + ".";
        p.setProperty(prefix + "host", settings.host());
        p.setProperty(prefix + "port", Integer.toString(settings.port()));
        String timeout = Long.toString(settings.timeout().toMillis());
        p.setProperty(prefix + "connectiontimeout", timeout);
        p.setProperty(prefix + "timeout", timeout);
        p.setProperty(prefix + "writetimeout", timeout);
        p.setProperty(prefix + "auth", Boolean.toString(settings.username() != null));
        if (settings.tls() == MailSettings.Tls.STARTTLS) {
            // Required, not opportunistic: a server that does not offer it is an error, not plain text.
            p.setProperty(prefix + "starttls.enable", "true");
            p.setProperty(prefix + "starttls.required", "true");
        }
        if (settings.tls() != MailSettings.Tls.NONE) {
            p.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        return p;
    }

    private static Authenticator authenticator(MailSettings settings) {
        if (settings.username() == null) {
            return null;
        }
        PasswordAuthentication credentials =
                new PasswordAuthentication(settings.username(), settings.password() == null ? "" : settings.password());
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return credentials;
            }
        };
    }
}
