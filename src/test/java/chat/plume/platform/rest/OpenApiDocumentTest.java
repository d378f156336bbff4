package chat.plume.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.identity.boundary.Authenticated;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The committed OpenAPI description (served at /openapi.yaml) names exactly the operations the
 * JAX-RS resources implement: adding or removing an endpoint without documenting it fails here.
 */
class OpenApiDocumentTest {

    private static final Map<Class<? extends Annotation>, String> VERBS = Map.of(
            GET.class, "get", POST.class, "post", PUT.class, "put", DELETE.class, "delete", PATCH.class, "patch");

    @Test
    void everyResourceOperationIsDocumentedAndNothingElse() throws Exception {
        assertThat(documentedOperations()).isEqualTo(implementedOperations().keySet());
    }

    /**
     * An operation that needs a signed-in caller (its resource says {@code @Authenticated}) must
     * not be documented as public, and must document its 401; a public one must say
     * {@code security: []}.
     */
    @Test
    void everyOperationHasAnIdAndItsAuthenticationIsDocumentedAsImplemented() throws Exception {
        Map<String, Boolean> authenticated = implementedOperations();
        Set<String> ids = new TreeSet<>();
        paths().forEach((path, operations) -> operations.forEach((verb, operation) -> {
            String key = verb + " " + path;
            assertThat(ids.add((String) operation.get("operationId")))
                    .as("unique operationId at %s", key)
                    .isTrue();
            @SuppressWarnings("unchecked")
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            boolean documentedPublic = List.of().equals(operation.get("security"));
            if (Boolean.TRUE.equals(authenticated.get(key))) {
                assertThat(documentedPublic)
                        .as("%s needs a caller but is documented as public", key)
                        .isFalse();
                assertThat(responses).as("%s documents 401", key).containsKey("401");
            } else {
                assertThat(documentedPublic)
                        .as("%s is public but not documented with security: []", key)
                        .isTrue();
            }
        }));
    }

    @Test
    void everyReferenceResolves() throws IOException {
        String text = Files.readString(java.nio.file.Path.of("src/main/webapp/openapi.yaml"));
        Map<String, Object> document = new Yaml().load(text);
        Matcher refs = Pattern.compile("\\$ref: '#/([^']+)'").matcher(text);
        int count = 0;
        while (refs.find()) {
            Object node = document;
            for (String part : refs.group(1).split("/")) {
                assertThat(node).as("$ref %s", refs.group(1)).isInstanceOf(Map.class);
                node = ((Map<?, ?>) node).get(part);
            }
            assertThat(node).as("$ref %s resolves", refs.group(1)).isNotNull();
            count++;
        }
        assertThat(count).isPositive();
    }

    private Set<String> documentedOperations() throws IOException {
        Set<String> operations = new TreeSet<>();
        paths().forEach((path, verbs) -> verbs.keySet().forEach(verb -> operations.add(verb + " " + path)));
        return operations;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Map<String, Object>>> paths() throws IOException {
        try (InputStream in = Files.newInputStream(java.nio.file.Path.of("src/main/webapp/openapi.yaml"))) {
            Map<String, Object> document = new Yaml().load(in);
            return (Map<String, Map<String, Map<String, Object>>>) document.get("paths");
        }
    }

    /** Every implemented operation ("get /users/{username}") and whether it needs a caller. */
    private Map<String, Boolean> implementedOperations() throws Exception {
        java.nio.file.Path classes = java.nio.file.Path.of("target/classes");
        Map<String, Boolean> operations = new TreeMap<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file :
                    files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name =
                        classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                Path root = type.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    for (var verb : VERBS.entrySet()) {
                        if (method.isAnnotationPresent(verb.getKey())) {
                            Path sub = method.getAnnotation(Path.class);
                            boolean needsCaller = type.isAnnotationPresent(Authenticated.class)
                                    || method.isAnnotationPresent(Authenticated.class);
                            operations.put(
                                    verb.getValue() + " " + join(root.value(), sub == null ? "" : sub.value()),
                                    needsCaller);
                        }
                    }
                }
            }
        }
        return operations;
    }

    private static String join(String root, String sub) {
        String path = "/" + root.replaceAll("^/|/$", "") + (sub.isEmpty() ? "" : "/" + sub.replaceAll("^/|/$", ""));
        return path.replaceAll("\\{(\\w+)(:[^}]*)?}", "{$1}");
    }
}
