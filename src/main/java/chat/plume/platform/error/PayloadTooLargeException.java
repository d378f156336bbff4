package chat.plume.platform.error;

/** An upload over its limit: HTTP 413, the message naming the limit. */
public class PayloadTooLargeException extends PlumeException {

    public PayloadTooLargeException(String code, String message) {
        super(413, code, null, message);
    }
}
