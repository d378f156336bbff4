package chat.plume.platform.error;

/** The caller is known but may not do this: HTTP 403, with a code that says why. */
public class AccessDeniedException extends PlumeException {

    public AccessDeniedException(String code, String message) {
        super(403, code, null, message);
    }
}
