package chat.plume.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;

/** Asserts that a response is the RFC 9457 problem detail with the given status and code. */
public final class Problems {

    private Problems() {}

    public static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonObject problem = Api.json(response);
        assertThat(problem.getString("code")).isEqualTo(code);
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("type")).isEqualTo("urn:plume:problem:" + code);
    }

    public static void assertProblem(HttpResponse<String> response, int status, String code, String field) {
        assertProblem(response, status, code);
        assertThat(Api.json(response).getString("field", null)).isEqualTo(field);
    }
}
