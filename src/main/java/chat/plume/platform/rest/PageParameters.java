package chat.plume.platform.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * {@code page} and {@code size} of every numbered list ({@link ResultPage}), taken by a resource
 * method as {@code @BeanParam @Valid PageParameters}. Numbers arrive as text so that
 * {@code page=abc} is a 400 naming the parameter, not JAX-RS's 404.
 */
public class PageParameters {

    public static final String PAGE = "^\\d{1,5}$";
    public static final String PAGE_MESSAGE = "must be 0 to 99999";
    public static final String SIZE = "^([1-9]|[1-4]\\d|50)$";
    public static final String SIZE_MESSAGE = "must be 1 to 50";
    /** A keyset list's {@code after}: the key (an id or a position) of the last item seen. */
    public static final String KEY = "^\\d{1,18}$";
    /** A keyset list's {@code limit}. */
    public static final String LIMIT = "^([1-9]\\d?|1\\d\\d|200)$";

    public static final String LIMIT_MESSAGE = "must be 1 to 200";

    @QueryParam("page")
    @DefaultValue("0")
    @Pattern(regexp = PAGE, message = PAGE_MESSAGE)
    String page;

    @QueryParam("size")
    @DefaultValue("20")
    @Pattern(regexp = SIZE, message = SIZE_MESSAGE)
    String size;

    public int page() {
        return Integer.parseInt(page);
    }

    public int size() {
        return Integer.parseInt(size);
    }
}
