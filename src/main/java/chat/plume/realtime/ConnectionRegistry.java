package chat.plume.realtime;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every open connection on this node, by user: a user maps to all of that user's connections
 * (tabs, devices). Bean-managed concurrency over concurrent maps: lookups never wait on each
 * other, and the add/remove of one user's connections is atomic per user, so "came online" and
 * "went offline" are each reported exactly once.
 *
 * <p>Per node: in a cluster, each node knows its own connections only. It touches no
 * transactional resource, so no call starts (or joins) a transaction: a fan-out looks up every
 * recipient here.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ConnectionRegistry {

    private final Map<Long, Set<Connection>> byUser = new ConcurrentHashMap<>();
    /** Kept beside the map: counting its sets on every scrape would cost a walk over everyone. */
    private final AtomicInteger connections = new AtomicInteger();

    /** Adds a connection; returns true when it is the user's first (the user came online). */
    public boolean add(Connection connection) {
        AtomicBoolean first = new AtomicBoolean();
        byUser.compute(connection.accountId(), (user, connections) -> {
            Set<Connection> set = connections == null ? ConcurrentHashMap.newKeySet() : connections;
            first.set(set.isEmpty());
            if (set.add(connection)) {
                this.connections.incrementAndGet();
            }
            return set;
        });
        return first.get();
    }

    /** Removes a connection; returns true when it was the user's last (the user went offline). */
    public boolean remove(Connection connection) {
        AtomicBoolean last = new AtomicBoolean();
        byUser.computeIfPresent(connection.accountId(), (user, connections) -> {
            boolean removed = connections.remove(connection);
            if (removed) {
                this.connections.decrementAndGet();
            }
            if (removed && connections.isEmpty()) {
                last.set(true);
                return null;
            }
            return connections.isEmpty() ? null : connections;
        });
        return last.get();
    }

    public Collection<Connection> connectionsOf(long accountId) {
        Set<Connection> connections = byUser.get(accountId);
        return connections == null ? List.of() : List.copyOf(connections);
    }

    /** This connection of this user, if it is open on this node. */
    public Optional<Connection> connection(long accountId, String connectionId) {
        Set<Connection> connections = byUser.get(accountId);
        return connections == null
                ? Optional.empty()
                : connections.stream().filter(c -> c.id().equals(connectionId)).findFirst();
    }

    /** Whether this connection of this user is open on this node. */
    public boolean isConnected(long accountId, String connectionId) {
        return connection(accountId, connectionId).isPresent();
    }

    public boolean isOnline(long accountId) {
        return byUser.containsKey(accountId);
    }

    /** Connections open on this node now. */
    public int connectionCount() {
        return connections.get();
    }

    /** People with at least one connection on this node now. */
    public int onlineCount() {
        return byUser.size();
    }

    /** A snapshot of every connection, for the heartbeat. */
    public List<Connection> all() {
        return byUser.values().stream().flatMap(Set::stream).toList();
    }
}
