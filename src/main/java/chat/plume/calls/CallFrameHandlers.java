package chat.plume.calls;

import chat.plume.messaging.MessagingFrames;
import chat.plume.platform.error.InvalidInputException;
import chat.plume.platform.error.RateLimitedException;
import chat.plume.realtime.Dispatcher;
import chat.plume.realtime.FrameContext;
import chat.plume.realtime.FrameFields;
import chat.plume.realtime.FrameHandler;
import chat.plume.realtime.FrameHandlers;
import chat.plume.realtime.InboundFrame;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The WebSocket side of calls: each frame is checked by {@link Calls} against the connection's
 * authenticated caller and device, never against a field of the frame, and answered naming its
 * request. Signalling goes only to the device the named peer takes part from.
 */
@ApplicationScoped
public class CallFrameHandlers implements FrameHandlers {

    /** A connection takes a call over at most this often. */
    private static final Duration REJOIN_INTERVAL = Duration.ofSeconds(3);

    @Inject
    Calls calls;

    @Inject
    Dispatcher dispatcher;

    @Override
    public Map<String, FrameHandler> handlers() {
        return Map.ofEntries(
                Map.entry("call.invite", this::invite),
                Map.entry("call.accept", this::accept),
                Map.entry("call.decline", this::decline),
                Map.entry("call.hangup", this::hangup),
                Map.entry("call.end", this::end),
                Map.entry("call.connected", this::connected),
                Map.entry("call.rejoin", this::rejoin),
                Map.entry("call.get", this::get),
                Map.entry("call.signal", this::signal),
                Map.entry("call.candidates", this::candidates),
                Map.entry("call.media", this::media));
    }

    void invite(FrameContext connection, InboundFrame frame) {
        CallMedia media = CallMedia.of(FrameFields.string(frame, "media"));
        answer(
                connection,
                frame,
                calls.invite(
                        connection.caller(),
                        connection.connectionId(),
                        FrameFields.number(frame, "conversation"),
                        media));
    }

    void accept(FrameContext connection, InboundFrame frame) {
        answer(connection, frame, calls.accept(connection.caller(), connection.connectionId(), call(frame)));
    }

    void decline(FrameContext connection, InboundFrame frame) {
        answer(connection, frame, calls.decline(connection.caller(), call(frame)));
    }

    void hangup(FrameContext connection, InboundFrame frame) {
        answer(connection, frame, calls.hangup(connection.caller(), call(frame)));
    }

    void end(FrameContext connection, InboundFrame frame) {
        answer(connection, frame, calls.end(connection.caller(), call(frame)));
    }

    void connected(FrameContext connection, InboundFrame frame) {
        calls.connected(connection.caller(), connection.connectionId(), call(frame));
        connection.reply(new MessagingFrames.Ok(frame.id()));
    }

    void rejoin(FrameContext connection, InboundFrame frame) {
        long call = call(frame);
        // Each rejoin is told to everyone in the conversation (a group may be large): not a toy.
        if (!connection.onceEvery("call.rejoin", REJOIN_INTERVAL)) {
            throw new RateLimitedException(
                    "rate_limited", REJOIN_INTERVAL, "Taking a call over is possible every few seconds only.");
        }
        Calls.Rejoined rejoined = calls.rejoin(connection.caller(), connection.connectionId(), call);
        if (rejoined.previousDevice() != null) {
            dispatcher.toConnection(connection.accountId(), rejoined.previousDevice(), new CallFrames.Moved(call));
        }
        answer(connection, frame, rejoined.answer());
    }

    void get(FrameContext connection, InboundFrame frame) {
        CallView call = calls.current(connection.caller(), FrameFields.number(frame, "conversation"))
                .orElse(null);
        connection.reply(CallFrames.CallFrame.answer(frame.id(), call, null));
    }

    /** {@code call.signal}: an SDP offer or answer for one peer. */
    void signal(FrameContext connection, InboundFrame frame) {
        CallFrames.Description description =
                SignalPayloads.description(frame.body().get("description"));
        long call = call(frame);
        Calls.Peers peers = calls.peersOf(connection.caller(), connection.connectionId(), call);
        Calls.Route to = peer(peers, frame);
        dispatcher.toConnection(
                to.account(),
                to.device(),
                new CallFrames.Signal(call, connection.accountId(), peers.since(), description));
        connection.reply(new MessagingFrames.Ok(frame.id()));
    }

    /** {@code call.candidates}: a batch of trickled ICE candidates for one peer. */
    void candidates(FrameContext connection, InboundFrame frame) {
        List<CallFrames.Candidate> candidates =
                SignalPayloads.candidates(frame.body().get("candidates"));
        long call = call(frame);
        Calls.Peers peers = calls.peersOf(connection.caller(), connection.connectionId(), call);
        Calls.Route to = peer(peers, frame);
        dispatcher.toConnection(
                to.account(),
                to.device(),
                new CallFrames.Candidates(call, connection.accountId(), peers.since(), candidates));
        connection.reply(new MessagingFrames.Ok(frame.id()));
    }

    /** {@code call.media}: this participant's microphone, camera and screen, told to the others in the call. */
    void media(FrameContext connection, InboundFrame frame) {
        boolean audio = flag(frame, "audio");
        boolean video = flag(frame, "video");
        boolean screen = flag(frame, "screen");
        long call = call(frame);
        CallFrames.MediaState state = new CallFrames.MediaState(call, connection.accountId(), audio, video, screen);
        for (Calls.Route peer : calls.peersOf(connection.caller(), connection.connectionId(), call)
                .routes()) {
            dispatcher.toConnection(peer.account(), peer.device(), state);
        }
        connection.reply(new MessagingFrames.Ok(frame.id()));
    }

    private static Calls.Route peer(Calls.Peers peers, InboundFrame frame) {
        long to = FrameFields.number(frame, "to");
        return peers.routes().stream()
                .filter(r -> r.account() == to)
                .findFirst()
                .orElseThrow(
                        () -> new InvalidInputException("peer_not_in_call", "to", "That person is not in this call."));
    }

    private static void answer(FrameContext connection, InboundFrame frame, Calls.Answer answer) {
        connection.reply(CallFrames.CallFrame.answer(frame.id(), answer.call(), answer.ice()));
    }

    private static long call(InboundFrame frame) {
        return FrameFields.number(frame, "call");
    }

    private static boolean flag(InboundFrame frame, String name) {
        JsonValue value = frame.body().get(name);
        if (value == JsonValue.TRUE) {
            return true;
        }
        if (value == JsonValue.FALSE) {
            return false;
        }
        throw new InvalidInputException("invalid_input", name, name + " must be true or false.");
    }
}
