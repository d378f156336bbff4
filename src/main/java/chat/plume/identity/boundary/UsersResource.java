package chat.plume.identity.boundary;

import chat.plume.platform.rest.PageParameters;
import chat.plume.platform.rest.ResultPage;
import chat.plume.platform.rest.TextRules;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /users}: finding people and reading their public profiles. Signed-in callers only. */
@Path("users")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    Accounts accounts;

    @GET
    public ResultPage<PublicProfile> search(
            @QueryParam("q")
                    @NotNull
                    @Size(min = 1, max = 64)
                    @Pattern(regexp = TextRules.OPTIONAL_TEXT, message = TextRules.NO_CONTROL_CHARACTERS)
                    String query,
            @BeanParam @Valid PageParameters paging) {
        // Numbers arrive as text so that "abc" is a 400 naming the parameter, not JAX-RS's 404.
        return accounts.search(query, paging.page(), paging.size());
    }

    @GET
    @Path("{username}")
    public PublicProfile profile(
            @PathParam("username")
                    @Pattern(regexp = AccountRules.USERNAME, message = "must be 3 to 32 letters, digits or underscores")
                    String username) {
        return accounts.publicProfile(username);
    }
}
