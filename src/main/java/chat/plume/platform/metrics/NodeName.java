package chat.plume.platform.metrics;

import chat.plume.platform.Settings;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * This node's name, as figures, health and the console show it: {@code plume.node.name}
 * ({@code PLUME_NODE_NAME}), else the host name. Several nodes must be named apart.
 */
public final class NodeName {

    private static final String NAME = Settings.lookup("plume.node.name").orElseGet(NodeName::hostName);

    private NodeName() {}

    public static String get() {
        return NAME;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "plume";
        }
    }
}
