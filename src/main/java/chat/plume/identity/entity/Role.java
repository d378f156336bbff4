package chat.plume.identity.entity;

/** What an account may do beyond chatting: {@code ADMIN} runs the admin console. */
public enum Role {
    USER,
    ADMIN
}
