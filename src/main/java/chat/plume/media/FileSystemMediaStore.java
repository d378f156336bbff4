package chat.plume.media;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

/**
 * Media on the filesystem: {@code <dir>/ab/cd/<sha256>}, written by atomic rename so a reader
 * never sees half a file, and never overwritten (same name, same bytes). Temporary uploads go to
 * {@code <dir>/tmp} on the same volume, so that keeping one is a rename, not a copy.
 */
@ApplicationScoped
public class FileSystemMediaStore implements MediaStore {

    @Inject
    MediaSettings settings;

    private Path root;
    private Path temporary;

    @PostConstruct
    void prepare() {
        root = settings.directory();
        temporary = root.resolve("tmp");
        try {
            Files.createDirectories(temporary);
            // Uploads cut short by a crash: nothing will ever finish them.
            Instant stale = Instant.now().minus(Duration.ofMinutes(10));
            try (var leftovers = Files.list(temporary)) {
                for (Path part : (Iterable<Path>) leftovers::iterator) {
                    if (Files.getLastModifiedTime(part).toInstant().isBefore(stale)) {
                        Files.deleteIfExists(part);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the media directory " + root, e);
        }
    }

    @Override
    public Path newTemporaryFile() throws IOException {
        return Files.createTempFile(temporary, "upload-", ".part");
    }

    @Override
    public void keep(Path upload, String hash) throws IOException {
        Path target = locate(hash);
        // Kept again: marked as fresh, so the clean-up leaves bytes a new upload is about to use.
        if (touch(target)) {
            Files.deleteIfExists(upload);
            return;
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(upload, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            Files.deleteIfExists(upload);
        }
    }

    @Override
    public void keep(byte[] bytes, String hash) throws IOException {
        if (touch(locate(hash))) {
            return;
        }
        Path file = newTemporaryFile();
        Files.write(file, bytes);
        keep(file, hash);
    }

    @Override
    public InputStream open(String hash, long offset) throws IOException {
        SeekableByteChannel channel = Files.newByteChannel(locate(hash), StandardOpenOption.READ);
        channel.position(offset);
        return Channels.newInputStream(channel);
    }

    @Override
    public long size(String hash) throws IOException {
        return Files.size(locate(hash));
    }

    /**
     * Race-free with {@link #keep}: the file is first renamed aside (atomic), then its time is
     * checked on the renamed copy. A keep that touched it before the rename is seen (and the file
     * put back); a keep after the rename finds no file and puts its own upload in place.
     */
    @Override
    public boolean deleteUnlessKeptSince(String hash, Instant since) throws IOException {
        Path file = locate(hash);
        Path aside = file.resolveSibling(hash + ".deleting");
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException gone) {
            return false;
        }
        if (Files.getLastModifiedTime(aside).toInstant().isBefore(since)) {
            Files.delete(aside);
            return true;
        }
        try {
            Files.move(aside, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException replaced) {
            // A keep put identical bytes back meanwhile.
            Files.deleteIfExists(aside);
        }
        return false;
    }

    /** Marks a stored file as kept now; false if there is no such file. */
    private static boolean touch(Path file) throws IOException {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
            return true;
        } catch (NoSuchFileException absent) {
            return false;
        }
    }

    private Path locate(String hash) {
        if (!hash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Not a content hash");
        }
        return root.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
    }
}
