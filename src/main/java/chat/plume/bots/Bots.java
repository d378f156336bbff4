package chat.plume.bots;

import chat.plume.bots.events.Subscriptions;
import chat.plume.identity.boundary.Accounts;
import chat.plume.identity.boundary.Caller;
import chat.plume.identity.boundary.PublicProfile;
import chat.plume.identity.boundary.Sessions;
import chat.plume.identity.boundary.SessionsRevoked;
import chat.plume.platform.Timestamps;
import chat.plume.platform.error.ConflictException;
import chat.plume.platform.error.MissingEntityException;
import chat.plume.platform.rest.ResultPage;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A person's bots: creating one (an account marked as a bot, and its token, shown once), listing,
 * renaming and describing them, a new token (the old one stops working) or none, deleting one.
 * Only the owner sees or changes a bot; a bot cannot make bots. Everything else a bot does, it
 * does through the same API as people, with its token.
 */
@Stateless
public class Bots {

    private static final Logger LOG = Logger.getLogger(Bots.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    Sessions sessions;

    @Inject
    BotSettings settings;

    @Inject
    jakarta.enterprise.event.Event<Subscriptions.Changed> subscriptionsChanged;

    public BotRequests.WithToken create(Caller caller, BotRequests.Create request) {
        caller.refuseBot();
        long accountId = accounts.createBot(
                        request.username(), request.displayName().strip())
                .id();
        Bot bot = new Bot(accountId, caller.accountId(), blankToNull(request.description()), Timestamps.now());
        em.persist(bot);
        // Counted with the new one in, so the limit holds for one person's requests one after another
        // (two at the very same moment may both pass; a bot more than the limit is harmless).
        if (count(caller.accountId()) > settings.maxPerOwner()) {
            throw new ConflictException(
                    "too_many_bots",
                    "You have the most bots allowed (" + settings.maxPerOwner() + "); delete one first.");
        }
        String token = sessions.issueBotToken(accountId);
        LOG.info(() -> "Account " + caller.accountId() + " created bot " + accountId);
        return new BotRequests.WithToken(view(bot), token);
    }

    /**
     * A bot that comes with Plume (no owner), made at the first start and found at the later ones;
     * empty if a person holds the name (an installation older than the bot).
     */
    public Optional<Long> builtIn(String username, String displayName, String description) {
        Optional<PublicProfile> existing = accounts.find(username);
        if (existing.isPresent()) {
            return Boolean.TRUE.equals(existing.get().bot())
                    ? Optional.of(existing.get().id())
                    : Optional.empty();
        }
        long accountId = accounts.createBot(username, displayName).id();
        em.persist(new Bot(accountId, null, description, Timestamps.now()));
        LOG.info(() -> "Built-in bot @" + username + " created");
        return Optional.of(accountId);
    }

    public ResultPage<BotView> mine(Caller caller, int page, int size) {
        List<Bot> bots = em.createNamedQuery(Bot.OF_OWNER, Bot.class)
                .setParameter("owner", caller.accountId())
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
        Map<Long, PublicProfile> profiles =
                accounts.publicProfiles(bots.stream().map(Bot::accountId).toList());
        List<BotView> items = bots.stream()
                .map(b -> BotView.of(profiles.get(b.accountId()), b))
                .toList();
        return new ResultPage<>(items, page, size, count(caller.accountId()));
    }

    public BotView get(Caller caller, long botId) {
        return view(owned(caller, botId));
    }

    public BotView update(Caller caller, long botId, BotRequests.Update request) {
        Bot bot = owned(caller, botId);
        accounts.renameBot(botId, request.displayName().strip());
        bot.describe(blankToNull(request.description()));
        return view(bot);
    }

    /** A new token for the bot; the one before stops working at once (its connections close). */
    public BotRequests.WithToken newToken(Caller caller, long botId) {
        Bot bot = owned(caller, botId);
        String token = sessions.issueBotToken(botId);
        LOG.info(() -> "Account " + caller.accountId() + " made a new token for bot " + botId);
        return new BotRequests.WithToken(view(bot), token);
    }

    /** Revokes the bot's token: it cannot act until its owner makes a new one. */
    public void revokeToken(Caller caller, long botId) {
        owned(caller, botId);
        sessions.revokeAllExcept(botId, -1, SessionsRevoked.SIGNED_OUT);
    }

    /**
     * Deletes the bot: its account is suspended for good and its token revoked, its hooks revoked
     * and its event subscriptions deleted (nothing goes on in its name); what it wrote stays.
     */
    public void delete(Caller caller, long botId) {
        Bot bot = owned(caller, botId);
        accounts.retireBot(botId);
        bot.delete(Timestamps.now());
        em.createQuery("update Hook h set h.revokedAt = :now where h.botId = :bot and h.revokedAt is null")
                .setParameter("now", Timestamps.now())
                .setParameter("bot", botId)
                .executeUpdate();
        em.createQuery("update BotSubscription s set s.deletedAt = :now where s.botId = :bot and s.deletedAt is null")
                .setParameter("now", Timestamps.now())
                .setParameter("bot", botId)
                .executeUpdate();
        subscriptionsChanged.fire(new Subscriptions.Changed());
        LOG.info(() -> "Account " + caller.accountId() + " deleted bot " + botId);
    }

    /** 404 {@code bot_not_found} unless the caller owns the bot. */
    public void requireOwned(Caller caller, long botId) {
        owned(caller, botId);
    }

    /** Who owns a bot (empty for a built-in one, or an unknown id). */
    public Optional<Long> ownerOf(long botId) {
        Bot bot = em.find(Bot.class, botId);
        return bot == null ? Optional.empty() : Optional.ofNullable(bot.ownerId());
    }

    /** The bot if the caller owns it; 404 {@code bot_not_found} otherwise (another's bot is not shown to exist). */
    private Bot owned(Caller caller, long botId) {
        Bot bot = em.find(Bot.class, botId);
        if (bot == null || !bot.isOwnedBy(caller.accountId())) {
            throw new MissingEntityException("bot_not_found", "No such bot of yours.");
        }
        return bot;
    }

    private BotView view(Bot bot) {
        return BotView.of(accounts.publicProfile(bot.accountId()), bot);
    }

    private long count(long ownerId) {
        return em.createNamedQuery(Bot.COUNT_OF_OWNER, Long.class)
                .setParameter("owner", ownerId)
                .getSingleResult();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
