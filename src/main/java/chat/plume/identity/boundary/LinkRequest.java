package chat.plume.identity.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /email-verifications}: the token from a mailed link. */
public record LinkRequest(@NotNull @Size(max = 64) String token) {

    /** A token is a credential: never printed. */
    @Override
    public String toString() {
        return "LinkRequest[token=***]";
    }
}
