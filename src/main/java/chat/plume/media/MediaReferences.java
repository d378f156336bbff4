package chat.plume.media;

import java.util.Collection;
import java.util.Set;

/**
 * A feature that refers to uploads (messages carry them, groups wear them as avatars) answers
 * which of some uploads it still uses, so that the clean-up never removes one in use. Implemented
 * by those features (they depend on media, not media on them); every implementation is asked.
 */
public interface MediaReferences {

    /** Which of {@code mediaIds} this feature still refers to. */
    Set<Long> inUse(Collection<Long> mediaIds);
}
