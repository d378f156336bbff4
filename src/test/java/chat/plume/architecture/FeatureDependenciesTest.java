package chat.plume.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The features depend on each other as {@code docs/architecture.md} says, and in one direction
 * only: the dependencies are read from the code (every reference to {@code chat.plume.<feature>}
 * in the main sources) and compared with the list in the document, which is read too.
 */
class FeatureDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/chat/plume");
    private static final Pattern REFERENCE = Pattern.compile("chat\\.plume\\.([a-z]+)\\.");
    private static final Pattern DOCUMENTED = Pattern.compile("^- `([a-z]+)` → (.*)$");

    @Test
    void theCodeDependsExactlyAsDocumented() throws IOException {
        assertThat(actual()).isEqualTo(documented());
    }

    @Test
    void noFeatureDependsOnItselfThroughOthers() throws IOException {
        Map<String, Set<String>> graph = actual();
        for (String start : graph.keySet()) {
            assertThat(reachable(graph, start))
                    .as("features reachable from " + start)
                    .doesNotContain(start);
        }
    }

    private static Map<String, Set<String>> actual() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> features = Files.list(SOURCES)) {
            for (Path feature : features.filter(Files::isDirectory).toList()) {
                String name = feature.getFileName().toString();
                Set<String> uses = new TreeSet<>();
                try (Stream<Path> files = Files.walk(feature)) {
                    for (Path file :
                            files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        Matcher m = REFERENCE.matcher(Files.readString(file));
                        while (m.find()) {
                            uses.add(m.group(1));
                        }
                    }
                }
                uses.remove(name);
                graph.put(name, uses);
            }
        }
        return graph;
    }

    private static Map<String, Set<String>> documented() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("docs/architecture.md"));
        int start = lines.indexOf("<!-- feature dependencies: checked by FeatureDependenciesTest -->");
        assertThat(start).as("the dependency list in docs/architecture.md").isNotNegative();
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            Matcher m = DOCUMENTED.matcher(line);
            if (!m.matches()) {
                break;
            }
            Set<String> uses = new TreeSet<>();
            for (String used : m.group(2).split(",")) {
                String name = used.strip().replace("`", "");
                if (!name.equals("nothing")) {
                    uses.add(name);
                }
            }
            graph.put(m.group(1), uses);
        }
        return graph;
    }

    private static Set<String> reachable(Map<String, Set<String>> graph, String from) {
        Set<String> seen = new TreeSet<>();
        List<String> next = new ArrayList<>(graph.getOrDefault(from, Set.of()));
        while (!next.isEmpty()) {
            String feature = next.remove(next.size() - 1);
            if (seen.add(feature)) {
                next.addAll(graph.getOrDefault(feature, Set.of()));
            }
        }
        return seen;
    }
}
