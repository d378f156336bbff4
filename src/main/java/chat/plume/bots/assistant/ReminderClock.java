package chat.plume.bots.assistant;

import chat.plume.identity.boundary.Caller;
import chat.plume.messaging.Outgoing;
import chat.plume.messaging.Sends;
import chat.plume.platform.error.PlumeException;
import chat.plume.platform.error.RateLimitedException;
import chat.plume.platform.jobs.JobLeases;
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
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Says the reminders that are due, every few seconds, on one node at a time (the
 * {@code reminders} job lease). Each is said under a client message id made from the reminder,
 * so one said twice (a node killed between the message and its record) still shows once; a
 * reminder whose chat the assistant has left is dropped.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "Assistant"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReminderClock {

    private static final Logger LOG = Logger.getLogger(ReminderClock.class.getName());
    static final String JOB = "reminders";
    private static final long POLL_SECONDS = 5;
    private static final Duration LEASE = Duration.ofMinutes(1);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Assistant assistant;

    @Inject
    Reminders reminders;

    @Inject
    Sends sends;

    @Inject
    JobLeases leases;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        if (assistant.self().isEmpty()) {
            return;
        }
        leases.giveBackLeftBy(JOB, NodeName.get());
        task = scheduler.scheduleWithFixedDelay(this::sweep, 1, POLL_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    void sweep() {
        String holder = NodeName.get() + "/reminders-" + UUID.randomUUID();
        try {
            if (!leases.take(JOB, holder, LEASE)) {
                return;
            }
            try {
                Caller me = assistant.self().orElseThrow();
                // One batch a sweep: a reminder held back by pacing waits for the next sweep.
                reminders.due(50).forEach(r -> say(me, r));
            } finally {
                leases.giveBack(JOB, holder);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Saying reminders failed; trying again at the next sweep", e);
        }
    }

    private void say(Caller me, Reminders.Due reminder) {
        try {
            sends.send(new Outgoing(
                    me,
                    reminder.conversationId(),
                    "reminder-" + reminder.id(),
                    "⏰ " + reminder.body(),
                    null,
                    List.of(),
                    null));
        } catch (RateLimitedException paced) {
            // Many due at once in one chat: the rest are said at the next sweeps, none dropped.
            return;
        } catch (PlumeException refused) {
            LOG.info(() -> "Reminder " + reminder.id() + " dropped: " + refused.code());
        }
        reminders.fired(reminder.id());
    }
}
