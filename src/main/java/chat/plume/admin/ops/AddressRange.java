package chat.plume.admin.ops;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An address or a CIDR range ({@code 10.0.0.0/8}, {@code ::1}, {@code fd00::/8}), written as
 * numbers: a range of names would need lookups on every check.
 */
record AddressRange(byte[] network, int prefix) {

    static AddressRange parse(String text) {
        String spec = text.strip();
        int slash = spec.indexOf('/');
        String address = slash < 0 ? spec : spec.substring(0, slash);
        if (!LITERAL.matcher(address).matches()) {
            throw new IllegalArgumentException("Not an IP address or range: " + text);
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(spec.substring(slash + 1));
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("Bad prefix length in " + text);
            }
            return new AddressRange(bytes, prefix);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("Not an IP address or range: " + text, e);
        }
    }

    /** IPv4 dotted quads and IPv6 (with a colon): literals only, so no name is ever looked up. */
    private static final java.util.regex.Pattern LITERAL =
            java.util.regex.Pattern.compile("(\\d{1,3}(\\.\\d{1,3}){3})|([0-9a-fA-F]*:[0-9a-fA-F:.]*(%[0-9A-Za-z]+)?)");

    boolean contains(String remote) {
        if (remote == null || !LITERAL.matcher(remote).matches()) {
            return false;
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(remote).getAddress();
        } catch (UnknownHostException e) {
            return false;
        }
        if (bytes.length != network.length) {
            return false;
        }
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (bytes[whole] & mask) == (network[whole] & mask);
    }
}
