package chat.plume.identity.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /sessions}; {@code code} only for accounts with two-factor authentication. (One constructor: JSON-B binds records through it.) */
public record SignInRequest(
        @NotNull @Size(max = 64) String username,
        @NotNull @Size(max = AccountRules.PASSWORD_MAX) String password,
        @Size(max = 32) String code) {

    @Override
    public String toString() {
        return "SignInRequest[username=" + username + "]";
    }
}
