package chat.plume.platform.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;

/**
 * Bean Validation failures on request bodies and parameters become a 400 problem detail that
 * names each field (the last node of the property path: {@code username}, not
 * {@code register.arg0.username}).
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
            return Problem.of(400, "invalid_input", "The request is not valid.", null).toResponse().build();
        }
        Problem.FieldError first = errors.get(0);
        return Problem.of(400, "invalid_input", first.field() + ": " + first.message(), first.field())
                .withErrors(errors).toResponse().build();
    }

    static String fieldOf(ConstraintViolation<?> violation) {
        String last = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getName() != null && node.getKind() != jakarta.validation.ElementKind.METHOD
                    && node.getKind() != jakarta.validation.ElementKind.PARAMETER) {
                last = node.getName();
            } else if (node.getKind() == jakarta.validation.ElementKind.PARAMETER && last == null) {
                last = node.getName();
            }
        }
        return last == null ? "body" : last;
    }
}
