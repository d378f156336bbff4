package chat.plume.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Where media bytes live, by content hash. The filesystem store is the one implementation
 * today; an object store (S3-compatible) would implement the same operations.
 */
public interface MediaStore {

    /** A fresh temporary file to stream an upload into, on the same volume as the store. */
    Path newTemporaryFile() throws IOException;

    /** Moves a finished temporary file into place under its hash; an identical file already there wins. */
    void keep(Path temporary, String hash) throws IOException;

    /** Stores bytes produced by Plume itself (re-encoded images, thumbnails) under their hash. */
    void keep(byte[] bytes, String hash) throws IOException;

    InputStream open(String hash, long offset) throws IOException;

    long size(String hash) throws IOException;

    /**
     * Deletes the bytes stored under {@code hash} unless they were written or kept again at or
     * after {@code since} (an upload of identical bytes may be about to use them); true if deleted.
     */
    boolean deleteUnlessKeptSince(String hash, Instant since) throws IOException;
}
