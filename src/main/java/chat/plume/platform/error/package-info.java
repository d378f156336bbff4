/**
 * The one business exception family. Every feature throws a subclass of
 * {@link chat.plume.platform.error.PlumeException}; REST turns it into a problem detail and the
 * WebSocket gateway into an error frame, both carrying the same stable {@code code}.
 */
package chat.plume.platform.error;
