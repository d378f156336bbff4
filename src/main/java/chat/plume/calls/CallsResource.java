package chat.plume.calls;

import chat.plume.identity.boundary.Authenticated;
import chat.plume.identity.boundary.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /calls/ice-servers}: the STUN and TURN servers, with a TURN credential good for ten
 * minutes, for the connectivity self-test in the settings (a call's own come with its
 * {@code call} answer, to the people in the call only).
 */
@Path("calls")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CallsResource {

    @Inject
    IceServers iceServers;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("ice-servers")
    public IceServers.Configuration iceServers() {
        return iceServers.forSelfTest(caller.get().accountId());
    }
}
