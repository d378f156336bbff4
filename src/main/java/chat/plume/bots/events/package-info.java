/**
 * Outgoing events: what bots subscribe a URL to, delivered the way the Standard Webhooks
 * specification says ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}:
 * HMAC-SHA256 with a {@code whsec_} secret, several signatures while a secret is rotated), only
 * to public addresses unless an operator allows more.
 */
package chat.plume.bots.events;
