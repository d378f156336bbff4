package chat.plume.identity.boundary;

import chat.plume.identity.control.SessionTokens;
import chat.plume.identity.entity.AccountLink;
import chat.plume.identity.entity.LinkPurpose;
import chat.plume.platform.Timestamps;
import chat.plume.platform.error.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * Single-use links, inside the caller's transaction: issuing one ends the account's earlier
 * links of the same purpose; redeeming one locks its row, so of two requests with the same link
 * exactly one gets through.
 */
@ApplicationScoped
public class AccountLinks {

    @PersistenceContext
    EntityManager em;

    /** Issues a link and returns its token (shown once, in the mail; only its hash is kept). */
    public String issue(long accountId, LinkPurpose purpose, String email, Duration life) {
        LocalDateTime now = Timestamps.now();
        endAll(accountId, purpose);
        String token = SessionTokens.generate();
        em.persist(new AccountLink(accountId, purpose, SessionTokens.digest(token), email, now, life));
        return token;
    }

    /** Ends every live link of the account with that purpose. */
    public void endAll(long accountId, LinkPurpose purpose) {
        em.createNamedQuery(AccountLink.END_OTHERS)
                .setParameter("now", Timestamps.now())
                .setParameter("account", accountId)
                .setParameter("purpose", purpose)
                .executeUpdate();
    }

    /** The live link behind a token, without using it; 400 {@code invalid_link} if there is none. */
    public AccountLink peek(String token, LinkPurpose purpose) {
        return find(token, purpose, LockModeType.NONE);
    }

    /** Uses the link behind a token (locked until the transaction ends); 400 {@code invalid_link} if it does not work. */
    public AccountLink redeem(String token, LinkPurpose purpose) {
        AccountLink link = find(token, purpose, LockModeType.PESSIMISTIC_WRITE);
        link.use(Timestamps.now());
        return link;
    }

    private AccountLink find(String token, LinkPurpose purpose, LockModeType lock) {
        if (!SessionTokens.plausible(token)) {
            throw invalid();
        }
        return em.createNamedQuery(AccountLink.BY_TOKEN_HASH, AccountLink.class)
                .setParameter("hash", SessionTokens.digest(token))
                .setLockMode(lock)
                .getResultStream()
                .filter(l -> l.works(purpose, Timestamps.now()))
                .findFirst()
                .orElseThrow(AccountLinks::invalid);
    }

    private static InvalidInputException invalid() {
        return new InvalidInputException(
                "invalid_link",
                "token",
                "This link does not work: it was already used, replaced by a newer one, or has expired.");
    }
}
