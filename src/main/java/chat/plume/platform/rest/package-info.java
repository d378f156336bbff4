/**
 * The JAX-RS application at {@code /api/v1} and the mappers that turn every failure into an
 * RFC 9457 problem detail ({@code application/problem+json}) with a stable {@code code}.
 * Bad input is always a 4xx; a 500 means a bug and carries only an incident id.
 */
package chat.plume.platform.rest;
