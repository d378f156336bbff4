package chat.plume.realtime;

import chat.plume.platform.error.PlumeException;

/**
 * A frame whose envelope cannot be read (not JSON, no type, a bad id). Answered with an error
 * frame; the connection stays open. Carries the request id when one could be read.
 */
public class MalformedFrameException extends PlumeException {

    private final String id;

    public MalformedFrameException(String id, String code, String message) {
        super(400, code, null, message);
        this.id = id;
    }

    public String id() {
        return id;
    }
}
