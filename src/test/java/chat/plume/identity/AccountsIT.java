package chat.plume.identity;

import static chat.plume.testing.Api.expect;
import static chat.plume.testing.Api.json;
import static chat.plume.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Json;
import chat.plume.testing.Names;
import chat.plume.testing.Person;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/** Accounts and sessions through the REST API, as a client sees them. */
@RunAsClient
class AccountsIT extends ClientTestBase {

    @Test
    void registerSignInSignOut() {
        String username = Names.unique("Reg");
        JsonObject created = json(expect(201, api.register(username, "小明", "a good password")));
        assertThat(created.getString("username")).isEqualTo(username);
        assertThat(created.getString("displayName")).isEqualTo("小明");
        assertThat(created.getString("role")).isEqualTo("user");
        assertThat(created).doesNotContainKeys("password", "passwordHash");

        // Usernames are case-insensitive for signing in.
        HttpResponse<String> signedIn = expect(201, api.signIn(username.toLowerCase(), "a good password"));
        String token = json(signedIn).getString("token");
        assertThat(token).startsWith("plm_");
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie)
                .contains("plume_session=" + token)
                .contains("HttpOnly")
                .contains("SameSite=Strict");

        assertThat(json(expect(200, api.send("GET", "/me", null, token))).getString("username"))
                .isEqualTo(username);
        // The cookie alone authenticates too (that is how the page works).
        assertThat(expect(200, api.send("GET", "/me", null, null, "Cookie", "plume_session=" + token))
                        .statusCode())
                .isEqualTo(200);

