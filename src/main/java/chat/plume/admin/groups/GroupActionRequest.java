package chat.plume.admin.groups;

import chat.plume.admin.AdminRequests;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * The body of every action on a group: the reason (required, in the audit log; for a dissolve
 * the members see it too), the member a transfer goes to, and how many minutes a mute-all lasts
 * (0 lifts it; at most 30 days).
 */
public record GroupActionRequest(
        @NotBlank @Size(max = AdminRequests.REASON_MAX) String reason,
        @Positive Long userId,
        @Min(0) @Max(MAX_MUTE_MINUTES) Integer minutes) {

    static final int MAX_MUTE_MINUTES = 30 * 24 * 60;
}
