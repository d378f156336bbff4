package chat.plume.platform.error;

/**
 * The caller is not signed in, or the credentials are wrong: HTTP 401. The message never says
 * whether an account exists.
 */
public class NotAuthenticatedException extends PlumeException {

    public NotAuthenticatedException(String code, String message) {
        super(401, code, null, message);
    }
}
