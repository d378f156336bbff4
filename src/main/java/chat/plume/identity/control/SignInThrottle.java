package chat.plume.identity.control;

import java.time.Clock;
import java.time.Duration;

/**
 * Limits failed sign-ins per account (the username, whether or not it exists, so that the limit
 * reveals nothing) and per client address. Every attempt is counted before the password is
 * checked; a successful one is given back. Once either count reaches its limit, sign-ins for
 * that account or from that address are refused until the window ends — even with the right
 * password, which is what stops guessing.
 *
 * <p>The price is that anyone can keep a known username locked for a window at a time; the
 * window is short (15 minutes by default) and the owner's other devices stay signed in.
 * Per node and in memory: a restart forgets, and in a cluster each node counts on its own.
 */
public class SignInThrottle {

    private final AttemptWindows accounts;
    private final AttemptWindows addresses;

    public SignInThrottle(Clock clock, int perAccount, int perAddress, Duration window) {
        this.accounts = new AttemptWindows(clock, perAccount, window, "too_many_attempts");
        this.addresses = new AttemptWindows(clock, perAddress, window, "too_many_attempts");
    }

    /**
     * Counts an attempt for both, or refuses with 429 {@code too_many_attempts} if either is used
     * up. Returns true when this attempt was the account's last one in its window: if it fails,
     * the account is locked (worth an audit row, once per window).
     */
    public boolean reserve(String accountKey, String address) {
        boolean last = accounts.reserve(accountKey);
        try {
            addresses.reserve(address);
        } catch (RuntimeException refused) {
            accounts.refund(accountKey);
            throw refused;
        }
        return last;
    }

    /**
     * The password was right but the account's second factor is still to come: the address gets
     * its attempt back (many people behind one address sign in with two steps), the account's
     * count stays until the code is right — so alternating this with wrong codes resets nothing.
     */
    /** Forgets the windows that have ended (the clean-up job); returns how many. */
    public int sweep() {
        return accounts.sweep() + addresses.sweep();
    }

    public void passwordRight(String address) {
        addresses.refund(address);
    }

    /** The attempt succeeded: the account starts afresh, and the address gets its attempt back. */
    public void succeeded(String accountKey, String address) {
        accounts.clear(accountKey);
        addresses.refund(address);
    }
}
