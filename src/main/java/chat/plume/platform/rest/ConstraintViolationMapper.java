package chat.plume.platform.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Valid;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.List;

/**
 * Bean Validation failures become a 400 problem detail that names each field as the client
 * knows it: a body property by its JSON name ({@code username}, not
 * {@code register.arg0.username}), a query or path parameter by its name in the URL ({@code q},
 * not the Java parameter {@code query}).
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        if (errors.isEmpty()) {
            return Problem.of(400, "invalid_input", "The request is not valid.", null)
                    .toResponse()
                    .build();
        }
        Problem.FieldError first = errors.get(0);
        return Problem.of(400, "invalid_input", first.field() + ": " + first.message(), first.field())
                .withErrors(errors)
                .toResponse()
                .build();
    }

    static String fieldOf(ConstraintViolation<?> violation) {
        Path.MethodNode method = null;
        String field = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                method = node.as(Path.MethodNode.class);
            } else if (node.getKind() == ElementKind.PARAMETER) {
                int index = node.as(Path.ParameterNode.class).getParameterIndex();
                field = method == null
                        ? node.getName()
                        : parameterName(violation.getRootBeanClass(), method, index, node.getName());
            } else if (node.getName() != null) {
                field = node.getName();
            }
        }
        return field == null ? "body" : field;
    }

    /**
     * The name a parameter has in the request (its @QueryParam, @PathParam …); "body" for the
     * entity parameter. Walks up the class hierarchy because the container may validate a proxy
     * subclass whose overriding methods carry no annotations.
     */
    private static String parameterName(Class<?> resource, Path.MethodNode node, int index, String fallback) {
        Class<?>[] types = node.getParameterTypes().toArray(Class[]::new);
        for (Class<?> type = resource; type != null && type != Object.class; type = type.getSuperclass()) {
            try {
                Method method = type.getDeclaredMethod(node.getName(), types);
                if (method.getParameterAnnotations().length <= index) {
                    return fallback;
                }
                for (Annotation annotation : method.getParameterAnnotations()[index]) {
                    if (annotation instanceof QueryParam q) {
                        return q.value();
                    } else if (annotation instanceof PathParam p) {
                        return p.value();
                    } else if (annotation instanceof HeaderParam h) {
                        return h.value();
                    } else if (annotation instanceof CookieParam c) {
                        return c.value();
                    } else if (annotation instanceof Valid) {
                        return "body";
                    }
                }
            } catch (NoSuchMethodException e) {
                // Declared further up.
            }
        }
        return fallback;
    }
}
