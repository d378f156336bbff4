package chat.plume.platform.rest;

/** Patterns for free text in requests, shared by every feature's Bean Validation constraints. */
public final class TextRules {

    /** Any text without control characters, not only spaces: every script is welcome. */
    public static final String VISIBLE_TEXT = "^[^\\p{Cntrl}]*\\S[^\\p{Cntrl}]*$";
    /** Any text without control characters, possibly empty. */
    public static final String OPTIONAL_TEXT = "^[^\\p{Cntrl}]*$";
    /** Multi-line text: control characters other than line breaks and tabs are refused. */
    public static final String MULTILINE_TEXT = "^[^\\p{Cntrl}]*(?:[\\n\\t\\r]+[^\\p{Cntrl}]*)*$";

    public static final String NO_CONTROL = "must not be blank or contain control characters";
    public static final String NO_CONTROL_CHARACTERS = "must not contain control characters";

    private TextRules() {}
}
