package chat.plume.bots;

import chat.plume.platform.rest.TextRules;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The bodies of {@code /bots}. */
public final class BotRequests {

    private BotRequests() {}

    /** {@code POST /bots}: a username (the same rules as people's), a display name, a description. */
    public record Create(
            @NotNull
            @Pattern(regexp = "^[A-Za-z0-9_]{3,32}$", message = "must be 3 to 32 letters, digits or underscores")
            String username,

            @NotNull
            @Size(max = 64)
            @Pattern(regexp = TextRules.VISIBLE_TEXT, message = "must not be blank or contain control characters")
            String displayName,

            @Size(max = 500) @Pattern(regexp = TextRules.OPTIONAL_TEXT, message = "must not contain control characters")
            String description) {}

    /** {@code PUT /bots/{id}}. */
    public record Update(
            @NotNull
            @Size(max = 64)
            @Pattern(regexp = TextRules.VISIBLE_TEXT, message = "must not be blank or contain control characters")
            String displayName,

            @Size(max = 500) @Pattern(regexp = TextRules.OPTIONAL_TEXT, message = "must not contain control characters")
            String description) {}

    /** A bot and its token, shown once (on creation and when a new token is made). */
    public record WithToken(BotView bot, String token) {

        /** A token is a credential: never printed. */
        @Override
        public String toString() {
            return "WithToken[bot=" + bot.id() + ", token=***]";
        }
    }
}
