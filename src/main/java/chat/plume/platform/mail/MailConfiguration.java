package chat.plume.platform.mail;

import chat.plume.platform.Backoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the mail settings, the SMTP transport and the retry policy available for injection. */
@ApplicationScoped
public class MailConfiguration {

    @Produces
    @Singleton
    MailSettings settings() {
        return MailSettings.fromConfiguration();
    }

    @Produces
    @Singleton
    MailTransport transport(MailSettings settings) {
        return new MailTransport(settings);
    }

    @Produces
    @Singleton
    @MailRetries
    Backoff retries(MailSettings settings) {
        return new Backoff(settings.firstRetry(), settings.lastRetry(), settings.maxAttempts());
    }
}
