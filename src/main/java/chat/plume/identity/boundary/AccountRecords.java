package chat.plume.identity.boundary;

import chat.plume.identity.entity.Account;
import chat.plume.identity.entity.AuthSession;
import chat.plume.platform.LikePattern;
import chat.plume.platform.Timestamps;
import chat.plume.platform.rest.ResultPage;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Accounts as an administrator sees them: the moderation state and every signed-in device with
 * its address and browser, which nobody else sees. Read-only; {@link Moderation} acts.
 */
@Stateless
public class AccountRecords {

    private static final int MAX_QUERY = 64;

    @PersistenceContext
    EntityManager em;

    /** One line of the people list. */
    public record Summary(
            long id,
            String username,
            String displayName,
            String role,
            Instant createdAt,
            boolean banned,
            boolean muted) {

        static Summary of(Account a, LocalDateTime now) {
            return new Summary(
                    a.id(),
                    a.username(),
                    a.displayName(),
                    a.role().name().toLowerCase(),
                    Timestamps.toInstant(a.createdAt()),
                    a.isBannedAt(now),
                    a.isMutedAt(now));
        }
    }

    /** A signed-in device, with what only an administrator sees. */
    public record Device(
            long id, Instant createdAt, Instant lastUsedAt, Instant expiresAt, String userAgent, String clientAddress) {

        static Device of(AuthSession s) {
            return new Device(
                    s.id(),
                    Timestamps.toInstant(s.createdAt()),
                    Timestamps.toInstant(s.lastUsedAt()),
                    Timestamps.toInstant(s.expiresAt()),
                    s.userAgent(),
                    s.clientAddress());
        }
    }

    /**
     * An account's record: the profile, when it was made and last used, the moderation state (a
     * permanent ban shows {@code bannedUntil} null and {@code bannedPermanently} true), devices.
     */
    public record Detail(
            long id,
            String username,
            String displayName,
            String role,
            String signature,
            String region,
            Instant createdAt,
            Instant lastSeenAt,
            boolean banned,
            boolean bannedPermanently,
            Instant bannedUntil,
            String banReason,
            Instant mutedUntil,
            List<Device> devices,
            String email,
            String pendingEmail) {}

    /**
     * Case-insensitive substring search over usernames and display names; a number also finds
     * the account with that id (first). At most {@value #MAX_QUERY} characters are used.
     */
    public ResultPage<Summary> search(String query, int page, int size) {
        String text = query == null ? "" : query.strip();
        if (text.length() > MAX_QUERY) {
            text = text.substring(0, MAX_QUERY);
        }
        LocalDateTime now = Timestamps.now();
        String pattern = LikePattern.containing(text);
        long total = em.createNamedQuery(Account.SEARCH_COUNT, Long.class)
                .setParameter("pattern", pattern)
                .getSingleResult();
        List<Summary> items = new ArrayList<>();
        Optional<Account> byId = page == 0 ? byId(text) : Optional.empty();
        byId.ifPresent(a -> items.add(Summary.of(a, now)));
        em.createNamedQuery(Account.SEARCH, Account.class)
                .setParameter("pattern", pattern)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultStream()
                .filter(a -> byId.isEmpty() || !a.id().equals(byId.get().id()))
                .forEach(a -> items.add(Summary.of(a, now)));
        return new ResultPage<>(items, page, size, total + (byId.isPresent() ? 1 : 0));
    }

    public Optional<Detail> detail(long accountId) {
        Account a = em.find(Account.class, accountId);
        if (a == null) {
            return Optional.empty();
        }
        LocalDateTime now = Timestamps.now();
        LocalDateTime bannedUntil = a.bannedUntil(now);
        boolean permanent = Account.PERMANENTLY.equals(bannedUntil);
        LocalDateTime lastSeen = em.createNamedQuery(AuthSession.LAST_USED_OF_ACCOUNT, LocalDateTime.class)
                .setParameter("account", accountId)
                .getSingleResult();
        return Optional.of(new Detail(
                a.id(),
                a.username(),
                a.displayName(),
                a.role().name().toLowerCase(),
                a.signature(),
                a.region(),
                Timestamps.toInstant(a.createdAt()),
                Timestamps.toInstant(lastSeen),
                bannedUntil != null,
                permanent,
                permanent ? null : Timestamps.toInstant(bannedUntil),
                a.banReason(now),
                Timestamps.toInstant(a.mutedUntil(now)),
                em.createNamedQuery(AuthSession.LIVE_OF_ACCOUNT, AuthSession.class)
                        .setParameter("account", accountId)
                        .setParameter("now", now)
                        .getResultStream()
                        .map(Device::of)
                        .toList(),
                a.email() == null ? null : EmailAddresses.masked(a.email()),
                a.pendingEmail() == null ? null : EmailAddresses.masked(a.pendingEmail())));
    }

    private Optional<Account> byId(String text) {
        if (!text.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(Account.class, Long.parseLong(text)));
    }
}
