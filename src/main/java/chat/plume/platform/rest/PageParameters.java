package chat.plume.platform.rest;

/**
 * The rules of {@code page} and {@code size} on every numbered list ({@link ResultPage}). Numbers
 * arrive as text so that {@code page=abc} is a 400 naming the parameter, not JAX-RS's 404.
 */
public final class PageParameters {

    public static final String PAGE = "^\\d{1,5}$";
    public static final String PAGE_MESSAGE = "must be 0 to 99999";
    public static final String SIZE = "^([1-9]|[1-4]\\d|50)$";
    public static final String SIZE_MESSAGE = "must be 1 to 50";

    private PageParameters() {}
}