        expect(204, api.send("DELETE", "/sessions/current", null, token));
        assertProblem(api.send("GET", "/me", null, token), 401, "unauthenticated");
    }

    @Test
    void aBrowserGetsTheTokenOnlyAsAnHttpOnlyCookie() {
        String username = Names.unique("Page");
        expect(201, api.register(username, "Page", "page-password"));
        URI self = api.base();
        HttpResponse<String> signedIn = expect(
                201,
                api.send(
                        "POST",
                        "/sessions",
                        Json.object("username", username, "password", "page-password"),
                        null,
                        "Origin",
                        self.getScheme() + "://" + self.getAuthority()));
        assertThat(json(signedIn).containsKey("token")).isFalse();
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("plume_session=plm_").contains("HttpOnly");
        String token = cookie.substring(cookie.indexOf("plm_")).split(";")[0];
        expect(200, api.send("GET", "/me", null, null, "Cookie", "plume_session=" + token));
    }

    @Test
    void theFirstAdministratorComesFromConfigurationAndSignUpNeverGrantsTheRole() {
        // Signed in with its second factor (the helper enrols it the first time).
        String admin = Person.admin(api).token();
        assertThat(json(expect(200, api.send("GET", "/me", null, admin))).getString("role"))
                .isEqualTo("admin");
        assertProblem(api.register("PLUME_ADMIN", "Impostor", "impostor-password"), 409, "username_taken", "username");
        String someone = api.newSignedInUser("Plain");
        assertThat(json(expect(200, api.send("GET", "/me", null, someone))).getString("role"))
                .isEqualTo("user");
    }

    @Test
    void signOutEverywhereRevokesEveryDevice() {
        String username = Names.unique("Many");
        expect(201, api.register(username, "Many", "password-many"));
        String phone = api.token(username, "password-many");
        String laptop = api.token(username, "password-many");
        var devices = Json.parseArray(
                expect(200, api.send("GET", "/sessions", null, phone)).body());
        assertThat(devices).hasSize(2);
        assertThat(devices.stream()
                        .filter(d -> d.asJsonObject().getBoolean("current"))
                        .count())
                .isEqualTo(1);

        // One may end one's own other session, never someone else's.
        String stranger = api.newSignedInUser("Other");
        long laptopSession = devices.stream()
                .map(d -> d.asJsonObject())
                .filter(d -> !d.getBoolean("current"))
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();
        assertProblem(api.send("DELETE", "/sessions/" + laptopSession, null, stranger), 404, "session_not_found");

        expect(204, api.send("DELETE", "/sessions", null, laptop));

        assertProblem(api.send("GET", "/me", null, phone), 401, "unauthenticated");
        assertProblem(api.send("GET", "/me", null, laptop), 401, "unauthenticated");
    }

    @Test
    void takenUsernameIsAConflictWhateverTheCase() {
        String username = Names.unique("Taken");
        expect(201, api.register(username, "First", "password-1"));
        assertProblem(api.register(username.toUpperCase(), "Second", "password-2"), 409, "username_taken", "username");
    }

    @Test
    void wrongPasswordAndUnknownUserLookTheSame() {
        String username = Names.unique("Wrong");
        expect(201, api.register(username, "Wrong", "right-password"));
        HttpResponse<String> wrongPassword = api.signIn(username, "wrong-password");
        HttpResponse<String> unknownUser = api.signIn(Names.unique("nobody"), "wrong-password");
        assertProblem(wrongPassword, 401, "invalid_credentials");
        assertProblem(unknownUser, 401, "invalid_credentials");
        assertThat(json(wrongPassword).getString("detail"))
                .isEqualTo(json(unknownUser).getString("detail"));
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPassword() {
        String username = Names.unique("Locked");
        expect(201, api.register(username, "Locked", "right-password"));
        for (int i = 0; i < 5; i++) {
            assertProblem(api.signIn(username, "guess-" + i), 401, "invalid_credentials");
        }
        HttpResponse<String> locked = api.signIn(username, "right-password");
        assertProblem(locked, 429, "too_many_attempts");
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndSignsOutOtherDevices() {
        String username = Names.unique("Change");
        expect(201, api.register(username, "Change", "old-password"));
        String here = api.token(username, "old-password");
        String elsewhere = api.token(username, "old-password");

        assertProblem(
                api.send(
                        "PUT",
                        "/me/password",
                        Json.object("currentPassword", "not-it", "newPassword", "new-password"),
                        here),
                401,
                "invalid_credentials");
        expect(
                204,
                api.send(
                        "PUT",
                        "/me/password",
                        Json.object("currentPassword", "old-password", "newPassword", "new-password"),
                        here));

        expect(200, api.send("GET", "/me", null, here));
        assertProblem(api.send("GET", "/me", null, elsewhere), 401, "unauthenticated");
        assertProblem(api.signIn(username, "old-password"), 401, "invalid_credentials");
        expect(201, api.signIn(username, "new-password"));
    }

    @Test
    void profileIsEditableAndOthersSeeOnlyThePublicPart() {
        String token = api.newSignedInUser("Prof");
        JsonObject updated = json(expect(
                200,
                api.send(
                        "PUT",
                        "/me",
                        Json.object(
                                "displayName",
                                "王小二",
                                "signature",
                                "你好 👋",
                                "gender",
                                "male",
                                "region",
                                "上海",
                                "phone",
                                "+86 138 0000 0000"),
                        token)));
        assertThat(updated.getString("signature")).isEqualTo("你好 👋");
        String username = updated.getString("username");

        String other = api.newSignedInUser("Viewer");
        JsonObject seen = json(expect(200, api.send("GET", "/users/" + username.toUpperCase(), null, other)));
        assertThat(seen.getString("displayName")).isEqualTo("王小二");
        assertThat(seen.getString("region")).isEqualTo("上海");
        assertThat(seen).doesNotContainKeys("phone", "role");

        assertProblem(api.send("GET", "/users/" + Names.unique("ghost"), null, other), 404, "user_not_found");
        assertProblem(api.send("GET", "/users/" + username, null, null), 401, "unauthenticated");
    }

    @Test
    void searchFindsByUsernameOrDisplayNameInPages() {
        String tag = Names.unique("srch").toLowerCase();
        String token = api.newSignedInUser("Searcher");
        for (int i = 0; i < 3; i++) {
            expect(201, api.register(tag + "_" + i, "Someone " + i, "password-" + i));
        }
        expect(201, api.register(Names.unique("byname"), "Display " + tag, "password-x"));

        JsonObject first = json(expect(200, api.send("GET", "/users?q=" + tag.toUpperCase() + "&size=2", null, token)));
        assertThat(first.getInt("total")).isEqualTo(4);
        assertThat(first.getJsonArray("items")).hasSize(2);
        JsonObject second = json(expect(200, api.send("GET", "/users?q=" + tag + "&size=2&page=1", null, token)));
        assertThat(second.getJsonArray("items")).hasSize(2);

        assertProblem(api.send("GET", "/users?q=" + tag + "&size=500", null, token), 400, "invalid_input", "size");
        assertProblem(api.send("GET", "/users", null, token), 400, "invalid_input", "q");
        assertProblem(api.send("GET", "/users?q=" + tag + "&page=abc", null, token), 400, "invalid_input", "page");
    }

    @Test
    void badInputIsA400NamingTheField() {
        assertProblem(api.send("POST", "/accounts", "{not json", null), 400, "malformed_request");
        assertProblem(api.send("POST", "/accounts", "null", null), 400, "invalid_input", "body");
        assertProblem(
                api.send("POST", "/accounts", Json.object("username", "ok_name", "password", "password-1"), null),
                400,
                "invalid_input",
                "displayName");
        assertProblem(api.register("no spaces", "Name", "password-1"), 400, "invalid_input", "username");
        assertProblem(
                api.register(Names.unique("long"), "x".repeat(65), "password-1"), 400, "invalid_input", "displayName");
        assertProblem(api.register(Names.unique("short"), "Name", "short"), 400, "invalid_input", "password");
        String same = Names.unique("same");
        assertProblem(api.register(same, "Name", same.toUpperCase()), 400, "password_is_username", "password");
        assertProblem(
                api.send(
                        "POST",
                        "/accounts",
                        "{\"username\":\"ok_name\",\"displayName\":{\"nested\":1},\"password\":\"password-1\"}",
                        null),
                400,
                "malformed_request",
                "displayName");
        String someone = api.newSignedInUser("Gender");
        assertProblem(
                api.send("PUT", "/me", Json.object("displayName", "x", "gender", "robot"), someone),
                400,
                "invalid_input",
                "gender");
        assertProblem(
                api.send("PUT", "/me", Json.object("displayName", "x", "phone", "+" + "1".repeat(32)), someone),
                400,
                "invalid_input",
                "phone");
        assertProblem(
                api.send("POST", "/accounts", "x", null, "Content-Type", "text/plain"), 415, "unsupported_media_type");
        assertProblem(api.send("GET", "/no-such-thing", null, null), 404, "not_found");
    }

    @Test
    void stateChangingRequestsFromAForeignOriginAreRefused() {
        assertProblem(
                api.send(
                        "POST",
                        "/accounts",
                        Json.object("username", Names.unique("csrf"), "displayName", "x", "password", "password-1"),
                        null,
                        "Origin",
                        "https://evil.example"),
                403,
                "forbidden_origin");
        URI self = api.base();
        String origin = self.getScheme() + "://" + self.getAuthority();
        expect(
                201,
                api.send(
                        "POST",
                        "/accounts",
                        Json.object("username", Names.unique("same"), "displayName", "x", "password", "password-1"),
                        null,
                        "Origin",
                        origin));
    }

    /**
     * Defence in depth beyond {@code SameSite}: a request authenticated by the cookie must show it
     * is same-origin ({@code Origin} or {@code Sec-Fetch-Site}); a {@code Referer} proves nothing.
     * A bearer-token client needs neither.
     */
    @Test
    void aCookieAloneCannotChangeStateWithoutProvingItsOrigin() {
        String username = Names.unique("Cookie");
        expect(201, api.register(username, "Before", "password-cookie"));
        String token = api.token(username, "password-cookie");
        String cookie = "plume_session=" + token;
        String change = Json.object("displayName", "Changed");
        URI self = api.base();
        String origin = self.getScheme() + "://" + self.getAuthority();

        assertProblem(api.send("PUT", "/me", change, null, "Cookie", cookie), 403, "forbidden_origin");
        assertProblem(
                api.send("PUT", "/me", change, null, "Cookie", cookie, "Referer", "https://evil.example/x"),
                403,
                "forbidden_origin");
        assertProblem(
                api.send("PUT", "/me", change, null, "Cookie", cookie, "Sec-Fetch-Site", "cross-site"),
                403,
                "forbidden_origin");
        assertThat(json(expect(200, api.send("GET", "/me", null, null, "Cookie", cookie)))
                        .getString("displayName"))
                .isEqualTo("Before");

        expect(200, api.send("PUT", "/me", change, null, "Cookie", cookie, "Origin", origin));
        expect(200, api.send("PUT", "/me", change, null, "Cookie", cookie, "Sec-Fetch-Site", "same-origin"));
        expect(200, api.send("PUT", "/me", change, token));
    }
}
