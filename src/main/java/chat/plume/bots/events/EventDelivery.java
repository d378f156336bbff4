package chat.plume.bots.events;

import chat.plume.bots.Bots;
import chat.plume.identity.boundary.Accounts;
import chat.plume.identity.boundary.Caller;
import chat.plume.messaging.Outgoing;
import chat.plume.messaging.Sends;
import chat.plume.platform.error.PlumeException;
import chat.plume.platform.jobs.JobLeases;
import chat.plume.platform.jobs.LeasedPass;
import chat.plume.platform.mail.MailOutbox;
import chat.plume.platform.mail.MailTemplates;
import chat.plume.platform.metrics.NodeName;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what is in the delivery outbox: at once after a commit that put deliveries there, and
 * every two seconds for retries. One node at a time (the {@code bot_events} lease); up to
 * {@value #BATCH} deliveries at once, each on a worker, so one slow receiver delays nobody's chat
 * and little of anyone else's events. A failure is retried with exponential backoff and jitter;
 * after {@code plume.bots.webhook-max-failures} in a row the subscription is disabled and its
 * bot's owner told by mail. A reply in an answer is posted as the bot's message.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EventDelivery {

    private static final Logger LOG = Logger.getLogger(EventDelivery.class.getName());
    static final String JOB = "bot_events";
    static final int BATCH = 16;
    private static final Duration LEASE = Duration.ofMinutes(1);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedThreadFactory threadFactory;

    /** The deliveries' own threads: a slow receiver holds one of these, never a thread chat runs on. */
    private ExecutorService workers;

    @Inject
    DeliveryStore store;

    @Inject
    EventOutbox outbox;

    @Inject
    EventSettings settings;

    @Inject
    PublicAddresses addresses;

    @Inject
    JobLeases leases;

    @Inject
    Sends sends;

    @Inject
    Bots bots;

    @Inject
    Accounts accounts;

    @Inject
    MailOutbox mail;

    private EventSender sender;
    private LeasedPass pass;
    /** Only the pass (one at a time) touches it. */
    private long passes;
    /** How long a finished delivery stays listed on its bot's page. */
    static final Duration KEEP_FINISHED = Duration.ofDays(14);

    private ScheduledFuture<?> task;
    private ScheduledFuture<?> refresh;

    @PostConstruct
    void start() {
        workers = Executors.newFixedThreadPool(BATCH, threadFactory);
        sender = new EventSender(settings, addresses, scheduler);
        pass = new LeasedPass(leases, JOB, LEASE);
        outbox.refresh();
        leases.giveBackLeftBy(JOB, NodeName.get());
        task = scheduler.scheduleWithFixedDelay(this::pass, 1, 2, TimeUnit.SECONDS);
        refresh = scheduler.scheduleWithFixedDelay(this::refresh, 10, 10, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (workers != null) {
            workers.shutdownNow();
        }
        if (task != null) {
            task.cancel(false);
            refresh.cancel(false);
        }
    }

    private void refresh() {
        try {
            outbox.refresh();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reading the bots' subscriptions failed", e);
        }
    }

    public void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveryStore.Queued event) {
        if (task != null) {
            scheduler.execute(this::pass);
        }
    }

    void pass() {
        pass.run(holder -> {
            List<DeliveryStore.Due> due;
            while (!(due = store.due(BATCH)).isEmpty()) {
                CompletableFuture.allOf(due.stream()
                                .map(d -> CompletableFuture.runAsync(() -> deliver(d), workers))
                                .toArray(CompletableFuture[]::new))
                        .join();
                if (!pass.renew(holder)) {
                    return false;
                }
            }
            // About once an hour (a pass every two seconds at the most): the record of old deliveries goes.
            if (++passes % 1800 == 0) {
                store.purge(KEEP_FINISHED);
            }
            return true;
        });
    }

    private void deliver(DeliveryStore.Due due) {
        DeliveryStore.Target target = store.target(due.subscriptionId());
        if (target == null) {
            store.dropped(due.id());
            return;
        }
        EventSender.Outcome outcome = sender.deliver(target.url(), target.secrets(), due.eventId(), due.payload());
        if (outcome.delivered()) {
            store.delivered(due.id(), outcome.status());
            if (outcome.reply() != null && due.conversationId() != null) {
                reply(target.botId(), due, outcome.reply());
            }
            return;
        }
        Duration wait = outcome.permanent()
                ? null
                : settings.retries()
                        .after(due.attempts() + 1, ThreadLocalRandom.current())
                        .orElse(null);
        Long disabledBot = store.failed(due.id(), outcome.status(), outcome.error(), wait, settings.maxFailures());
        if (disabledBot != null) {
            outbox.refresh();
            tellOwner(disabledBot, target.url(), outcome.error());
        }
    }

    /** The receiver's answer, posted as the bot (once: its client id comes from the event). */
    private void reply(long botId, DeliveryStore.Due due, String text) {
        Caller bot = Caller.bot(botId, "bot-" + botId);
        try {
            sends.send(new Outgoing(bot, due.conversationId(), "re-" + due.eventId(), text, null, List.of(), null));
        } catch (PlumeException refused) {
            LOG.fine(() -> "A bot's reply was refused: " + refused.code());
        }
    }

    private void tellOwner(long botId, String url, String reason) {
        LOG.info(() -> "Event deliveries of bot " + botId + " were disabled after repeated failures");
        bots.ownerOf(botId)
                .flatMap(accounts::mailAddress)
                .ifPresent(owner -> mail.putAlone(MailTemplates.compose(
                        "chat.plume.bots.mail",
                        "events_disabled",
                        owner.email(),
                        owner.language(),
                        mail.link("/#/profile/bots"),
                        Map.of(
                                "name", owner.displayName(),
                                "bot", accounts.publicProfile(botId).username(),
                                "url", url,
                                "failures", Integer.toString(settings.maxFailures()),
                                "reason", reason == null ? "" : reason))));
    }
}
