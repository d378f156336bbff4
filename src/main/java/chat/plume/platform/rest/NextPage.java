package chat.plume.platform.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.function.Function;

/**
 * A keyset page as a response: the items, and when the page is full a
 * {@code Link: <…?after=KEY>; rel="next"} header naming the next one (the request's own URI with
 * {@code after} replaced by the last item's key). A page that is not full is the last; one extra
 * request when the last page happens to be full is the price of not counting.
 */
public final class NextPage {

    private NextPage() {}

    public static <T> Response of(List<T> page, int size, UriInfo uri, Function<T, Object> key) {
        Response.ResponseBuilder answer = Response.ok(page);
        if (!page.isEmpty() && page.size() >= size) {
            answer.link(
                    uri.getRequestUriBuilder()
                            .replaceQueryParam("after", key.apply(page.get(page.size() - 1)))
                            .build(),
                    "next");
        }
        return answer.build();
    }
}
