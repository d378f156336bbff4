package chat.plume.announcements;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * What an administrator writes: the text (plain text, shown as text), an optional https link and
 * an optional end time (none: until ended by hand).
 */
public record AnnouncementDraft(
        @NotBlank @Size(max = 500) String body,

        @Size(max = 300) @Pattern(regexp = "^https://[^\\s<>\"]+$", message = "must be an https:// address")
        String link,

        Instant until) {}
