package chat.plume.realtime;

import chat.plume.identity.boundary.SessionsRevoked;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;

/**
 * A signed-out session must not keep receiving: after the revocation commits, the connections
 * opened with it are closed with 1008 and the revocation's reason ({@code signed_out} or
 * {@code banned}), which tells the page to show sign-in and why.
 */
@ApplicationScoped
public class SessionRevocationObserver {

    @Inject
    ConnectionRegistry registry;

    @Inject
    Gateway gateway;

    void onRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionsRevoked revoked) {
        for (Connection connection : registry.connectionsOf(revoked.accountId())) {
            if (revoked.sessionIds().contains(connection.caller().sessionId())) {
                gateway.drop(connection, new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, revoked.reason()));
            }
        }
    }
}
