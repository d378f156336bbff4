package chat.plume.identity.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /email-verifications}: opening a verification link. No sign-in needed: the link is the
 * proof (the page posts the token from the link's fragment, which never reaches a server log).
 */
@Path("email-verifications")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class EmailVerificationsResource {

    @Inject
    EmailAddresses emailAddresses;

    @POST
    public JsonObject verify(@NotNull @Valid LinkRequest request) {
        return Json.createObjectBuilder()
                .add("email", emailAddresses.verify(request.token()))
                .build();
    }
}
