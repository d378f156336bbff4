package chat.plume.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every error code the sources can produce is in the table of {@code docs/protocol.md}, and the
 * table lists nothing else. The codes are read from the code, not from a list kept by hand: the
 * first code-like literal given to a refusal ({@code new …Exception(}, an attempt window),
 * to an error frame ({@code Frames.Error(}) or to a problem ({@code Problem.of(}), and the codes
 * the HTTP-layer mapper chooses by status.
 */
class ErrorCodesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern REFUSAL =
            Pattern.compile("(?:new \\w+(?:Exception|Windows)|Frames\\.Error|Problem\\.of)\\s*\\(([^;]{0,400})");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern CODE = Pattern.compile("[a-z][a-z_]*");
    private static final Pattern BY_STATUS =
            Pattern.compile("->[^;\\n]*?\"([a-z][a-z_]*)\"(?:\\s*:\\s*\"([a-z][a-z_]*)\")?");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z_]+)` \\|.*");

    @Test
    void everyCodeInTheCodeIsDocumentedAndNothingElse() throws IOException {
        assertThat(documented()).isEqualTo(produced());
    }

    @Test
    void theScanFindsCodesOfEveryKindOfSource() throws IOException {
        // Guards the scan itself: one code from each way a code is written.
        assertThat(produced())
                .contains(
                        "username_taken",
                        "invalid_frame",
                        "unknown_type",
                        "internal_error",
                        "method_not_allowed",
                        "too_many_attempts",
                        "busy");
    }

    static Set<String> produced() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher refusal = REFUSAL.matcher(text);
                while (refusal.find()) {
                    Matcher literal = LITERAL.matcher(refusal.group(1));
                    while (literal.find()) {
                        if (CODE.matcher(literal.group(1)).matches()) {
                            codes.add(literal.group(1));
                            break;
                        }
                    }
                }
                if (file.getFileName().toString().equals("WebApplicationExceptionMapper.java")) {
                    Matcher byStatus = BY_STATUS.matcher(text);
                    while (byStatus.find()) {
                        codes.add(byStatus.group(1));
                        if (byStatus.group(2) != null) {
                            codes.add(byStatus.group(2));
                        }
                    }
                }
            }
        }
        return codes;
    }

    static Set<String> documented() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("docs/protocol.md"));
        int start = lines.indexOf("<!-- error codes: checked by ErrorCodesTest -->");
        assertThat(start).as("the error code table in docs/protocol.md").isNotNegative();
        Set<String> codes = new TreeSet<>();
        for (String line : lines.subList(start + 3, lines.size())) {
            Matcher row = ROW.matcher(line);
            if (!row.matches()) {
                break;
            }
            codes.add(row.group(1));
        }
        return codes;
    }
}
