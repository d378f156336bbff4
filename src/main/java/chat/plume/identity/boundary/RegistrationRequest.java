package chat.plume.identity.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /accounts}. The password must also differ from the username (checked in
 * {@link Accounts}).
 */
public record RegistrationRequest(
        @NotNull @Pattern(regexp = AccountRules.USERNAME, message = "must be 3 to 32 letters, digits or underscores")
        String username,

        @NotNull
        @Size(max = AccountRules.DISPLAY_NAME_MAX)
        @Pattern(regexp = AccountRules.VISIBLE_TEXT, message = "must not be blank or contain control characters")
        String displayName,

        @NotNull @Size(min = AccountRules.PASSWORD_MIN, max = AccountRules.PASSWORD_MAX)
        String password,

        /** Required when the deployment requires a verified address; otherwise optional (a link is mailed to it). */
        @Size(max = AccountRules.EMAIL_MAX) @Pattern(regexp = AccountRules.EMAIL, message = "must be an email address")
        String email) {

    /** Never print a password, even by accident. */
    @Override
    public String toString() {
        return "RegistrationRequest[username=" + username + "]";
    }
}
