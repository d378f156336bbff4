package chat.plume.announcements;

import static chat.plume.testing.Person.ok;
import static chat.plume.testing.Person.okArray;
import static chat.plume.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Json;
import chat.plume.testing.Person;
import chat.plume.testing.WsClient;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * Announcements to everyone: live on every open page and at the next sign-in, dismissed per
 * person on every device, edited and ended live, bounded, validated and audited.
 */
@RunAsClient
class AnnouncementsIT extends ClientTestBase {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void anAnnouncementReachesEveryOpenPageLiveAndEachPersonDismissesItForThemselves() {
        Person admin = Person.admin(api);
        Person anna = Person.create(api, "Listener");
        Person ben = Person.create(api, "Other");
        JsonObject published;
        long id;
        try (WsClient annaPage = anna.connect();
                WsClient benPage = ben.connect()) {
            published = ok(
                    201,
                    admin.post(
                            "/admin/announcements",
                            Json.object(
                                    "body", "Maintenance tonight <b>22:00</b>",
                                    "link", "https://status.example.org/plume",
                                    "until",
                                            Instant.now()
                                                    .plus(Duration.ofDays(1))
                                                    .toString())));
            id = published.getJsonNumber("id").longValue();
            for (WsClient page : List.of(annaPage, benPage)) {
                JsonObject shown = page.next("announcement", WAIT).getJsonObject("announcement");
                assertThat(shown.getJsonNumber("id").longValue()).isEqualTo(id);
                // Kept as written: the page shows it as text.
                assertThat(shown.getString("body")).isEqualTo("Maintenance tonight <b>22:00</b>");
            }
            assertThat(ids(anna)).contains(id);

            // Twice is once (a second device, a double click).
            assertThat(anna.post("/announcements/" + id + "/dismiss", null).statusCode())
                    .isEqualTo(204);
            assertThat(anna.post("/announcements/" + id + "/dismiss", null).statusCode())
                    .isEqualTo(204);
            assertThat(ids(anna)).doesNotContain(id);
            assertThat(ids(anna.anotherSession())).doesNotContain(id);
            assertThat(ids(ben)).contains(id);

            JsonObject edited = ok(
                    200,
                    admin.put(
                            "/admin/announcements/" + id,
                            Json.object("body", "Maintenance moved to 23:00", "link", null, "until", null)));
            assertThat(edited.getString("body")).isEqualTo("Maintenance moved to 23:00");
            assertThat(benPage.next("announcement", WAIT)
                            .getJsonObject("announcement")
                            .getString("body"))
                    .isEqualTo("Maintenance moved to 23:00");

            ok(200, admin.post("/admin/announcements/" + id + "/end", null));
            assertThat(benPage.next("announcement.ended", WAIT)
                            .getJsonNumber("announcement")
                            .longValue())
                    .isEqualTo(id);
        }
        assertThat(ids(ben)).doesNotContain(id);
        assertProblem(admin.post("/admin/announcements/" + id + "/end", null), 409, "announcement_ended");
        assertThat(okArray(200, admin.get("/admin/audit?targetKind=announcement&target=" + id))
                        .getValuesAs(JsonObject.class))
                .extracting(r -> r.getString("action"))
                .containsExactly("announcement.end", "announcement.edit", "announcement.publish");
    }

    @Test
    void announcementsAreValidatedAndBounded() {
        Person admin = Person.admin(api);
        assertProblem(
                admin.post("/admin/announcements", Json.object("body", "x".repeat(501))), 400, "invalid_input", "body");
        assertProblem(admin.post("/admin/announcements", Json.object("body", " ")), 400, "invalid_input", "body");
        assertProblem(
                admin.post("/admin/announcements", Json.object("body", "hi", "link", "javascript:alert(1)")),
                400,
                "invalid_input",
                "link");
        assertProblem(
                admin.post("/admin/announcements", Json.object("body", "hi", "until", "2000-01-01T00:00:00Z")),
                400,
                "invalid_input",
                "until");
        assertProblem(
                Person.create(api, "NotAdmin").post("/admin/announcements", Json.object("body", "hi")),
                403,
                "admin_only");
        assertProblem(
                Person.create(api, "Nobody").post("/announcements/987654321/dismiss", null),
                404,
                "announcement_not_found");
        // At most five at once: the sixth is refused until one ends.
        List<Long> published = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            var response = admin.post("/admin/announcements", Json.object("body", "notice " + i));
            if (response.statusCode() == 409) {
                assertProblem(response, 409, "too_many_announcements");
                break;
            }
            published.add(ok(201, response).getJsonNumber("id").longValue());
        }
        assertThat(published.size()).isLessThanOrEqualTo(Announcements.LIVE_LIMIT);
        assertProblem(
                admin.post("/admin/announcements", Json.object("body", "one too many")), 409, "too_many_announcements");
        for (long id : published) {
            ok(200, admin.post("/admin/announcements/" + id + "/end", null));
        }
    }

    private static List<Long> ids(Person who) {
        return okArray(200, who.get("/announcements")).getValuesAs(JsonObject.class).stream()
                .map(a -> a.getJsonNumber("id").longValue())
                .toList();
    }
}
