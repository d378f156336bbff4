package chat.plume.identity;

import static chat.plume.testing.Api.expect;
import static chat.plume.testing.Api.json;
import static chat.plume.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Json;
import chat.plume.testing.MailServer;
import chat.plume.testing.Names;
import chat.plume.testing.Person;
import chat.plume.testing.WsClient;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Email addresses and forgotten passwords, black box, with a real SMTP server (GreenMail) on
 * loopback that the server under test sends to: the mails arrive, in the person's language, with
 * a plain-text and an HTML part; their links work once; a reset signs every session out and is
 * told by mail; asking for a reset says nothing about whether the account exists.
 */
@RunAsClient
class EmailIT extends ClientTestBase {

    private static final Duration MAIL = Duration.ofSeconds(20);
    private static MailServer mail;

    @BeforeAll
    static void startMailServer() {
        mail = MailServer.start();
    }

    @AfterAll
    static void stopMailServer() {
        mail.close();
    }

    @Test
    void anAddressIsVerifiedByItsLinkOnceAndBelongsToOneAccount() {
        Person alice = Person.create(api, "Mail");
        String address = alice.username().toLowerCase(Locale.ROOT) + "@mail.plume.test";
        JsonObject pending = json(expect(
                202,
                alice.api()
                        .send(
                                "PUT",
                                "/me/email",
                                Json.object("email", address),
                                alice.token(),
                                "Accept-Language",
                                "zh-CN,zh;q=0.9")));
        assertThat(pending.getString("pendingEmail")).isEqualTo(address);
        assertThat(pending.containsKey("email")).isFalse();

        MailServer.Received verify = mail.await(address, MAIL);
        assertThat(verify.subject()).isEqualTo("确认你的邮箱地址");
        assertThat(verify.text()).contains("@" + alice.username()).contains("/#/verify-email/");
        assertThat(verify.html()).contains("<a href=\"http://127.0.0.1:8180/#/verify-email/");
        String token = verify.token("verify-email");

        // Mixed case: the address is the same one.
        JsonObject verified =
                json(expect(200, api.send("POST", "/email-verifications", Json.object("token", token), null)));
        assertThat(verified.getString("email")).isEqualTo(address);
        JsonObject me = Person.ok(200, alice.get("/me"));
        assertThat(me.getString("email")).isEqualTo(address);
        assertThat(me.containsKey("pendingEmail")).isFalse();
        assertProblem(api.send("POST", "/email-verifications", Json.object("token", token), null), 400, "invalid_link");

        // Someone else may ask for the same address (nothing tells them it is taken), but the
        // link, opened by the address's owner, cannot make it theirs too.
        Person mallory = Person.create(api, "Mail");
        expect(202, mallory.put("/me/email", Json.object("email", address.toUpperCase(Locale.ROOT))));
        String stolen = mail.await(address, 2, MAIL).token("verify-email");
        assertProblem(api.send("POST", "/email-verifications", Json.object("token", stolen), null), 409, "email_taken");
        assertThat(Person.ok(200, mallory.get("/me")).containsKey("email")).isFalse();

        // A new address is verified the same way, and the old one is told (without the new one in full).
        String newer = "new-" + address;
        expect(202, alice.put("/me/email", Json.object("email", newer)));
        assertThat(Person.ok(200, alice.get("/me")).getString("email")).isEqualTo(address);
        expect(
                200,
                api.send(
                        "POST",
                        "/email-verifications",
                        Json.object("token", mail.await(newer, MAIL).token("verify-email")),
                        null));
        assertThat(Person.ok(200, alice.get("/me")).getString("email")).isEqualTo(newer);
        MailServer.Received told = mail.await(address, 3, MAIL);
        assertThat(told.subject()).isEqualTo("你的邮箱地址已更改");
        assertThat(told.text()).contains("n***@mail.plume.test").doesNotContain(newer);
    }

    @Test
    void aForgottenPasswordIsResetByASingleUseLinkThatSignsEveryDeviceOut() {
        Person bob = Person.create(api, "Reset");
        String address = verifiedAddress(bob);
        Person otherDevice = bob.anotherSession();
        try (WsClient socket = otherDevice.connect()) {
            // By address, in another case than it was typed: the same account.
            expect(
                    202,
                    api.send("POST", "/password-resets", Json.object("login", address.toUpperCase(Locale.ROOT)), null));
            MailServer.Received reset = mail.await(address, 2, MAIL);
            assertThat(reset.subject()).isEqualTo("Reset your password");
            assertThat(reset.text()).contains("30 minutes");
            String token = reset.token("reset-password");

            assertProblem(
                    api.send(
                            "POST",
                            "/password-resets/complete",
                            Json.object("token", token, "newPassword", bob.username()),
                            null),
                    400,
                    "password_is_username");
            expect(
                    204,
                    api.send(
                            "POST",
                            "/password-resets/complete",
                            Json.object("token", token, "newPassword", "a brand new password"),
                            null));

            // Every session ended, the live socket too (telling the page why), and the old password is gone.
            assertThat(socket.awaitClose(Duration.ofSeconds(10)).reason()).isEqualTo("password_reset");
            assertProblem(bob.get("/me"), 401, "unauthenticated");
            assertProblem(otherDevice.get("/me"), 401, "unauthenticated");
            assertProblem(api.signIn(bob.username(), "pass-" + bob.username()), 401, "invalid_credentials");
            expect(201, api.signIn(bob.username(), "a brand new password"));

            // The link works once, and the person is told by mail.
            assertProblem(
                    api.send(
                            "POST",
                            "/password-resets/complete",
                            Json.object("token", token, "newPassword", "yet another one"),
                            null),
                    400,
                    "invalid_link");
            MailServer.Received told = mail.await(address, 3, MAIL);
            assertThat(told.subject()).isEqualTo("Your password was changed");
        }
    }

