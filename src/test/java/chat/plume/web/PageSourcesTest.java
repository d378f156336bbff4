package chat.plume.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The page's sources keep the rules the Content-Security-Policy and the XSS policy rely on: no
 * inline script or event handler, no inline style, nothing from another origin, and no HTML
 * built from strings in script.
 */
class PageSourcesTest {

    private static final Path WEBAPP = Path.of("src/main/webapp");

    @Test
    void htmlHasNoInlineScriptHandlersStylesOrForeignResources() throws IOException {
        for (Path html : files(".html")) {
            String text = Files.readString(html);
            assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>")
                            .matcher(text)
                            .find())
                    .as("inline <script> in %s", html)
                    .isFalse();
            assertThat(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE)
                            .matcher(text)
                            .find())
                    .as("inline event handler in %s", html)
                    .isFalse();
            assertThat(Pattern.compile("\\sstyle\\s*=|<style", Pattern.CASE_INSENSITIVE)
                            .matcher(text)
                            .find())
                    .as("inline style in %s", html)
                    .isFalse();
            assertThat(Pattern.compile("(src|href)=\"(https?:)?//", Pattern.CASE_INSENSITIVE)
                            .matcher(text)
                            .find())
                    .as("resource from another origin in %s", html)
                    .isFalse();
        }
    }

    @Test
    void scriptsNeverInjectMarkupOrEvaluateStrings() throws IOException {
        Pattern forbidden =
                Pattern.compile("\\.innerHTML\\s*\\+?=|\\.outerHTML\\s*=|insertAdjacentHTML|document\\.write"
                        + "|\\beval\\(|new Function\\(");
        List<Path> scripts = files(".js");
        assertThat(scripts).isNotEmpty();
        for (Path script : scripts) {
            assertThat(forbidden.matcher(Files.readString(script)).find())
                    .as("markup injection in %s", script)
                    .isFalse();
        }
    }

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> paths = Files.walk(WEBAPP)) {
            return paths.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }
}
