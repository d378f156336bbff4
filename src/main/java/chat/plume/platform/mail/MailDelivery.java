package chat.plume.platform.mail;

import chat.plume.platform.Backoff;
import chat.plume.platform.jobs.JobLeases;
import chat.plume.platform.jobs.LeasedPass;
import chat.plume.platform.metrics.Metrics;
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
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Sends what is in the outbox: at once after a commit that put mail there, and every few
 * seconds for retries and for what a crashed or restarted node left behind. One node at a time
 * sends (the {@code mail} job lease), so two nodes do not send the same mail; a node that dies
 * mid-send leaves the mail pending and it is sent again once the lease lapses: delivery is at
 * least once. The SMTP conversation holds no transaction and no pooled connection.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailDelivery {

    private static final Logger LOG = Logger.getLogger(MailDelivery.class.getName());
    static final String JOB = "mail";
    private static final long POLL_SECONDS = 5;
    private static final int BATCH = 20;
    /** Renewed after each batch; lapses by itself if its node dies some other way than a restart. */
    private static final Duration LEASE = Duration.ofMinutes(2);

    private static final Duration KEEP_FINISHED = Duration.ofDays(30);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    MailSettings settings;

    @Inject
    MailTransport transport;

    @Inject
    MailStore store;

    @Inject
    JobLeases leases;

    @Inject
    Metrics metrics;

    @Inject
    @MailRetries
    Backoff retries;

    private ScheduledFuture<?> task;
    private LeasedPass pass;
    /** Only the pass (one at a time) touches it. */
    private long passes;

    @PostConstruct
    void start() {
        if (!settings.enabled()) {
            LOG.info("Mail is off (plume.mail.host is not set)");
            return;
        }
        LOG.info(() -> "Mail goes out through " + settings);
        metrics.gauge(
                "plume.mail.pending",
                "Mails waiting in the outbox (all nodes)",
                () -> store.count(OutboxMail.Status.PENDING));
        // A pass this node was making when it was killed still holds the lease: it is over.
        leases.giveBackLeftBy(JOB, NodeName.get());
        pass = new LeasedPass(leases, JOB, LEASE);
        task = scheduler.scheduleWithFixedDelay(this::pass, 1, POLL_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** After the commit that queued a mail: send it now rather than at the next poll. */
    public void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueued event) {
        if (task != null) {
            scheduler.execute(this::pass);
        }
    }

    /** Sends everything due; one pass at a time on this node, one node at a time in the cluster. */
    void pass() {
        pass.run(holder -> {
            List<MailStore.Due> due;
            while (!(due = store.due(BATCH)).isEmpty()) {
                for (MailStore.Due mail : due) {
                    send(mail);
                    // After every mail: a stalled SMTP server must not outlast the lease.
                    if (!pass.renew(holder)) {
                        return false;
                    }
                }
            }
            if (++passes % 720 == 0) {
                store.purge(KEEP_FINISHED);
            }
            return true;
        });
    }

    private void send(MailStore.Due due) {
        try {
            transport.send(due.mail());
            store.sent(due.id());
            metrics.mail(due.mail().kind(), "sent");
        } catch (MailTransport.Failure failure) {
            Duration wait = failure.permanent()
                    ? null
                    : retries.after(due.attempts() + 1, ThreadLocalRandom.current())
                            .orElse(null);
            store.failed(due.id(), failure.getMessage(), wait);
            metrics.mail(due.mail().kind(), wait == null ? "failed" : "retry");
            LOG.warning(() -> "Mail " + due.id() + " (" + due.mail().kind() + ") not sent"
                    + (wait == null ? ", given up: " : ", trying again in " + wait.toSeconds() + " s: ")
                    + failure.getMessage());
        }
    }
}
