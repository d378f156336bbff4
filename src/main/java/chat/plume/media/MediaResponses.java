package chat.plume.media;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How stored bytes go out: images inline, everything else as an attachment with the original
 * name encoded per RFC 6266/5987; a sandboxing CSP so that even an HTML file opened directly
 * cannot run; ETag revalidation instead of caching (access can be revoked by a recall); single
 * byte ranges for large files.
 */
final class MediaResponses {

    private static final Pattern RANGE = Pattern.compile("^bytes=(\\d{0,18})-(\\d{0,18})$");

    private MediaResponses() {}

    /** An upload as it is downloaded: an image inline with its type, anything else as a download. */
    static Response upload(MediaStore store, Media media, String range, String ifNoneMatch) {
        boolean image = media.kind() == MediaKind.IMAGE;
        return serve(
                store,
                media.contentHash(),
                image ? media.contentType() : MediaType.APPLICATION_OCTET_STREAM,
                media.originalName(),
                image,
                range,
                ifNoneMatch);
    }

    static Response serve(
            MediaStore store,
            String hash,
            String contentType,
            String name,
            boolean inline,
            String range,
            String ifNoneMatch) {
        String etag = "\"" + hash + "\"";
        if (ifNoneMatch != null
                && (ifNoneMatch.strip().equals("*")
                        || Arrays.stream(ifNoneMatch.split(","))
                                .map(String::strip)
                                .anyMatch(tag -> tag.equals(etag) || tag.equals("W/" + etag)))) {
            return Response.notModified()
                    .tag(hash)
                    .header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
                    .build();
        }
        long size;
        try {
            size = store.size(hash);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long start = 0;
        long end = size - 1;
        boolean partial = false;
        if (range != null) {
            Matcher m = RANGE.matcher(range.strip());
            if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
                if (m.group(1).isEmpty()) {
                    start = Math.max(0, size - Long.parseLong(m.group(2)));
                } else {
                    start = Long.parseLong(m.group(1));
                    end = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
                }
                if (start >= size) {
                    return Response.status(416)
                            .header("Content-Range", "bytes */" + size)
                            .build();
                }
                // An inverted range is no range (RFC 9110): the whole file.
                partial = start <= end;
                if (!partial) {
                    start = 0;
                    end = size - 1;
                }
            }
        }
        long from = start;
        long length = end - start + 1;
        StreamingOutput body = out -> {
            try (InputStream in = store.open(hash, from)) {
                byte[] buffer = new byte[64 * 1024];
                long left = length;
                while (left > 0) {
                    int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (read < 0) {
                        break;
                    }
                    out.write(buffer, 0, read);
                    left -= read;
                }
            }
        };
        Response.ResponseBuilder response = Response.status(partial ? 206 : 200)
                .entity(body)
                .type(contentType)
                .header(HttpHeaders.CONTENT_LENGTH, length)
                .header("Accept-Ranges", "bytes")
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
                .header("Content-Security-Policy", "default-src 'none'; img-src 'self'; sandbox")
                .header("Content-Disposition", disposition(inline, name));
        if (partial) {
            response.header("Content-Range", "bytes " + start + "-" + end + "/" + size);
        }
        return response.build();
    }

    /** {@code attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded}. */
    static String disposition(boolean inline, String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7E]", "_").replace("\\", "_").replace("\"", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