    @Test
    void aNewerResetLinkEndsTheOlderOne() {
        Person carol = Person.create(api, "Reset");
        String address = verifiedAddress(carol);
        expect(202, api.send("POST", "/password-resets", Json.object("login", carol.username()), null));
        String first = mail.await(address, 2, MAIL).token("reset-password");
        expect(202, api.send("POST", "/password-resets", Json.object("login", carol.username()), null));
        String second = mail.await(address, 3, MAIL).token("reset-password");
        assertProblem(
                api.send(
                        "POST",
                        "/password-resets/complete",
                        Json.object("token", first, "newPassword", "first new password"),
                        null),
                400,
                "invalid_link");
        expect(
                204,
                api.send(
                        "POST",
                        "/password-resets/complete",
                        Json.object("token", second, "newPassword", "second new password"),
                        null));
        assertProblem(
                api.send(
                        "POST",
                        "/password-resets/complete",
                        Json.object(
                                "token", "plm_made-up-token-made-up-token-made-up-tok", "newPassword", "whatever pass"),
                        null),
                400,
                "invalid_link");
    }

    @Test
    void askingForAResetSaysNothingAboutWhetherTheAccountExists() {
        Person known = Person.create(api, "Enum");
        verifiedAddress(known);
        Person noAddress = Person.create(api, "Enum");
        List<String> logins = List.of(
                known.username(),
                noAddress.username(),
                Names.unique("Nobody"),
                "nobody-" + Names.unique("x") + "@mail.plume.test");
        List<String> answers = new ArrayList<>();
        List<Long> medians = new ArrayList<>();
        for (String login : logins) {
            long[] times = new long[5];
            String answer = null;
            for (int i = 0; i < times.length; i++) {
                long start = System.nanoTime();
                HttpResponse<String> response = api.send("POST", "/password-resets", Json.object("login", login), null);
                times[i] = System.nanoTime() - start;
                String seen = response.statusCode() + " " + response.body();
                assertThat(answer == null || answer.equals(seen)).as(seen).isTrue();
                answer = seen;
            }
            java.util.Arrays.sort(times);
            answers.add(answer);
            medians.add(times[2] / 1_000_000);
        }
        // The same status and body for an account with an address, one without, and none at all …
        assertThat(answers)
                .allSatisfy(a -> assertThat(a).isEqualTo(answers.get(0)).startsWith("202 "));
        // … and no time difference that tells them apart (each is a few milliseconds; a password
        // hash, the usual giveaway, would be hundreds).
        long spread = medians.stream().mapToLong(Long::longValue).max().orElseThrow()
                - medians.stream().mapToLong(Long::longValue).min().orElseThrow();
        assertThat(spread).as("median times (ms) " + medians).isLessThan(100);
    }

    @Test
    void badInputIsRefusedByName() {
        Person dave = Person.create(api, "Bad");
        assertProblem(dave.put("/me/email", Json.object("email", "not an address")), 400, "invalid_input", "email");
        assertProblem(
                dave.put("/me/email", Json.object("email", "a".repeat(250) + "@x.test")),
                400,
                "invalid_input",
                "email");
        assertProblem(
                api.send("POST", "/password-resets", Json.object("login", ""), null), 400, "invalid_input", "login");
        assertProblem(
                api.send("POST", "/password-resets/complete", Json.object("token", "x", "newPassword", "short"), null),
                400,
                "invalid_input",
                "newPassword");
        assertProblem(
                api.send("POST", "/email-verifications", Json.object("token", "plm_" + "A".repeat(43)), null),
                400,
                "invalid_link");
        assertProblem(api.send("PUT", "/me/email", Json.object("email", "x@y.test"), null), 401, "unauthenticated");
    }

    @Test
    void anAdministratorCanMailAResetLink() {
        Person erin = Person.create(api, "Admin");
        Person admin = Person.admin(api);
        assertProblem(
                admin.post("/admin/people/" + erin.id() + "/password-reset", Json.object("reason", "asked by phone")),
                409,
                "no_verified_email");
        String address = verifiedAddress(erin);
        JsonObject record = Person.ok(
                200,
                admin.post("/admin/people/" + erin.id() + "/password-reset", Json.object("reason", "asked by phone")));
        assertThat(record.getJsonObject("account").getString("email"))
                .isEqualTo(address.charAt(0) + "***@mail.plume.test");
        String token = mail.await(address, 2, MAIL).token("reset-password");
        expect(
                204,
                api.send(
                        "POST",
                        "/password-resets/complete",
                        Json.object("token", token, "newPassword", "chosen by erin"),
                        null));
        // The reset ended erin's sessions; she signs in with the password she chose.
        Person again = Person.existing(api, erin.username(), "chosen by erin");
        // Only administrators.
        assertProblem(
                again.post("/admin/people/" + erin.id() + "/password-reset", Json.object("reason", "me")),
                403,
                "admin_only");
    }

    /** Gives the person a verified address through its mailed link; returns it. */
    private String verifiedAddress(Person person) {
        String address = person.username().toLowerCase(Locale.ROOT) + "@mail.plume.test";
        expect(202, person.put("/me/email", Json.object("email", address)));
        expect(
                200,
                api.send(
                        "POST",
                        "/email-verifications",
                        Json.object("token", mail.await(address, MAIL).token("verify-email")),
                        null));
        return address;
    }
}
