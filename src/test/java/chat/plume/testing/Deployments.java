package chat.plume.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployment the ITs run against: the very WAR the build produced (target/plume.war), not a
 * hand-picked subset of classes, so the ITs test what ships. In-container tests add themselves.
 */
public final class Deployments {

    private Deployments() {}

    public static WebArchive plume() {
        File war = new File(System.getProperty("plume.war", "target/plume.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: run the ITs through ./mvnw verify");
        }
        return ShrinkWrap.create(ZipImporter.class, "plume.war").importFrom(war).as(WebArchive.class);
    }

    /** The WAR plus in-container test classes and the helpers they use. */
    public static WebArchive plumeWith(Class<?>... testClasses) {
        return plume().addClasses(testClasses)
                .addClasses(
                        Json.class,
                        WsClient.class,
                        WsClient.Closed.class,
                        Await.class,
                        Callers.class,
                        Names.class,
                        Api.class,
                        Person.class,
                        TotpCodes.class);
    }
}
