package chat.plume.admin;

import chat.plume.platform.error.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** What the admin resources share in reading a request: times in query parameters, the client's address. */
public final class AdminRequests {

    /** Longest reason an administrator may give (the audit column's size). */
    public static final int REASON_MAX = 500;

    private AdminRequests() {}

    /** An ISO-8601 instant ({@code 2026-12-06T10:00:00Z}) from a query parameter, as UTC; null if absent. */
    public static LocalDateTime time(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.ofInstant(Instant.parse(value.strip()), ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(
                    "invalid_input", field, field + " must be an ISO-8601 time such as 2026-12-06T10:00:00Z.");
        }
    }

    public static String address(HttpServletRequest http) {
        return http.getRemoteAddr();
    }
}
