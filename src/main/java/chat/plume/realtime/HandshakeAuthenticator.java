package chat.plume.realtime;

import chat.plume.identity.boundary.SessionCredentials;
import chat.plume.platform.web.OriginPolicy;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Map;

/**
 * Reads the WebSocket handshake: checks its {@code Origin} and takes its session token (cookie or
 * bearer header). It only records both in the connection's user properties: the endpoint
 * authenticates the token at open and closes a refused connection with 1008 and a reason the
 * client can act on ({@code unauthenticated}: sign in again; {@code forbidden_origin}), where a
 * bare HTTP 403 at the handshake would look like a network failure to a browser and make it
 * retry for ever. A refused connection never gets to send or receive a single frame.
 *
 * <p>No bean is looked up here: a configurator is not a managed bean, and every programmatic
 * lookup ({@code CDI.current().select(…).get()}) left a bean instance behind that nothing
 * destroyed, ~1.2 KiB per handshake for the life of the server. The endpoint, which is managed
 * and released with its connection, holds the injected boundary instead.
 */
public class HandshakeAuthenticator extends ServerEndpointConfig.Configurator {

    static final String TOKEN = "plume.token";
    static final String ORIGIN_REFUSED = "plume.origin-refused";

    private final OriginPolicy origins = OriginPolicy.fromConfiguration();

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        // Jakarta WebSocket 2.1 gives each handshake its own copy of these properties; both keys
        // are written every time all the same, so no verdict can ever carry over to another one.
        Map<String, Object> properties = config.getUserProperties();
        properties.remove(TOKEN);
        Map<String, List<String>> headers = request.getHeaders();
        boolean refused = !origins.allows(first(headers, "Origin"), first(headers, "Host"));
        properties.put(ORIGIN_REFUSED, refused);
        if (refused) {
            return;
        }
        SessionCredentials.token(first(headers, "Authorization"), all(headers, "Cookie"))
                .ifPresent(token -> properties.put(TOKEN, token));
    }

    /** Header names are case-insensitive; the map's keys may come in any case. */
    private static List<String> all(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return List.of();
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = all(headers, name);
        return values.isEmpty() ? null : values.get(0);
    }
}
