package chat.plume.platform.error;

/** The request conflicts with the current state of what it names (not a duplicate): HTTP 409. */
public class ConflictException extends PlumeException {

    public ConflictException(String code, String message) {
        super(409, code, null, message);
    }
}
