package chat.plume.identity.control;

import chat.plume.platform.mail.Mail;
import chat.plume.platform.mail.MailTemplates;
import java.util.Map;

/** The mail identity sends about an account; its wording is in {@code chat/plume/identity/mail*.properties}. */
public final class AccountMails {

    public static final String BUNDLE = "chat.plume.identity.mail";
    public static final String VERIFY_EMAIL = "verify_email";
    public static final String EMAIL_CHANGED = "email_changed";
    public static final String PASSWORD_RESET = "password_reset";
    public static final String PASSWORD_CHANGED = "password_changed";

    private AccountMails() {}

    public static Mail compose(
            String kind, String recipient, String language, String link, Map<String, String> values) {
        return MailTemplates.compose(BUNDLE, kind, recipient, language, link, values);
    }
}
