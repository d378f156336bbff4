package chat.plume.identity.boundary;

import chat.plume.platform.rest.TextRules;

/**
 * The input rules of accounts, as regular expressions and limits shared by the request records'
 * Bean Validation constraints (and documented in the OpenAPI description).
 */
final class AccountRules {

    /** 3–32 letters, digits or underscores; ASCII so that usernames are easy to type and say. */
    static final String USERNAME = "^[A-Za-z0-9_]{3,32}$";

    static final String VISIBLE_TEXT = TextRules.VISIBLE_TEXT;
    static final String OPTIONAL_TEXT = TextRules.OPTIONAL_TEXT;
    static final String GENDER = "^(male|female|other)$";
    static final String PHONE = "^\\+?[0-9 ()-]{3,31}$";
    /**
     * An address SMTP carries without extensions: an ASCII local part of RFC 5322's "atext" and
     * dots, and a domain of at least two labels (an internationalised domain in its xn-- form).
     */
    static final String EMAIL = "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
            + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$";

    static final int EMAIL_MAX = 254;
    static final int DISPLAY_NAME_MAX = 64;
    static final int SIGNATURE_MAX = 100;
    static final int REGION_MAX = 64;
    static final int PASSWORD_MIN = 8;
    /** Long enough for any passphrase; bounds the work a single request can ask for. */
    static final int PASSWORD_MAX = 256;

    private AccountRules() {}
}
