package chat.plume.identity.boundary;

import chat.plume.identity.control.AttemptWindows;
import chat.plume.identity.control.IdentitySettings;
import chat.plume.identity.control.PasswordHasher;
import chat.plume.identity.control.SignInThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** Makes the identity feature's settings and its stateful helpers available for injection. */
@ApplicationScoped
public class IdentityConfiguration {

    @Produces
    @Singleton
    IdentitySettings settings() {
        return IdentitySettings.fromConfiguration();
    }

    @Produces
    @Singleton
    PasswordHasher passwordHasher(IdentitySettings settings) {
        return new PasswordHasher(settings.passwordIterations());
    }

    /** Registrations per client address: each costs a password hash and an account. */
    @Produces
    @Singleton
    @Registrations
    AttemptWindows registrations(IdentitySettings settings) {
        return new AttemptWindows(
                Clock.systemUTC(),
                settings.registrationsPerAddressPerHour(),
                Duration.ofHours(1),
                "too_many_registrations");
    }

    /** Mails with a link sent to one account: nobody can flood someone's mailbox through Plume. */
    @Produces
    @Singleton
    @LinkMails
    AttemptWindows linkMails(IdentitySettings settings) {
        return new AttemptWindows(
                Clock.systemUTC(), settings.linkMailsPerAccountPerHour(), Duration.ofHours(1), "too_many_mails");
    }

    /** Password-reset requests per client address (each answer is the same; this bounds the work). */
    @Produces
    @Singleton
    @ResetRequests
    AttemptWindows resetRequests(IdentitySettings settings) {
        return new AttemptWindows(
                Clock.systemUTC(),
                settings.resetRequestsPerAddressPerHour(),
                Duration.ofHours(1),
                "too_many_reset_requests");
    }

    @Produces
    @Singleton
    SignInThrottle signInThrottle(IdentitySettings settings) {
        return new SignInThrottle(
                Clock.systemUTC(),
                settings.failuresPerAccount(),
                settings.failuresPerAddress(),
                settings.failureWindow());
    }
}
