package chat.plume.reports;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A report as filed: of a message ({@code conversation} and {@code seq}) or of a person
 * ({@code person}), never both; a reason from the list and, if the reporter likes, a note.
 */
public record FileReport(
        @Positive Long conversation,
        @Positive Long seq,
        @Positive Long person,

        @NotBlank @Pattern(regexp = REASONS, message = "reason must be one of " + REASON_LIST + ".")
        String reason,

        @Size(max = 1000) String note) {

    static final String REASONS = "spam|harassment|hate|violence|sexual|impersonation|other";
    static final String REASON_LIST = "spam, harassment, hate, violence, sexual, impersonation, other";
}
