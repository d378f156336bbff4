package chat.plume.admin.people;

import chat.plume.admin.AdminRequests;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * The body of every action on a person: the reason (required, recorded in the audit log) and
 * what the action needs besides — an end time for a ban (none: permanent) or a mute, a session
 * for a force sign-out (none: all of them), a role for a role change, the period of messages a
 * purge recalls ({@code from}, {@code to}; none: since the account began, until now).
 */
public record ModerationRequest(
        @NotBlank @Size(max = AdminRequests.REASON_MAX) String reason,
        Instant until,
        Long sessionId,

        @Pattern(regexp = "^(user|admin)$", message = "must be user or admin")
        String role,

        Instant from,
        Instant to) {}
