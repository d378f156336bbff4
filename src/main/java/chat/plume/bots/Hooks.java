package chat.plume.bots;

import chat.plume.identity.boundary.Caller;
import chat.plume.messaging.Conversations;
import chat.plume.messaging.Outgoing;
import chat.plume.messaging.Sends;
import chat.plume.messaging.Sent;
import chat.plume.platform.Timestamps;
import chat.plume.platform.error.AccessDeniedException;
import chat.plume.platform.error.ConflictException;
import chat.plume.platform.error.MissingEntityException;
import chat.plume.platform.error.NotAuthenticatedException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Incoming webhooks. Whoever manages a conversation (a participant of a one-to-one chat, the
 * owner or an admin of a group) makes a hook that posts into it as one of their bots that is in
 * it; the hook's secret is shown once. A post with the secret is a send by that bot through
 * messaging's {@code Sends}, so it meets every rule and the bot's pacing; an
 * {@code Idempotency-Key} makes a retried post the same message (a different text under the same
 * key is 409).
 */
@Stateless
public class Hooks {

    private static final Logger LOG = Logger.getLogger(Hooks.class.getName());
    static final int MAX_PER_CONVERSATION = 10;

    /** A hook and its secret, shown once. */
    public record WithSecret(HookView hook, String secret) {

        /** A secret is a credential: never printed. */
        @Override
        public String toString() {
            return "WithSecret[hook=" + hook.id() + ", secret=***]";
        }
    }

    /** What a post became: a new message, or the one posted before under the same key. */
    public record Posted(long messageId, long conversation, long seq, boolean duplicate) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Conversations conversations;

    @Inject
    Sends sends;

    public WithSecret create(Caller caller, long conversationId, long botId, String name) {
        caller.refuseBot();
        requireOwner(caller, conversationId);
        Bot bot = em.find(Bot.class, botId);
        if (bot == null || !bot.isOwnedBy(caller.accountId())) {
            throw new MissingEntityException("bot_not_found", "No such bot of yours.");
        }
        if (conversations.participant(conversationId, botId).isEmpty()) {
            throw new ConflictException(
                    "bot_not_in_conversation", "Add the bot to this conversation first: the hook posts as the bot.");
        }
        long live = em.createNamedQuery(Hook.COUNT_OF_CONVERSATION, Long.class)
                .setParameter("conversation", conversationId)
                .getSingleResult();
        if (live >= MAX_PER_CONVERSATION) {
            throw new ConflictException(
                    "too_many_hooks",
                    "A conversation has at most " + MAX_PER_CONVERSATION + " hooks; revoke one first.");
        }
        String secret = HookSecrets.generate();
        Hook hook = new Hook(
                botId, conversationId, caller.accountId(), name.strip(), HookSecrets.digest(secret), Timestamps.now());
        em.persist(hook);
        em.flush();
        LOG.info(() ->
                "Account " + caller.accountId() + " made hook " + hook.id() + " into conversation " + conversationId);
        return new WithSecret(HookView.of(hook), secret);
    }

    /** The live hooks of a conversation, for whoever manages it (at most {@value #MAX_PER_CONVERSATION}). */
    public List<HookView> of(Caller caller, long conversationId) {
        requireOwner(caller, conversationId);
        return em.createNamedQuery(Hook.OF_CONVERSATION, Hook.class)
                .setParameter("conversation", conversationId)
                .getResultStream()
                .map(HookView::of)
                .toList();
    }

    public void revoke(Caller caller, long hookId) {
        managed(caller, hookId).revoke(Timestamps.now());
        LOG.info(() -> "Account " + caller.accountId() + " revoked hook " + hookId);
    }

    /** A new secret; the old one stops working at once. */
    public WithSecret newSecret(Caller caller, long hookId) {
        Hook hook = managed(caller, hookId);
        String secret = HookSecrets.generate();
        hook.newSecret(HookSecrets.digest(secret));
        return new WithSecret(HookView.of(hook), secret);
    }

    /**
     * Posts {@code text} as the hook's bot. An unknown or revoked hook and a wrong secret get the
     * same 401 {@code invalid_hook_secret} (nothing tells which hooks exist).
     */
    public Posted post(long hookId, String secret, String idempotencyKey, String text) {
        Hook hook = em.find(Hook.class, hookId);
        if (hook == null || !hook.isLive() || !HookSecrets.matches(secret, hook.secretHash())) {
            throw new NotAuthenticatedException("invalid_hook_secret", "No such hook, or not its secret.");
        }
        String clientMessageId = idempotencyKey == null
                ? "h" + hookId + "-" + UUID.randomUUID()
                : HookSecrets.clientMessageId(hookId, idempotencyKey);
        Caller bot = Caller.bot(hook.botId(), "hook-" + hookId);
        Sent sent = sends.send(new Outgoing(bot, hook.conversationId(), clientMessageId, text, null, List.of(), null));
        if (sent.duplicate() && !Objects.equals(sent.message().body(), text)) {
            throw new ConflictException(
                    "idempotency_key_reused", "This Idempotency-Key was used for a different message.");
        }
        // One column, by a statement: a post racing a revocation or a new secret cannot write them back.
        em.createQuery("update Hook h set h.lastUsedAt = :now where h.id = :id")
                .setParameter("now", Timestamps.now())
                .setParameter("id", hookId)
                .executeUpdate();
        return new Posted(
                sent.message().id(),
                sent.message().conversation(),
                sent.message().seq(),
                sent.duplicate());
    }

    /** A live hook the caller may manage (its maker, or whoever manages its conversation); 404 otherwise. */
    private Hook managed(Caller caller, long hookId) {
        Hook hook = em.find(Hook.class, hookId);
        if (hook == null
                || !hook.isLive()
                || !(hook.creatorId() == caller.accountId()
                        || conversations.isOwner(hook.conversationId(), caller.accountId()))) {
            throw new MissingEntityException("hook_not_found", "No such hook of a conversation you manage.");
        }
        return hook;
    }

    private void requireOwner(Caller caller, long conversationId) {
        conversations.require(conversationId, caller.accountId());
        if (!conversations.isOwner(conversationId, caller.accountId())) {
            throw new AccessDeniedException("not_admin", "Only the owner and admins of the group can do this.");
        }
    }
}
