package chat.plume.platform.error;

import jakarta.ejb.ApplicationException;

/**
 * A refusal the caller can act on: bad input, not allowed, not found, a conflict, too fast.
 *
 * <p>The {@code code} is part of the public contract (REST problem details and WebSocket error
 * frames carry it): clients branch on it, so codes are never renamed. Marked as an application
 * exception with rollback, so a refusal thrown inside a transaction leaves nothing half-done and
 * reaches the caller unwrapped.
 */
@ApplicationException(rollback = true)
public class PlumeException extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;

    protected PlumeException(int status, String code, String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    /** The HTTP status this refusal maps to. */
    public int status() {
        return status;
    }

    /** The stable, machine-readable reason, e.g. {@code username_taken}. */
    public String code() {
        return code;
    }

    /** The input field at fault, or null when the refusal is not about one field. */
    public String field() {
        return field;
    }
}
