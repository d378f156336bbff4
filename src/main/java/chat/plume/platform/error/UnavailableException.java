package chat.plume.platform.error;

/** Something this deployment does not offer now (mail when no mail server is configured): HTTP 503. */
public class UnavailableException extends PlumeException {

    public UnavailableException(String code, String message) {
        super(503, code, null, message);
    }
}
