/**
 * Calls: WebRTC signalling (invite, ring, accept, decline, hang up, SDP offers and answers,
 * trickled ICE candidates), the call state machine ({@code ringing → active → ended} and why it
 * ended) persisted with its deadlines, and the ICE servers with short-lived TURN credentials.
 *
 * <p>It relays signalling only; media flows between the browsers (or through a TURN server),
 * never through Plume. Each call's entry in its conversation is a message written through
 * messaging's {@code CallLog}; frames reach devices through realtime's dispatcher. It never
 * carries media and never trusts a participant or device named by a frame: the sender is the
 * connection's, the peer must be in the call, and signalling goes only to the peer's device in it.
 */
package chat.plume.calls;
