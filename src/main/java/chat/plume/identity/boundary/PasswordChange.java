package chat.plume.identity.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code PUT /me/password}: the current password is required, whoever holds the session. */
public record PasswordChange(
        @NotNull @Size(max = AccountRules.PASSWORD_MAX) String currentPassword,

        @NotNull @Size(min = AccountRules.PASSWORD_MIN, max = AccountRules.PASSWORD_MAX)
        String newPassword) {

    @Override
    public String toString() {
        return "PasswordChange[]";
    }
}
