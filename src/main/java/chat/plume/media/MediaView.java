package chat.plume.media;

import java.util.Locale;

/**
 * An upload as messages and the API show it. {@code name} is the cleaned-up original name, for
 * display and downloads only.
 */
public record MediaView(
        long id,
        String kind,
        String name,
        long size,
        String contentType,
        Integer width,
        Integer height,
        boolean thumbnail) {

    public static MediaView of(Media m) {
        return new MediaView(
                m.id(),
                m.kind().name().toLowerCase(Locale.ROOT),
                m.originalName(),
                m.sizeBytes(),
                m.contentType(),
                m.width(),
                m.height(),
                m.thumbnailHash() != null);
    }
}
