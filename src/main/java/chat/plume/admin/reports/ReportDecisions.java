package chat.plume.admin.reports;

import chat.plume.admin.audit.AuditEntry;
import chat.plume.admin.audit.AuditTrail;
import chat.plume.admin.people.ModerationRequest;
import chat.plume.admin.people.PeopleAdministration;
import chat.plume.identity.boundary.Caller;
import chat.plume.messaging.MessageModeration;
import chat.plume.reports.ReportOutcome;
import chat.plume.reports.ReportViews;
import chat.plume.reports.Reports;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * Carries out a decision on a report in one transaction: the audit lock first (administrators'
 * actions run one at a time), the report and its siblings resolved (409 if someone decided
 * first), the action through the feature that owns it, and the audit row — all commit together.
 */
@Stateless
public class ReportDecisions {

    @Inject
    AuditTrail audit;

    @Inject
    Reports reports;

    @Inject
    PeopleAdministration people;

    @Inject
    MessageModeration messageModeration;

    /** The people action a decision takes, or null when it takes none (dismiss, recall). */
    static PeopleAdministration.Action peopleAction(ReportOutcome outcome) {
        return switch (outcome) {
            case MUTE -> PeopleAdministration.Action.MUTE;
            case BAN -> PeopleAdministration.Action.BAN;
            case PURGE -> PeopleAdministration.Action.PURGE;
            case DISMISS, RECALL -> null;
        };
    }

    static ReportOutcome outcome(ReportDecision decision) {
        return ReportOutcome.valueOf(decision.action().toUpperCase(Locale.ROOT));
    }

    static ModerationRequest moderationOf(ReportDecision decision) {
        return new ModerationRequest(decision.reason(), decision.until(), null, null, null, null);
    }

    public ReportViews.Resolution decide(Caller actor, long reportId, ReportDecision decision, String clientAddress) {
        ReportOutcome outcome = outcome(decision);
        audit.lock();
        ReportViews.Resolution resolution = reports.resolve(
                reportId, actor.accountId(), outcome, decision.reason().strip());
        String effect = "";
        PeopleAdministration.Action action = peopleAction(outcome);
        if (action != null) {
            people.act(actor, resolution.target(), action, moderationOf(decision), clientAddress);
        } else if (outcome == ReportOutcome.RECALL) {
            boolean recalled = messageModeration.recall(resolution.conversation(), resolution.seq(), actor.accountId());
            effect = recalled ? "; message recalled" : "; message was recalled already";
        }
        audit.append(new AuditEntry(
                actor.accountId(),
                actor.username(),
                "report.resolve",
                "report",
                resolution.id(),
                resolution.subject(),
                decision.reason().strip(),
                outcome.wireName() + effect + "; " + resolution.reportsClosed() + " report(s) closed",
                clientAddress));
        return resolution;
    }
}
