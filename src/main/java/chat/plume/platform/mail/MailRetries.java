package chat.plume.platform.mail;

import jakarta.inject.Qualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** The outbox's retry policy (other outboxes have their own). */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@interface MailRetries {}
