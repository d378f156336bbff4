package chat.plume.identity.boundary;

import chat.plume.platform.rest.ResultPage;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
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
            @QueryParam("q") @NotNull @Size(min = 1, max = 64) String query,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(50) int size) {
        return accounts.search(query, page, size);
    }

    @GET
    @Path("{username}")
    public PublicProfile profile(@PathParam("username") @Pattern(regexp = AccountRules.USERNAME,
            message = "must be 3 to 32 letters, digits or underscores") String username) {
        return accounts.publicProfile(username);
    }
}
