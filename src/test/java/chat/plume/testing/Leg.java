package chat.plume.testing;

/**
 * Which leg of the IT matrix is running (pom.xml: {@code plume.it.leg}), for the few assertions
 * where a server does something Plume cannot change — each documented where it is used and in
 * docs/architecture.md ("Servers and databases").
 */
public final class Leg {

    private Leg() {}

    public static String name() {
        return System.getProperty("plume.it.leg", "wildfly-h2");
    }

    public static boolean payara() {
        return name().startsWith("payara");
    }
}
