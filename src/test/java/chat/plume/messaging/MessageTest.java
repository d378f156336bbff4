package chat.plume.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class MessageTest {

    private static final LocalDateTime SENT = LocalDateTime.of(2026, 12, 6, 10, 0);

    private static Message from(Long sender, MessageKind kind) {
        return new Message(1, 1, sender, "c", kind, "hi", null, null, SENT);
    }

    @Test
    void onlyTheSenderMayEditAndOnlyText() {
        assertTrue(from(7L, MessageKind.TEXT).isEditableBy(7));
        assertFalse(from(7L, MessageKind.TEXT).isEditableBy(8));
        assertFalse(from(7L, MessageKind.IMAGE).isEditableBy(7));
        assertFalse(from(null, MessageKind.SYSTEM).isEditableBy(7));
    }

    @Test
    void aSystemMessageHasNoSender() {
        assertFalse(from(null, MessageKind.SYSTEM).isSentBy(0));
        assertTrue(from(0L, MessageKind.TEXT).isSentBy(0));
    }

    @Test
    void theWindowIncludesItsLastInstant() {
        Message message = from(7L, MessageKind.TEXT);
        Duration window = Duration.ofMinutes(15);
        assertTrue(message.isWithin(window, SENT.plusMinutes(15)));
        assertFalse(message.isWithin(window, SENT.plusMinutes(15).plusNanos(1)));
        assertTrue(message.isWithin(Duration.ZERO, SENT));
    }

    @Test
    void aCallEntryIsRewrittenOnlyAsACallAndNeverForwardedOrEdited() {
        Message call = from(7L, MessageKind.CALL);
        call.recordCall("{\"state\":\"ended\"}");
        assertTrue(call.body().contains("ended"));
        assertTrue(call.editedAt() == null);
        assertTrue(call.isWrittenByPlume());
        assertFalse(call.isForwardable());
        assertFalse(call.isEditableBy(7));
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class, () -> from(7L, MessageKind.TEXT).recordCall("{}"));
    }
}
