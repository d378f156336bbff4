package chat.plume.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.plume.testing.Api;
import chat.plume.testing.Deployments;
import chat.plume.testing.Json;
import chat.plume.testing.Person;
import chat.plume.testing.TotpCodes;
import jakarta.annotation.Resource;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the container (to make a session old without waiting for it): a sensitive admin action on
 * a session that proved itself long ago asks for a fresh code, and goes through after one.
 */
@ExtendWith(ArquillianExtension.class)
class AdminFreshnessIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.plumeWith(AdminFreshnessIT.class);
    }

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Test
    void aBanOnAStaleSessionNeedsAFreshCode() throws Exception {
        Api api = new Api(URI.create(System.getProperty("plume.it.base-url", "http://127.0.0.1:8180")));
        Person boss = Person.admin(api);
        Person admin = Person.create(api, "Fresh");
        Person target = Person.create(api, "Stale");
        Api.expect(
                200, boss.put("/admin/people/" + admin.id() + "/role", Json.object("reason", "test", "role", "admin")));
        String secret = admin.enrolTwoFactor();

        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "UPDATE auth_session SET verified_at = verified_at - INTERVAL '1' DAY WHERE account_id = ?")) {
            s.setLong(1, admin.id());
            assertEquals(1, s.executeUpdate());
        }
        String ban = Json.object("reason", "stale session test");
        HttpResponse<String> refused = admin.post("/admin/people/" + target.id() + "/ban", ban);
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("reauthentication_required", Api.json(refused).getString("code"));
        // Muting is not sensitive: it goes through on the same session.
        Api.expect(
                200,
                admin.post(
                        "/admin/people/" + target.id() + "/mute",
                        Json.object(
                                "reason",
                                "meanwhile",
                                "until",
                                java.time.Instant.now().plusSeconds(600).toString())));

        Api.expect(204, admin.post("/sessions/current/verify", Json.object("code", TotpCodes.fresh(secret))));
        Api.expect(200, admin.post("/admin/people/" + target.id() + "/ban", ban));
    }
}
