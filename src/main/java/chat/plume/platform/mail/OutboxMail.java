package chat.plume.platform.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.LocalDateTime;

/** A mail in the outbox: written in the transaction that decided to send it, sent after the commit. */
@Entity
@Table(name = "mail_outbox")
@NamedQuery(
        name = OutboxMail.DUE,
        query = "select m from OutboxMail m where m.status = :pending and m.nextAttemptAt <= :now order by m.id")
@NamedQuery(
        name = OutboxMail.PURGE,
        query = "delete from OutboxMail m where m.status <> :pending and m.finishedAt < :before")
@NamedQuery(name = OutboxMail.COUNT_BY_STATUS, query = "select count(m) from OutboxMail m where m.status = :status")
public class OutboxMail {

    static final String DUE = "OutboxMail.due";
    static final String PURGE = "OutboxMail.purge";
    static final String COUNT_BY_STATUS = "OutboxMail.countByStatus";

    public enum Status {
        PENDING,
        SENT,
        FAILED
    }

    @Id
    @SequenceGenerator(name = "mail_outbox_seq", sequenceName = "mail_outbox_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_outbox_seq")
    private Long id;

    @Column(nullable = false, updatable = false, length = 40)
    private String kind;

    @Column(nullable = false, updatable = false, length = 254)
    private String recipient;

    @Column(nullable = false, updatable = false, length = 200)
    private String subject;

    @Column(name = "text_body", length = 20_000)
    private String textBody;

    @Column(name = "html_body", length = 40_000)
    private String htmlBody;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private LocalDateTime nextAttemptAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    @Column(name = "finished_at")
    private LocalDateTime finishedAt;

    @Column(name = "last_error", length = 500)
    private String lastError;

    protected OutboxMail() {}

    OutboxMail(Mail mail, LocalDateTime now) {
        this.kind = mail.kind();
        this.recipient = mail.recipient();
        this.subject = mail.subject();
        this.textBody = mail.text();
        this.htmlBody = mail.html();
        this.status = Status.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    Mail mail() {
        return new Mail(kind, recipient, subject, textBody, htmlBody);
    }

    void sent(LocalDateTime now) {
        attempts++;
        finish(Status.SENT, null, now);
    }

    /** Counts a failed attempt: tried again after {@code wait}, or given up when {@code wait} is null. */
    void failed(String error, Duration wait, LocalDateTime now) {
        attempts++;
        if (wait == null) {
            finish(Status.FAILED, error, now);
        } else {
            lastError = clip(error);
            nextAttemptAt = now.plus(wait);
        }
    }

    private void finish(Status outcome, String error, LocalDateTime now) {
        status = outcome;
        lastError = clip(error);
        finishedAt = now;
        // The link in it has done its work (or never will): it does not stay in the database.
        textBody = null;
        htmlBody = null;
    }

    private static String clip(String error) {
        return error == null || error.length() <= 500 ? error : error.substring(0, 499) + "…";
    }

    public long id() {
        return id;
    }

    public String kind() {
        return kind;
    }

    public int attempts() {
        return attempts;
    }

    public Status status() {
        return status;
    }
}
