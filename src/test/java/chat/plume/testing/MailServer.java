package chat.plume.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) on loopback for the server under test to send to: the ITs'
 * servers are configured with {@code plume.mail.port=3025} (see {@code plume.it.settings}).
 * Tests wait for mail by recipient, read its parts, and take the token out of its link.
 */
public final class MailServer implements AutoCloseable {

    public static final int PORT = 3025;
    private static final Pattern LINK = Pattern.compile("/#/([a-z-]+)/(plm_[A-Za-z0-9_-]{20,60})");

    /** One mail as the recipient's client would show it. */
    public record Received(String recipient, String subject, String text, String html) {

        /** The token in the mail's link to {@code route} ({@code verify-email}, {@code reset-password}). */
        public String token(String route) {
            Matcher m = LINK.matcher(text);
            while (m.find()) {
                if (m.group(1).equals(route)) {
                    return m.group(2);
                }
            }
            throw new AssertionError("No /#/" + route + "/ link in: " + text);
        }
    }

    private final GreenMail greenMail;

    private MailServer(int port) {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    /** Starts an SMTP server on the port the ITs' servers send to. */
    public static MailServer start() {
        return new MailServer(PORT);
    }

    public static MailServer start(int port) {
        return new MailServer(port);
    }

    /** Every mail to {@code recipient} so far. */
    public List<Received> to(String recipient) {
        List<Received> found = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            Received received = read(message);
            if (received.recipient().equalsIgnoreCase(recipient)) {
                found.add(received);
            }
        }
        return found;
    }

    /** Waits until {@code recipient} has {@code count} mails and returns the last. */
    public Received await(String recipient, int count, Duration timeout) {
        Await.until(
                timeout, count + " mail(s) to " + recipient, () -> to(recipient).size() >= count);
        List<Received> all = to(recipient);
        return all.get(all.size() - 1);
    }

    /** Waits for the first mail to {@code recipient}. */
    public Received await(String recipient, Duration timeout) {
        return await(recipient, 1, timeout);
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    private static Received read(MimeMessage message) {
        try {
            String recipient = Arrays.stream(message.getAllRecipients())
                    .map(Object::toString)
                    .findFirst()
                    .orElse("");
            String text = null;
            String html = null;
            Multipart parts = (Multipart) message.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    text = (String) part.getContent();
                } else if (part.isMimeType("text/html")) {
                    html = (String) part.getContent();
                }
            }
            return new Received(recipient, message.getSubject(), text, html);
        } catch (MessagingException | IOException e) {
            throw new AssertionError("Unreadable mail", e);
        }
    }
}
