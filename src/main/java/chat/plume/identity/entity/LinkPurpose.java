package chat.plume.identity.entity;

/** What a single-use link mailed to a person does. */
public enum LinkPurpose {
    VERIFY_EMAIL,
    RESET_PASSWORD
}
