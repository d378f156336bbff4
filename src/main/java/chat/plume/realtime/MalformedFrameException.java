package chat.plume.realtime;

/** A frame that cannot be handled at all; answered with an error frame, the connection stays open. */
public class MalformedFrameException extends RuntimeException {

    private final String id;
    private final String code;

    public MalformedFrameException(String id, String code, String message) {
        super(message, null, false, false);
        this.id = id;
        this.code = code;
    }

    public String id() {
        return id;
    }

    public String code() {
        return code;
    }
}
