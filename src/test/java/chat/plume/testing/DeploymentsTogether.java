package chat.plume.testing;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Runs the black-box test classes (one deployment: the WAR as built) one after another, then the
 * in-container ones (each its own deployment), alphabetically within each. On the Payara leg a
 * server then boots once for all the black-box classes ({@link ReusedPayaraMicro}) instead of
 * again after every in-container class that came between them.
 */
public class DeploymentsTogether implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors()
                .sort(Comparator.comparing(
                                (ClassDescriptor d) -> !ClientTestBase.class.isAssignableFrom(d.getTestClass()))
                        .thenComparing(d -> d.getTestClass().getName()));
    }
}
