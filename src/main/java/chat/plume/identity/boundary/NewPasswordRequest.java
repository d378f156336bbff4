package chat.plume.identity.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /password-resets/complete}: the token from the mailed link and the new password. */
public record NewPasswordRequest(
        @NotNull @Size(max = 64) String token,

        @NotNull @Size(min = AccountRules.PASSWORD_MIN, max = AccountRules.PASSWORD_MAX)
        String newPassword) {

    /** Never print a password or a token. */
    @Override
    public String toString() {
        return "NewPasswordRequest[***]";
    }
}
