package chat.plume.messaging;

/** The result of a send: the message, and whether it had been sent before under the same client id. */
public record Sent(MessagingViews.Message message, boolean duplicate) {}
