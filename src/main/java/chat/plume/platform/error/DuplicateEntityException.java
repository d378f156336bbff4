package chat.plume.platform.error;

/** The request would create something that already exists: HTTP 409. */
public class DuplicateEntityException extends PlumeException {

    public DuplicateEntityException(String code, String field, String message) {
        super(409, code, field, message);
    }
}
