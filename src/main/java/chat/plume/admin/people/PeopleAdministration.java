package chat.plume.admin.people;

import chat.plume.admin.audit.AuditEntry;
import chat.plume.admin.audit.AuditFilter;
import chat.plume.admin.audit.AuditTrail;
import chat.plume.identity.boundary.AccountRecords;
import chat.plume.identity.boundary.AdminPolicy;
import chat.plume.identity.boundary.Caller;
import chat.plume.identity.boundary.Moderation;
import chat.plume.identity.entity.Role;
import chat.plume.media.Uploads;
import chat.plume.messaging.MessageModeration;
import chat.plume.messaging.Messages;
import chat.plume.messaging.SendBarrier;
import chat.plume.platform.Timestamps;
import chat.plume.platform.error.InvalidInputException;
import chat.plume.platform.error.MissingEntityException;
import chat.plume.platform.rest.ResultPage;
import chat.plume.realtime.ConnectionRegistry;
import chat.plume.social.friends.Friendships;
import chat.plume.social.groups.GroupMemberships;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The console's work on people: finding them, their record, and every moderation, each in one
 * transaction that takes the audit lock first, acts through identity's {@link Moderation} and
 * appends its audit row — the action and its record commit together or not at all.
 */
@Stateless
public class PeopleAdministration {

    /** Audit rows shown on a person's page (the full history is the audit log filtered by them). */
    private static final int HISTORY = 20;

    @Inject
    AuditTrail audit;

    @Inject
    Moderation moderation;

    @Inject
    AccountRecords accounts;

    @Inject
    Friendships friendships;

    @Inject
    GroupMemberships memberships;

    @Inject
    Messages messages;

    @Inject
    Uploads uploads;

    @Inject
    ConnectionRegistry registry;

    @Inject
    SendBarrier sendBarrier;

    @Inject
    MessageModeration messageModeration;

    @Resource
    SessionContext context;

    /** The actions, by the name the API and the audit log use. */
    public enum Action {
        BAN("account.ban", true),
        UNBAN("account.unban", false),
        MUTE("account.mute", false),
        UNMUTE("account.unmute", false),
        SIGN_OUT("account.sign_out", false),
        ROLE("account.role", true),
        /** Deactivate and purge: a permanent ban, then the period's messages recalled and every upload withdrawn. */
        PURGE("account.purge", true),
        /** A password-reset link mailed to the person's verified address (the person still chooses the password). */
        PASSWORD_RESET("account.password_reset", false);

        final String audited;
        /** Needs a recently verified session ({@link AdminPolicy#requireFresh}). */
        final boolean sensitive;

        Action(String audited, boolean sensitive) {
            this.audited = audited;
            this.sensitive = sensitive;
        }
    }

    public ResultPage<AccountRecords.Summary> search(String query, int page, int size) {
        return accounts.search(query, page, size);
    }

    public PersonRecord record(long accountId) {
        AccountRecords.Detail detail = accounts.detail(accountId)
                .orElseThrow(() -> new MissingEntityException("user_not_found", "No such user."));
        return new PersonRecord(
                detail,
                registry.connectionsOf(accountId).size(),
                friendships.countOf(accountId),
                memberships.countOf(accountId),
                messages.sentCount(accountId),
                uploads.usage(accountId),
                audit.page(new AuditFilter(null, "account", accountId, null, null, null), Long.MAX_VALUE, HISTORY));
    }

    /** Carries out one action on a person and records it, in one transaction. */
    public void act(Caller actor, long accountId, Action action, ModerationRequest request, String clientAddress) {
        if (action.sensitive) {
            AdminPolicy.requireFresh(actor);
        }
        audit.lock();
        Moderation.Target target = switch (action) {
            case BAN -> moderation.ban(actor, accountId, request.until(), request.reason());
            case UNBAN -> moderation.unban(actor, accountId);
            case MUTE -> moderation.mute(actor, accountId, request.until());
            case UNMUTE -> moderation.unmute(actor, accountId);
            case SIGN_OUT -> moderation.signOut(actor, accountId, request.sessionId());
            case ROLE -> moderation.setRole(actor, accountId, role(request.role()));
            case PURGE -> moderation.ban(actor, accountId, null, request.reason());
            case PASSWORD_RESET -> moderation.sendPasswordReset(actor, accountId);
        };
        audit.append(new AuditEntry(
                actor.accountId(),
                actor.username(),
                action.audited,
                "account",
                target.id(),
                target.username(),
                request.reason().strip(),
                detail(action, request),
                clientAddress));
    }

    /**
     * What follows an action once it has committed. After a ban, mute or purge: waits out the
     * person's sends that were checked before it, so that when the administrator sees "done"
     * nothing more of theirs can be stored. After a purge: starts recalling and withdrawing
     * their content in the background ({@link #purgeContent}).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void followUp(Caller actor, long accountId, Action action, ModerationRequest request, String clientAddress) {
        if (action == Action.BAN || action == Action.MUTE || action == Action.PURGE) {
            sendBarrier.awaitSendsOf(accountId);
        }
        if (action == Action.PURGE) {
            context.getBusinessObject(PeopleAdministration.class)
                    .purgeContent(actor, accountId, request, clientAddress);
        }
    }

    /**
     * The rest of a purge, after its ban has committed and the person's last sends have settled:
     * every message of theirs in the period recalled for everyone (live), every upload withdrawn
     * from serving, and a second audit row saying how many. In the background: a spammer's
     * thousands of messages must not hold the administrator's request open; the second audit row
     * says when it is done.
     */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void purgeContent(Caller actor, long accountId, ModerationRequest request, String clientAddress) {
        LocalDateTime from = request.from() == null
                ? LocalDateTime.of(1970, 1, 1, 0, 0)
                : LocalDateTime.ofInstant(request.from(), ZoneOffset.UTC);
        LocalDateTime to = request.to() == null
                ? Timestamps.now().plusSeconds(1)
                : LocalDateTime.ofInstant(request.to(), ZoneOffset.UTC);
        int recalled = messageModeration.recallAllBy(accountId, from, to, actor.accountId());
        int withdrawn = uploads.withdrawAllBy(accountId);
        audit.appendAlone(new AuditEntry(
                actor.accountId(),
                actor.username(),
                "account.purged",
                "account",
                accountId,
                null,
                request.reason().strip(),
                recalled + " messages recalled, " + withdrawn + " uploads withdrawn",
                clientAddress));
    }

    private static Role role(String role) {
        if (role == null) {
            throw new InvalidInputException("invalid_input", "role", "role must be user or admin.");
        }
        return Role.valueOf(role.toUpperCase(Locale.ROOT));
    }

    /** What the audit row says besides the reason: the ban's or mute's end, the session, the role. */
    private static String detail(Action action, ModerationRequest request) {
        return switch (action) {
            case BAN -> request.until() == null ? "permanent" : "until " + request.until();
            case MUTE -> "until " + request.until();
            case SIGN_OUT -> request.sessionId() == null ? "all sessions" : "session " + request.sessionId();
            case ROLE -> "role " + request.role();
            case PURGE ->
                "permanent ban; messages from " + (request.from() == null ? "the start" : request.from()) + " to "
                        + (request.to() == null ? "now" : request.to());
            default -> null;
        };
    }
}
