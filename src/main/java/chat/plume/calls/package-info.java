/**
 * WebRTC call signalling: invite, ring, accept, reject, hang up, SDP offer/answer and ICE
 * candidates, call state and timeouts, and the ICE server configuration.
 *
 * <p>It relays signalling only; media flows between the browsers, never through Plume.
 */
package chat.plume.calls;
