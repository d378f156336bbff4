package chat.plume.admin.reports;

import chat.plume.admin.AdminRequests;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * An administrator's decision on a report: the action, the reason (required, recorded and, for
 * a mute or ban, the person's reason too) and, for a mute or a ban, until when (a ban without
 * one is permanent).
 */
public record ReportDecision(
        @NotBlank
        @Pattern(regexp = "^(dismiss|recall|mute|ban|purge)$", message = "must be dismiss, recall, mute, ban or purge")
        String action,

        @NotBlank @Size(max = AdminRequests.REASON_MAX) String reason,
        Instant until) {}
