package chat.plume.identity.boundary;

import chat.plume.identity.entity.Account;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The full profile, shown only to its owner (it includes the phone number, the role, the
 * verified email address and the one waiting for its link).
 */
public record OwnProfile(
        long id,
        String username,
        String displayName,
        String signature,
        String gender,
        String region,
        String phone,
        String role,
        Instant createdAt,
        Long avatar,
        String email,
        String pendingEmail,
        Boolean bot) {

    static OwnProfile of(Account a) {
        return new OwnProfile(
                a.id(),
                a.username(),
                a.displayName(),
                a.signature(),
                a.gender() == null ? null : a.gender().wireName(),
                a.region(),
                a.phone(),
                a.role().name().toLowerCase(Locale.ROOT),
                a.createdAt().toInstant(ZoneOffset.UTC),
                a.avatarMediaId(),
                a.email(),
                a.pendingEmail(),
                a.isBot() ? Boolean.TRUE : null);
    }
}
