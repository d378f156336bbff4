package chat.plume.platform.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * {@code after} and {@code limit} of a list that pages by key (an id), taken by a resource method
 * as {@code @BeanParam @Valid KeysetParameters}: the key of the last item seen (0: from the start)
 * and at most 200 items. The answer names the next page in a {@code Link} header
 * ({@link NextPage}). Numbers arrive as text so that {@code after=x} is a 400 naming the
 * parameter, not JAX-RS's 404.
 */
public class KeysetParameters {

    @QueryParam("after")
    @DefaultValue("0")
    @Pattern(regexp = PageParameters.KEY, message = "must be the id of the last item of the previous page")
    String after;

    @QueryParam("limit")
    @DefaultValue("100")
    @Pattern(regexp = PageParameters.LIMIT, message = PageParameters.LIMIT_MESSAGE)
    String limit;

    public long after() {
        return Long.parseLong(after);
    }

    public int limit() {
        return Integer.parseInt(limit);
    }
}
