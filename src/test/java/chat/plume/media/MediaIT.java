package chat.plume.media;

import static chat.plume.testing.Person.befriend;
import static chat.plume.testing.Person.ok;
import static chat.plume.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.Api;
import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Json;
import chat.plume.testing.Person;
import chat.plume.testing.WsClient;
import jakarta.json.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * Uploads and downloads as clients see them. The test server caps files at 2 MB and images at
 * 1 MB (arquillian.xml), and keeps its media under target/it-data/media.
 */
@RunAsClient
class MediaIT extends ClientTestBase {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Path MEDIA = Path.of(System.getProperty("plume.it.data.dir", "target/it-data"), "media");
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // see Api
            .build();

    @Test
    void membersDownloadWhatWasSentAndOutsidersCannotEvenTellItExists() throws Exception {
        Chat chat = chat();
        byte[] bytes = "quarterly numbers\n1,2,3\n".getBytes(StandardCharsets.UTF_8);
        JsonObject upload = upload(chat.alice, chat.conversation, "报告 2026.csv", bytes, 201);
        assertThat(upload.getString("kind")).isEqualTo("file");
        long id = upload.getJsonNumber("id").longValue();
        sendMedia(chat, id);

        HttpResponse<byte[]> download = get(chat.bob, "/media/" + id, null);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(bytes);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d)
                        .startsWith("attachment;")
                        .contains("filename*=UTF-8''%E6%8A%A5%E5%91%8A%202026.csv"));
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(c -> assertThat(c).contains("private"));

        Person eve = Person.create(api, "Eve");
        assertThat(get(eve, "/media/" + id, null).statusCode()).isEqualTo(404);
        assertThat(get(eve, "/media/999999999", null).statusCode()).isEqualTo(404);
        assertProblem(rawUpload(eve, chat.conversation, "x.txt", bytes), 403, "forbidden");

        HttpResponse<byte[]> range = get(chat.bob, "/media/" + id, "bytes=0-9");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).hasSize(10);
        assertThat(range.headers().firstValue("Content-Range")).hasValue("bytes 0-9/" + bytes.length);
    }

    @Test
    void anUploadOverTheLimitIsRefusedWhileStreamingAndLeavesNothingBehind() throws Exception {
        Chat chat = chat();
        long before = storedFiles();
        // Announced as too large: refused before reading.
        assertProblem(rawUpload(chat.alice, chat.conversation, "big.bin", new byte[3 * 1024 * 1024]), 413, "too_large");
        // Not announced (chunked): cut off while streaming, and the partial file removed.
        HttpResponse<String> refused = http.send(
                HttpRequest.newBuilder(api.base()
                                .resolve("/api/v1/media?conversation=" + chat.conversation + "&name=stream.bin"))
                        .header("Authorization", "Bearer " + chat.alice.token())
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new ByteArrayInputStream(new byte[3 * 1024 * 1024])))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(refused, 413, "too_large");
        assertThat(storedFiles()).isEqualTo(before);
        assertThat(temporaryFiles()).isZero();
        // An image has its own, lower limit: 1.5 MB of PNG is too much even though files may be 2 MB.
        byte[] bigImage = new byte[1536 * 1024];
        System.arraycopy(png(10, 10), 0, bigImage, 0, png(10, 10).length);
        assertProblem(rawUpload(chat.alice, chat.conversation, "big.png", bigImage), 413, "too_large");
        assertThat(temporaryFiles()).isZero();
    }

    @Test
    void theTypeComesFromTheBytesNotTheName() throws Exception {
        Chat chat = chat();
        byte[] html = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
        JsonObject upload = upload(chat.alice, chat.conversation, "../../cute cat.png", html, 201);
        assertThat(upload.getString("kind")).isEqualTo("file");
        assertThat(upload.getString("name")).isEqualTo("cute cat.png");
        long id = upload.getJsonNumber("id").longValue();
        HttpResponse<byte[]> served = get(chat.alice, "/media/" + id, null);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(served.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
        assertThat(served.headers().allValues("Content-Security-Policy"))
                .anySatisfy(c -> assertThat(c).contains("sandbox"));
        assertThat(get(chat.alice, "/media/" + id + "/thumbnail", null).statusCode())
                .isEqualTo(404);

        // PNG's signature followed by garbage: claims to be an image, is not; kept as a file, never inline.
        byte[] fake = new byte[200];
        System.arraycopy(png(4, 4), 0, fake, 0, 16);
        JsonObject notAnImage = upload(chat.alice, chat.conversation, "photo.png", fake, 201);
        assertThat(notAnImage.getString("kind")).isEqualTo("file");
        // Control characters, bidi overrides and a very long name are cleaned, never used as a path.
        String hostile = "\u0000..\\..\\evil\u202Egnp.exe" + "x".repeat(400);
        JsonObject cleaned = upload(chat.alice, chat.conversation, hostile, "x".getBytes(StandardCharsets.UTF_8), 201);
        assertThat(cleaned.getString("name"))
                .doesNotContain("\u0000", "\u202E", "\\", "/")
                .hasSizeLessThanOrEqualTo(255);
        JsonObject emoji = upload(
                chat.alice, chat.conversation, "😀".repeat(300) + ".txt", "y".getBytes(StandardCharsets.UTF_8), 201);
        assertThat(emoji.getString("name").length()).isLessThanOrEqualTo(255);

        // A GIF is served as a PNG of its first frame: no later frame, no extension block reaches anyone.
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        ImageIO.write(picture(50, 40), "gif", gif);
        JsonObject animated = upload(chat.alice, chat.conversation, "dance.gif", gif.toByteArray(), 201);
        assertThat(animated.getString("contentType")).isEqualTo("image/png");
    }

    @Test
    void imagesGetAThumbnailAndLoseTheirMetadata() throws Exception {
        Chat chat = chat();
        byte[] photo = withExif(jpeg(400, 200), "GPS-SENTINEL-31.2304N-121.4737E");
        assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains("GPS-SENTINEL");
        JsonObject upload = upload(chat.alice, chat.conversation, "IMG_0001.jpg", photo, 201);
        assertThat(upload.getString("kind")).isEqualTo("image");
        assertThat(upload.getInt("width")).isEqualTo(400);
        assertThat(upload.getInt("height")).isEqualTo(200);
        assertThat(upload.getBoolean("thumbnail")).isTrue();
        long id = upload.getJsonNumber("id").longValue();

        HttpResponse<byte[]> full = get(chat.alice, "/media/" + id, null);
        assertThat(full.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(full.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("inline"));
        assertThat(new String(full.body(), StandardCharsets.ISO_8859_1))
                .doesNotContain("GPS-SENTINEL")
                .doesNotContain("Exif");
        assertThat(ImageIO.read(new ByteArrayInputStream(full.body())).getWidth())
                .isEqualTo(400);

        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(
                get(chat.alice, "/media/" + id + "/thumbnail", null).body()));
        assertThat(Math.max(thumbnail.getWidth(), thumbnail.getHeight())).isEqualTo(320);
    }

    @Test
    void aPhotoTakenOnItsSideIsServedUpright() throws Exception {
        Chat chat = chat();
        byte[] sideways = ExifOrientationTest.withOrientation(jpeg(400, 200), 6, false);
        JsonObject upload = upload(chat.alice, chat.conversation, "portrait.jpg", sideways, 201);
        assertThat(upload.getInt("width")).isEqualTo(200);
        assertThat(upload.getInt("height")).isEqualTo(400);
        BufferedImage served = ImageIO.read(new ByteArrayInputStream(
                get(chat.alice, "/media/" + upload.getJsonNumber("id").longValue(), null)
                        .body()));
        assertThat(served.getWidth()).isEqualTo(200);
    }

    @Test
    void identicalContentIsStoredOnce() throws Exception {
        Chat chat = chat();
        byte[] bytes = ("same bytes " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        long before = storedFiles();
        long first = upload(chat.alice, chat.conversation, "a.txt", bytes, 201)
                .getJsonNumber("id")
                .longValue();
        long second = upload(chat.bob, chat.conversation, "b.txt", bytes, 201)
                .getJsonNumber("id")
                .longValue();
        assertThat(first).isNotEqualTo(second);
        assertThat(storedFiles()).isEqualTo(before + 1);
    }

    @Test
    void recallingTheMessageRevokesAccessForTheOthers() throws Exception {
        Chat chat = chat();
        long id = upload(chat.alice, chat.conversation, "secret.txt", "gone soon".getBytes(StandardCharsets.UTF_8), 201)
                .getJsonNumber("id")
                .longValue();
        // Not yet sent: only the uploader can fetch it.
        assertThat(get(chat.bob, "/media/" + id, null).statusCode()).isEqualTo(404);
        long seq = sendMedia(chat, id);
        assertThat(get(chat.bob, "/media/" + id, null).statusCode()).isEqualTo(200);
        try (WsClient ws = chat.alice.connect()) {
            assertThat(ws.request(
                                    Json.object(
                                            "type", "recall", "id", "r", "conversation", chat.conversation, "seq", seq),
                                    WAIT)
                            .getString("type"))
                    .isEqualTo("ok");
        }
        assertThat(get(chat.bob, "/media/" + id, null).statusCode()).isEqualTo(404);
        assertThat(get(chat.alice, "/media/" + id, null).statusCode()).isEqualTo(200);
    }

    @Test
    void avatarsAreSquareAndEveryoneSignedInSeesThem() throws Exception {
        Person carol = Person.create(api, "Avatar");
        assertProblem(
                putImage(carol, "/avatars/me", "plain text".getBytes(StandardCharsets.UTF_8)), 400, "not_an_image");
        HttpResponse<String> uploaded = http.send(
                HttpRequest.newBuilder(api.base().resolve("/api/v1/avatars/me"))
                        .header("Authorization", "Bearer " + carol.token())
                        .header("Content-Type", "image/png")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(png(300, 200)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        long avatar = ok(200, carol.get("/me")).getJsonNumber("avatar").longValue();
        assertThat(avatar).isEqualTo(Api.json(uploaded).getJsonNumber("id").longValue());

        Person dave = Person.create(api, "Viewer");
        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(
                get(dave, "/avatars/users/" + carol.id(), null).body()));
        assertThat(shown.getWidth()).isEqualTo(256);
        assertThat(shown.getHeight()).isEqualTo(256);
        assertThat(get(dave, "/avatars/users/" + dave.id(), null).statusCode()).isEqualTo(404);

        // A group's avatar is for its owner and admins to set.
        befriend(carol, dave);
        long group = ok(201, carol.post("/groups", "{\"name\":\"pictures\",\"memberIds\":[" + dave.id() + "]}"))
                .getJsonNumber("id")
                .longValue();
        assertProblem(putImage(dave, "/avatars/groups/" + group, png(64, 64)), 403, "not_admin");
        assertThat(putImage(carol, "/avatars/groups/" + group, png(64, 64)).statusCode())
                .isEqualTo(200);
        assertThat(ok(200, dave.get("/groups/" + group)).containsKey("avatar")).isTrue();
        assertThat(get(dave, "/avatars/groups/" + group, null).statusCode()).isEqualTo(200);
        assertProblem(
                http.send(
                        HttpRequest.newBuilder(api.base().resolve("/api/v1/avatars/me"))
                                .header("Authorization", "Bearer " + dave.token())
                                .header("Content-Type", "image/png")
                                .PUT(HttpRequest.BodyPublishers.ofString("not an image"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()),
                400,
                "not_an_image");
    }

    // Helpers

    private record Chat(Person alice, Person bob, long conversation) {}

    private Chat chat() {
        Person alice = Person.create(api, "MediaA");
        Person bob = Person.create(api, "MediaB");
        befriend(alice, bob);
        long conversation = ok(200, alice.post("/conversations", Json.object("userId", bob.id())))
                .getJsonNumber("id")
                .longValue();
        return new Chat(alice, bob, conversation);
    }

    private long sendMedia(Chat chat, long mediaId) {
        try (WsClient ws = chat.alice.connect()) {
            JsonObject ack = ws.request(
                    Json.object(
                            "type",
                            "send",
                            "id",
                            "m" + mediaId,
                            "conversation",
                            chat.conversation,
                            "clientMessageId",
                            "media-" + mediaId,
                            "media",
                            mediaId),
                    WAIT);
            assertThat(ack.getString("type")).as(ack.toString()).isEqualTo("ack");
            return ack.getJsonNumber("seq").longValue();
        }
    }

    private HttpResponse<String> putImage(Person who, String path, byte[] bytes) throws Exception {
        return http.send(
                HttpRequest.newBuilder(api.base().resolve("/api/v1" + path))
                        .header("Authorization", "Bearer " + who.token())
                        .header("Content-Type", "image/png")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonObject upload(Person who, long conversation, String name, byte[] bytes, int status) throws Exception {
        HttpResponse<String> response = rawUpload(who, conversation, name, bytes);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return Api.json(response);
    }

    private HttpResponse<String> rawUpload(Person who, long conversation, String name, byte[] bytes) throws Exception {
        return http.send(
                HttpRequest.newBuilder(api.base()
                                .resolve("/api/v1/media?conversation=" + conversation + "&name="
                                        + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                        .header("Authorization", "Bearer " + who.token())
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> get(Person who, String path, String range) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.base().resolve("/api/v1" + path))
                .header("Authorization", "Bearer " + who.token());
        if (range != null) {
            request.header("Range", range);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static long storedFiles() throws IOException {
        if (!Files.exists(MEDIA)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(MEDIA)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getParent().getFileName().toString().equals("tmp"))
                    .count();
        }
    }

    private static long temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(MEDIA.resolve("tmp"))) {
            return files.count();
        }
    }

    static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture(width, height), "png", out);
        return out.toByteArray();
    }

    private static byte[] jpeg(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture(width, height), "jpeg", out);
        return out.toByteArray();
    }

    private static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    /** Puts an APP1 "Exif" segment carrying {@code payload} right after the JPEG's start marker. */
    private static byte[] withExif(byte[] jpeg, String payload) {
        byte[] body = ("Exif\0\0" + payload).getBytes(StandardCharsets.ISO_8859_1);
        int length = body.length + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(body, 0, body.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
