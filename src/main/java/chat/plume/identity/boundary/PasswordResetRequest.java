package chat.plume.identity.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /password-resets}: a username or a verified email address. */
public record PasswordResetRequest(
        @NotBlank @Size(max = AccountRules.EMAIL_MAX) String login) {}
