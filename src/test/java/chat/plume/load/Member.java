package chat.plume.load;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A participant's frame handling: acks and errors of its own sends go to the ledger and back to
 * the traffic (closed loop); messages pushed by others go into its inbox with their latency.
 */
class Member implements LoadConnection.FrameHandler {

    private static final AtomicInteger ERRORS_SHOWN = new AtomicInteger();

    final Ledger ledger;
    private final Traffic traffic;
    private final Ledger.Inbox inbox;
    private final long self;
    private final long conversationId;

    Member(Ledger ledger, Traffic traffic, Setup.Conversation conversation, long self, boolean receives) {
        this.ledger = ledger;
        this.traffic = traffic;
        this.inbox = receives ? ledger.inbox(conversation, self) : null;
        this.self = self;
        this.conversationId = conversation.id();
    }

    long conversationId() {
        return conversationId;
    }

    Ledger.Inbox inbox() {
        return inbox;
    }

    @Override
    public void onFrame(LoadConnection connection, String frame, long receivedNanos) {
        String type = FrameScan.type(frame);
        if ("message".equals(type)) {
            String body = FrameScan.string(frame, "body");
            // Only the run's own messages carry a send time; a system notice would not.
            if (inbox != null && FrameScan.number(frame, "sender") != self && body != null && body.startsWith("t=")) {
                long sentNanos = Long.parseLong(body.substring(2));
                ledger.delivered(inbox, FrameScan.number(frame, "seq"), (receivedNanos - sentNanos) / 1000);
            }
        } else if ("ack".equals(type)) {
            // Only an answer to one of this run's sends counts; it is matched by its request id.
            if (traffic.acked(FrameScan.string(frame, "id"))) {
                ledger.acked(
                        FrameScan.string(frame, "clientMessageId"),
                        FrameScan.number(frame, "conversation"),
                        FrameScan.number(frame, "seq"),
                        self);
                traffic.answered(connection);
            }
        } else if ("error".equals(type)
                && traffic.refused(FrameScan.string(frame, "id"), FrameScan.string(frame, "code"))) {
            if (ERRORS_SHOWN.incrementAndGet() <= 5) {
                System.err.println("Error frame: " + frame);
            }
        } else {
            other(connection, type, frame);
        }
    }

    @Override
    public void onSendFailed(LoadConnection connection, String frame, Throwable failure) {
        traffic.sendFailed(frame);
    }

    /** Frames the base handling does not count (history replies and their errors, presence, ...). */
    void other(LoadConnection connection, String type, String frame) {}
}
