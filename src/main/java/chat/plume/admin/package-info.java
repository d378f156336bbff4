/**
 * Operations: the admin REST API and console (live statistics, user and group moderation,
 * broadcasts, the audit log, health and metrics).
 *
 * <p>Nothing here is reachable without the {@code admin} role, except the unauthenticated
 * health probe that load balancers need.
 */
package chat.plume.admin;
