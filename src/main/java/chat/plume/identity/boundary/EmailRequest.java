package chat.plume.identity.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code PUT /me/email}: the address to verify. */
public record EmailRequest(
        @NotNull
        @Size(max = AccountRules.EMAIL_MAX)
        @Pattern(regexp = AccountRules.EMAIL, message = "must be an email address")
        String email) {}
