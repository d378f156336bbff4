package chat.plume.calls;

import chat.plume.platform.error.InvalidInputException;

/** What a call starts with: voice only, or voice and video (either may add video or a screen later). */
public enum CallMedia {
    VOICE,
    VIDEO;

    /** {@code voice} or {@code video} in a frame; anything else is bad input. */
    static CallMedia of(String name) {
        return switch (name) {
            case "voice" -> VOICE;
            case "video" -> VIDEO;
            default ->
                throw new InvalidInputException("invalid_input", "media", "media must be \"voice\" or \"video\".");
        };
    }
}
