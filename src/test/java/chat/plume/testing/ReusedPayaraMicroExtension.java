package chat.plume.testing;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Puts {@link ReusedPayaraMicro} in place of the Payara Micro adapter's container, on the
 * Payara leg only: the WildFly legs run without the Payara adapter on their class path.
 */
public class ReusedPayaraMicroExtension implements LoadableExtension {

    private static final String PAYARA_CONTAINER =
            "fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer";

    @Override
    public void register(ExtensionBuilder builder) {
        if (onClassPath(PAYARA_CONTAINER)) {
            Overrides.apply(builder);
        }
    }

    private static boolean onClassPath(String name) {
        try {
            Class.forName(name, false, ReusedPayaraMicroExtension.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Apart, so that the Payara classes are only loaded once they are known to be there. */
    private static final class Overrides {
        static void apply(ExtensionBuilder builder) {
            builder.override(DeployableContainer.class, PayaraMicroDeployableContainer.class, ReusedPayaraMicro.class);
        }
    }
}
