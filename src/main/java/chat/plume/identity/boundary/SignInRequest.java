package chat.plume.identity.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /sessions}. */
public record SignInRequest(
        @NotNull @Size(max = 64) String username,
        @NotNull @Size(max = AccountRules.PASSWORD_MAX) String password) {

    @Override
    public String toString() {
        return "SignInRequest[username=" + username + "]";
    }
}
