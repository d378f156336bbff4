/**
 * Outgoing mail: the outbox a feature writes a {@link chat.plume.platform.mail.Mail} to inside its
 * own transaction, and the sender that delivers it over SMTP (Jakarta Mail) after the commit,
 * retrying with backoff. Knows no feature: what a mail says is written by the feature that sends
 * it.
 */
package chat.plume.platform.mail;
