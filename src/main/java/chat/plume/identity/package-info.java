/**
 * Who people are: accounts and registration, sign-in and sign-out, session tokens (stored
 * hashed, with expiry and revocation), password hashing and changes, profiles, roles
 * ({@code user}, {@code admin}), throttling of failed sign-ins, email addresses verified by a
 * mailed link, forgotten passwords reset by one, what mail about an account says, and the
 * accounts of bots (marked, tokens only).
 *
 * <ul>
 *   <li>{@code entity}: {@code Account}, {@code AuthSession} and {@code AccountLink}, the JPA entities.</li>
 *   <li>{@code control}: password hashing, token generation, the sign-in throttle, input rules.</li>
 *   <li>{@code boundary}: the transactional facades, the JAX-RS resources and the request
 *       authentication every other feature relies on ({@code Caller}).</li>
 * </ul>
 *
 * <p>It never knows about WebSocket sessions: when sessions are revoked it fires
 * {@code SessionsRevoked}, and {@code realtime} closes the matching connections.
 */
package chat.plume.identity;
