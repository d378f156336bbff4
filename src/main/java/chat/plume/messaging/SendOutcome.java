package chat.plume.messaging;

import chat.plume.platform.error.PlumeException;

/** One send's outcome in a batch: stored ({@code sent}) or refused (why). */
public record SendOutcome(Sent sent, PlumeException refused) {

    static SendOutcome of(Sent sent) {
        return new SendOutcome(sent, null);
    }

    static SendOutcome refusedBecause(PlumeException refusal) {
        return new SendOutcome(null, refusal);
    }
}
