package chat.plume.identity.boundary;

import chat.plume.identity.entity.Account;

/**
 * What anyone signed in may see of an account: no phone number, no role. {@code avatar} is the
 * id of the current avatar image ({@code /api/v1/avatars/users/{id}}), absent when there is none;
 * {@code bot} is true for a bot's account and absent otherwise.
 */
public record PublicProfile(
        long id,
        String username,
        String displayName,
        String signature,
        String gender,
        String region,
        Long avatar,
        Boolean bot) {

    static PublicProfile of(Account a) {
        return new PublicProfile(
                a.id(),
                a.username(),
                a.displayName(),
                a.signature(),
                a.gender() == null ? null : a.gender().wireName(),
                a.region(),
                a.avatarMediaId(),
                a.isBot() ? Boolean.TRUE : null);
    }
}
