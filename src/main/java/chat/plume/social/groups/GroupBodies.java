package chat.plume.social.groups;

import chat.plume.platform.rest.TextRules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;

/** The request bodies of the groups API, with their limits. */
public final class GroupBodies {

    static final String POLICY = "^(open|approval|invite_only)$";
    static final String POLICY_MESSAGE = "must be open, approval or invite_only";

    private GroupBodies() {}

    static JoinPolicy policy(String wire) {
        return wire == null ? null : JoinPolicy.valueOf(wire.toUpperCase(Locale.ROOT));
    }

    /** {@code POST /groups}: the first members are friends of the creator (at most 100 at once). */
    public record NewGroup(
            @NotNull @Size(max = 64) @Pattern(regexp = TextRules.VISIBLE_TEXT, message = TextRules.NO_CONTROL)
            String name,

            @Size(max = 500) @Pattern(regexp = TextRules.MULTILINE_TEXT, message = TextRules.NO_CONTROL)
            String description,

            @Pattern(regexp = POLICY, message = POLICY_MESSAGE)
            String joinPolicy,

            @Size(max = 100) List<@NotNull Long> memberIds) {}

    /** {@code PUT /groups/{id}}: the profile; an absent join policy stays as it is. */
    public record Profile(
            @NotNull @Size(max = 64) @Pattern(regexp = TextRules.VISIBLE_TEXT, message = TextRules.NO_CONTROL)
            String name,

            @Size(max = 500) @Pattern(regexp = TextRules.MULTILINE_TEXT, message = TextRules.NO_CONTROL)
            String description,

            @Pattern(regexp = POLICY, message = POLICY_MESSAGE)
            String joinPolicy) {}

    /** {@code PUT /groups/{id}/announcement}; empty clears it. */
    public record Announcement(
            @Size(max = 2000) @Pattern(regexp = TextRules.MULTILINE_TEXT, message = TextRules.NO_CONTROL)
            String text) {}

    /** {@code PUT /groups/{id}/nickname}: the caller's group nickname; empty clears it. */
    public record Nickname(
            @Size(max = 32) @Pattern(regexp = TextRules.OPTIONAL_TEXT, message = TextRules.NO_CONTROL)
            String nickname) {}

    /** {@code POST /groups/{id}/members}: friends to invite. */
    public record Invitation(
            @NotNull @Size(min = 1, max = 100) List<@NotNull Long> userIds) {}

    /** {@code PUT /groups/{id}/members/{userId}/role}. */
    public record RoleChange(
            @NotNull @Pattern(regexp = "^(admin|member)$", message = "must be admin or member")
            String role) {}

    /** {@code POST /groups/{id}/transfer}. */
    public record Transfer(@NotNull Long userId) {}

    /** {@code PUT /groups/{id}/mute} and {@code /members/{userId}/mute}: minutes of silence, 0 lifts it (max 30 days). */
    public record Mute(@NotNull @Min(0) @Max(43_200) Integer minutes) {}

    /** {@code POST /groups/{id}/join-requests}: an optional message to the admins. */
    public record Join(
            @Size(max = 100) @Pattern(regexp = TextRules.OPTIONAL_TEXT, message = TextRules.NO_CONTROL)
            String message) {}
}
