package chat.plume.platform.metrics;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The database pool's figures, read from the server's own statistics when scraped: connections
 * in use, and the time requests waited for one. WildFly publishes them (the build's CLI scripts
 * turn the datasource's statistics on) as an MBean; on a server that does not, the gauges read
 * NaN, which Prometheus shows as missing data rather than a false zero.
 */
@ApplicationScoped
public class PoolMetrics {

    private static final String WILDFLY_POOL = "jboss.as:subsystem=datasources,data-source=PlumeDS,statistics=pool";

    @Inject
    Metrics metrics;

    private MBeanServer server;
    private ObjectName pool;

    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Observing the application's start makes the bean, and with it the gauges, exist from the start.
    }

    @PostConstruct
    void register() {
        server = ManagementFactory.getPlatformMBeanServer();
        try {
            pool = new ObjectName(WILDFLY_POOL);
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
        metrics.gauge("plume.db.pool.in.use", "Database connections in use", () -> read("InUseCount"));
        // WildFly reports milliseconds; Prometheus's convention is seconds.
        metrics.gauge(
                "plume.db.pool.wait.average.seconds",
                "Average time a request waited for a database connection",
                () -> read("AverageBlockingTime") / 1000);
        metrics.gauge(
                "plume.db.pool.wait.max.seconds",
                "Longest time a request waited for a database connection",
                () -> read("MaxWaitTime") / 1000);
    }

    private double read(String attribute) {
        try {
            Object value = server.getAttribute(pool, attribute);
            return value instanceof Number n ? n.doubleValue() : Double.NaN;
        } catch (Exception e) {
            return Double.NaN;
        }
    }
}
