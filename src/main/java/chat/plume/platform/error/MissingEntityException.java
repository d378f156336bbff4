package chat.plume.platform.error;

/** What the request names does not exist (or may not be seen by the caller): HTTP 404. */
public class MissingEntityException extends PlumeException {

    public MissingEntityException(String code, String message) {
        super(404, code, null, message);
    }
}
