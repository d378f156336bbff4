/**
 * Endpoints for operators' tools rather than people: {@code /metrics} in the Prometheus text
 * format (allowed by address or bearer token) and the root-level health probes.
 */
package chat.plume.admin.ops;
