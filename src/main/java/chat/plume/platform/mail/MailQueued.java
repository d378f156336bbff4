package chat.plume.platform.mail;

/** Fired when a mail enters the outbox: once its transaction commits, the sender looks at once. */
public record MailQueued(long id) {}
