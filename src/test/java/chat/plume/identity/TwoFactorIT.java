package chat.plume.identity;

import static chat.plume.testing.Person.ok;
import static chat.plume.testing.Person.okArray;
import static chat.plume.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.Api;
import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Json;
import chat.plume.testing.Person;
import chat.plume.testing.TotpCodes;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/** Two-factor authentication through the API, and the admin console's need for it. */
@RunAsClient
class TwoFactorIT extends ClientTestBase {

    @Test
    void enrolSignInWithACodeOnceUseARecoveryCodeOnceAndTurnItOff() {
        Person person = Person.create(api, "Totp");
        String password = "pass-" + person.username();
        assertThat(ok(200, person.get("/me/two-factor")).getBoolean("enabled")).isFalse();
        // A session alone cannot enrol: the password too.
        assertProblem(person.post("/me/two-factor", "{}"), 400, "invalid_input", "password");
        assertProblem(person.post("/me/two-factor", Json.object("password", "not-it")), 401, "invalid_credentials");
        Person laptop = person.anotherSession();
        JsonObject enrolment = ok(200, person.post("/me/two-factor", Json.object("password", password)));
        String secret = enrolment.getString("secret");
        assertThat(enrolment.getString("uri"))
                .startsWith("otpauth://totp/Plume:" + person.username() + "?secret=" + secret);
        List<String> qr = enrolment.getJsonArray("qr").getValuesAs(JsonString::getString);
        assertThat(qr)
                .hasSizeGreaterThanOrEqualTo(21)
                .allMatch(row -> row.matches("[01]+") && row.length() == qr.size());
        // Not on until confirmed: signing in still needs no code.
        assertThat(api.signIn(person.username(), password).statusCode()).isEqualTo(201);
        assertProblem(
                person.post("/me/two-factor/confirm", Json.object("code", "000000")), 401, "invalid_second_factor");
        List<String> recovery = ok(
                        200, person.post("/me/two-factor/confirm", Json.object("code", TotpCodes.fresh(secret))))
                .getJsonArray("recoveryCodes")
                .getValuesAs(JsonString::getString);
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z2-9]{5}-[a-z2-9]{5}"));
        assertThat(ok(200, person.get("/me/two-factor")).getInt("recoveryCodesLeft"))
                .isEqualTo(10);
        // Sessions that began without the second factor end with its arrival.
        assertProblem(laptop.get("/me"), 401, "unauthenticated");

        assertProblem(api.signIn(person.username(), password), 401, "second_factor_required");
        assertProblem(signIn(person, password, "123456"), 401, "invalid_second_factor");
        String code = TotpCodes.fresh(secret);
        assertThat(signIn(person, password, code).statusCode()).isEqualTo(201);
        assertProblem(signIn(person, password, code), 401, "invalid_second_factor");
        // A wrong password never reaches the code.
        assertProblem(signIn(person, "wrong-password", TotpCodes.at(secret, 0)), 401, "invalid_credentials");

        String spare = recovery.get(3);
        assertThat(signIn(person, password, spare.toUpperCase()).statusCode()).isEqualTo(201);
        assertProblem(signIn(person, password, spare), 401, "invalid_second_factor");
        assertThat(ok(200, person.get("/me/two-factor")).getInt("recoveryCodesLeft"))
                .isEqualTo(9);

        assertProblem(person.post("/me/two-factor", Json.object("password", password)), 409, "second_factor_enabled");
        Api.expect(
                204, person.post("/me/two-factor/disable", Json.object("password", password, "code", recovery.get(0))));
        assertThat(api.signIn(person.username(), password).statusCode()).isEqualTo(201);
    }

    @Test
    void codesCannotBeGuessedFasterThanPasswords() {
        Person person = Person.create(api, "Guess");
        person.enrolTwoFactor();
        // Five wrong codes (the account's sign-in allowance) on a step-up, then refused outright.
        for (int i = 0; i < 5; i++) {
            assertProblem(
                    person.post("/sessions/current/verify", Json.object("code", String.format("%06d", i))),
                    401,
                    "invalid_second_factor");
        }
        assertProblem(person.post("/sessions/current/verify", Json.object("code", "000009")), 429, "too_many_attempts");
        // The same allowance covers sign-in: no more guesses there either.
        assertProblem(signIn(person, "pass-" + person.username(), "000010"), 429, "too_many_attempts");
    }

    @Test
    void theConsoleNeedsASessionWithASecondFactor() {
        Person admin = Person.admin(api);
        Person helper = Person.create(api, "NewAdmin");
        ok(200, admin.put("/admin/people/" + helper.id() + "/role", Json.object("reason", "on call", "role", "admin")));
        assertProblem(helper.get("/admin/people"), 403, "second_factor_required");
        String secret = helper.enrolTwoFactor();
        // Enrolling on this very session counts as its second factor.
        ok(200, helper.get("/admin/people"));
        Person other = Person.existing(api, helper.username(), "pass-" + helper.username(), TotpCodes.fresh(secret));
        okArray(200, other.get("/admin/audit"));
        // Turning it off ends the other sessions, and this one loses the console.
        Api.expect(
                204,
                other.post(
                        "/me/two-factor/disable",
                        Json.object("password", "pass-" + helper.username(), "code", TotpCodes.fresh(secret))));
        assertProblem(other.get("/admin/audit"), 403, "second_factor_required");
        assertProblem(helper.get("/me"), 401, "unauthenticated");
        ok(
                200,
                admin.put(
                        "/admin/people/" + helper.id() + "/role", Json.object("reason", "rota over", "role", "user")));
        assertProblem(other.get("/admin/audit"), 403, "admin_only");
        // Each change is in the audit log, as Plume's own record about the account.
        assertThat(okArray(200, admin.get("/admin/audit?targetKind=account&target=" + helper.id()))
                        .getValuesAs(JsonObject.class))
                .extracting(r -> r.getString("action"))
                .contains("account.two_factor_on", "account.two_factor_off", "account.role");
    }

    @Test
    void codesAreCheckedForShapeAndLength() {
        Person person = Person.create(api, "TotpInput");
        assertProblem(
                person.post("/me/two-factor/confirm", Json.object("code", "1".repeat(33))),
                400,
                "invalid_input",
                "code");
        assertProblem(person.post("/me/two-factor/confirm", "{}"), 400, "invalid_input", "code");
        assertProblem(person.post("/me/two-factor/confirm", Json.object("code", "123456")), 409, "no_enrolment");
        assertProblem(
                person.post("/me/two-factor", Json.object("password", "x".repeat(300))),
                400,
                "invalid_input",
                "password");
        assertProblem(
                person.post("/sessions/current/verify", Json.object("code", "123456")),
                409,
                "second_factor_not_enabled");
        assertProblem(
                api.send(
                        "POST",
                        "/sessions",
                        Json.object("username", person.username(), "password", "x", "code", "9".repeat(40)),
                        null),
                400,
                "invalid_input",
                "code");
    }

    private HttpResponse<String> signIn(Person person, String password, String code) {
        return api.send(
                "POST",
                "/sessions",
                Json.object("username", person.username(), "password", password, "code", code),
                null);
    }
}
