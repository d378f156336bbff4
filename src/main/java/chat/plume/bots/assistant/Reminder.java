package chat.plume.bots.assistant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A reminder someone asked the assistant for: said in the conversation at {@code dueAt}. */
@Entity
@Table(name = "reminder")
@NamedQuery(
        name = Reminder.DUE,
        query = "select r from Reminder r where r.firedAt is null and r.dueAt <= :now order by r.dueAt, r.id")
@NamedQuery(
        name = Reminder.PENDING_OF,
        query = "select count(r) from Reminder r where r.accountId = :account and r.firedAt is null")
public class Reminder {

    static final String DUE = "Reminder.due";
    static final String PENDING_OF = "Reminder.pendingOf";

    @Id
    @SequenceGenerator(name = "reminder_seq", sequenceName = "reminder_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reminder_seq")
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Column(name = "conversation_id", nullable = false, updatable = false)
    private long conversationId;

    @Column(nullable = false, updatable = false, length = 500)
    private String body;

    @Column(name = "due_at", nullable = false, updatable = false)
    private LocalDateTime dueAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    @Column(name = "fired_at")
    private LocalDateTime firedAt;

    protected Reminder() {}

    Reminder(long accountId, long conversationId, String body, LocalDateTime dueAt, LocalDateTime now) {
        this.accountId = accountId;
        this.conversationId = conversationId;
        this.body = body;
        this.dueAt = dueAt;
        this.createdAt = now;
    }

    void fired(LocalDateTime now) {
        this.firedAt = now;
    }

    public long id() {
        return id;
    }

    public long conversationId() {
        return conversationId;
    }

    public String body() {
        return body;
    }

    public LocalDateTime dueAt() {
        return dueAt;
    }
}
