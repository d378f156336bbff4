package chat.plume.bots.events;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where Plume may send a bot's events: an {@code http(s)} URL whose host resolves only to public
 * addresses — never loopback, link-local (cloud metadata lives at 169.254.169.254), private,
 * shared (CGNAT), multicast, unspecified or reserved ones, nor an IPv6 address that embeds one
 * (IPv4-mapped, NAT64, 6to4) — unless the operator allows the host or its network
 * ({@code plume.bots.webhook-allowed}). Every address the name resolves to must pass, so a name
 * with one public and one private address is refused. Checked again before every delivery (a
 * name can start pointing elsewhere); redirects are never followed.
 */
public final class PublicAddresses {

    /** Hosts (exact, case-insensitive) and networks ({@code 10.1.0.0/16}, {@code fd00::/8}) allowed even if not public. */
    private final List<String> allowed;

    public PublicAddresses(List<String> allowed) {
        this.allowed = allowed.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
        this.allowed.stream().filter(a -> a.contains("/")).forEach(Network::parse);
    }

    /** Why a URL may not receive events, or empty when it may. */
    public Optional<String> refusal(URI url) {
        if (url == null
                || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))
                || url.getHost() == null) {
            return Optional.of("The address must be an http or https URL.");
        }
        if (url.getUserInfo() != null) {
            return Optional.of("The address must not carry a user name or password.");
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (allowed.contains(host)) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of("The address's host does not resolve.");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address) && !allowedNetwork(address)) {
                return Optional.of("The address points to a private, loopback or reserved network address ("
                        + address.getHostAddress() + "); an operator can allow it with plume.bots.webhook-allowed.");
            }
        }
        return Optional.empty();
    }

    private boolean allowedNetwork(InetAddress address) {
        return allowed.stream().filter(a -> a.contains("/")).map(Network::parse).anyMatch(n -> n.contains(address));
    }

    /** Whether an address is on the public internet. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            // Unique local fc00::/7; site-local fec0::/10 (isSiteLocalAddress covers it); documentation 2001:db8::/32.
            if ((first & 0xfe) == 0xfc
                    || (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8)) {
                return false;
            }
            // IPv4-mapped ::ffff:a.b.c.d and IPv4-compatible ::a.b.c.d: judged by the IPv4 address.
            boolean zeros = true;
            for (int i = 0; i < 10; i++) {
                zeros &= b[i] == 0;
            }
            if (zeros && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
                return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]});
            }
            // NAT64 64:ff9b::/96 (and the local-use 64:ff9b:1::/48): the embedded IPv4 address decides.
            if (first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]});
            }
            // 6to4 2002::/16 embeds an IPv4 address in the next four bytes.
            if (first == 0x20 && (b[1] & 0xff) == 0x02) {
                return isPublicV4(new byte[] {b[2], b[3], b[4], b[5]});
            }
            return true;
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        return !(a0 == 0 // "this network"
                || a0 == 10 // private
                || a0 == 127 // loopback
                || (a0 == 100 && a1 >= 64 && a1 <= 127) // shared address space (CGNAT)
                || (a0 == 169 && a1 == 254) // link-local, cloud metadata
                || (a0 == 172 && a1 >= 16 && a1 <= 31) // private
                || (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                || (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 2) // documentation
                || (a0 == 192 && a1 == 168) // private
                || (a0 == 198 && (a1 == 18 || a1 == 19)) // benchmarking
                || (a0 == 198 && a1 == 51 && (b[2] & 0xff) == 100) // documentation
                || (a0 == 203 && a1 == 0 && (b[2] & 0xff) == 113) // documentation
                || a0 >= 224); // multicast, reserved, broadcast
    }

    /** A network in CIDR notation. */
    record Network(byte[] base, int bits) {

        static Network parse(String cidr) {
            String[] parts = cidr.split("/", 2);
            try {
                byte[] base = InetAddress.getByName(parts[0]).getAddress();
                int bits = Integer.parseInt(parts[1]);
                if (bits < 0 || bits > base.length * 8) {
                    throw new IllegalArgumentException();
                }
                return new Network(base, bits);
            } catch (UnknownHostException | IllegalArgumentException e) {
                throw new IllegalStateException("Setting plume.bots.webhook-allowed has a bad network: " + cidr, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != base.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((a[i / 8] & mask) != (base[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
