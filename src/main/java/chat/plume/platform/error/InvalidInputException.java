package chat.plume.platform.error;

/** The input breaks a rule (length, format, range): HTTP 400. Names the field at fault. */
public class InvalidInputException extends PlumeException {

    public InvalidInputException(String code, String field, String message) {
        super(400, code, field, message);
    }
}
