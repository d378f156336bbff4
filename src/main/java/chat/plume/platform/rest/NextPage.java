package chat.plume.platform.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.function.Function;

/**
 * A keyset page as a response: the items, and when more may follow a
 * {@code Link: <…?after=KEY>; rel="next"} header naming the next page (the request's own URI with
 * {@code after} replaced). Whether more may follow is the caller's to say — from the rows it read,
 * not the items it kept — and a full last page costs one more request that answers empty.
 */
public final class NextPage {

    private NextPage() {}

    /**
     * A keyset page that asked for {@code limit} items: a full page may have more after it, named
     * by the key of its last item.
     */
    public static <T> Response of(List<T> items, int limit, Function<T, ?> key, UriInfo uri) {
        return of(items, items.size() == limit ? key.apply(items.get(limit - 1)) : null, uri);
    }

    /**
     * {@code body}: the page (a list, or an object that holds one); {@code next}: the key to
     * continue after, or null when this is the last page.
     */
    public static Response of(Object body, Object next, UriInfo uri) {
        Response.ResponseBuilder answer = Response.ok(body);
        if (next != null) {
            answer.link(
                    uri.getRequestUriBuilder().replaceQueryParam("after", next).build(), "next");
        }
        return answer.build();
    }
}
