package chat.plume.calls;

import java.time.Instant;
import java.util.List;

/** The frames of calls (docs/protocol.md, "Calls"). */
public final class CallFrames {

    private CallFrames() {}

    /**
     * A call as it is now: pushed to every device of everyone it concerns at each change, and the
     * answer (naming the request) to {@code call.invite}, {@code call.accept}, {@code call.rejoin},
     * {@code call.decline}, {@code call.hangup}, {@code call.end} and {@code call.get}. The devices
     * that take part (the answers to invite, accept and rejoin) also get the ICE servers to use.
     */
    public record CallFrame(String type, String id, CallView call, IceServers.Configuration ice) {

        static CallFrame push(CallView call) {
            return new CallFrame("call", null, call, null);
        }

        static CallFrame answer(String id, CallView call, IceServers.Configuration ice) {
            return new CallFrame("call", id, call, ice);
        }
    }

    /** An SDP offer or answer, relayed from one participant's device to another's. */
    public record Signal(String type, long call, long from, Instant since, Description description) {
        Signal(long call, long from, Instant since, Description description) {
            this("call.signal", call, from, since, description);
        }
    }

    /** A session description: {@code offer} or {@code answer} and its SDP. */
    public record Description(String type, String sdp) {}

    /** Trickled ICE candidates, relayed in the batch the sender sent them in. */
    public record Candidates(String type, long call, long from, Instant since, List<Candidate> candidates) {
        Candidates(long call, long from, Instant since, List<Candidate> candidates) {
            this("call.candidates", call, from, since, candidates);
        }
    }

    /** One ICE candidate as {@code RTCIceCandidateInit}; an empty {@code candidate} ends the gathering. */
    public record Candidate(String candidate, String sdpMid, Integer sdpMLineIndex, String usernameFragment) {}

    /** What a participant sends: microphone, camera, screen on or off (for the others' tiles). */
    public record MediaState(String type, long call, long user, boolean audio, boolean video, boolean screen) {
        MediaState(long call, long user, boolean audio, boolean video, boolean screen) {
            this("call.media", call, user, audio, video, screen);
        }
    }

    /** To a device that was in a call: the person took the call over on another device. */
    public record Moved(String type, long call) {
        Moved(long call) {
            this("call.moved", call);
        }
    }
}
