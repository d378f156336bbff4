package chat.plume.platform.mail;

/**
 * One mail to one recipient: a plain-text part and an HTML part saying the same thing.
 *
 * @param kind what it is ({@code verify_email}, {@code password_reset}, …), for figures and the console
 */
public record Mail(String kind, String recipient, String subject, String text, String html) {

    /** Never print a body: it may hold a single-use link. */
    @Override
    public String toString() {
        return "Mail[kind=" + kind + "]";
    }
}
