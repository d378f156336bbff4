package chat.plume.identity.boundary;

import chat.plume.platform.error.NotAuthenticatedException;
import jakarta.enterprise.context.RequestScoped;

/**
 * The one place a REST resource gets its caller from: {@link AuthenticationFilter} resolves the
 * session once per request and stores the {@link Caller} here; resources inject this bean and
 * call {@link #get()} when a method runs. A request-scoped holder (rather than a producer of
 * {@code Caller} itself) because {@code Caller} is a record that cannot be proxied, and because
 * containers differ in whether a resource instance is created before or after the
 * authentication filter runs — the holder is read at call time, so the order does not matter.
 */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    /**
     * Called by {@link AuthenticationFilter} only. Public because it is called through the bean's
     * client proxy, which forwards public methods. An asynchronous resource or a task handed to an
     * executor must read {@link #get()} before it leaves the request's thread.
     */
    public void authenticated(Caller caller) {
        this.caller = caller;
    }

    /** The authenticated caller of this request; 401 if the resource was not {@link Authenticated}. */
    public Caller get() {
        if (caller == null) {
            throw new NotAuthenticatedException("unauthenticated", "Sign in first.");
        }
        return caller;
    }
}
