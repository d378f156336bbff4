/**
 * Figures about the running node — connections, messages, sign-ins, uploads, frames, HTTP
 * requests, the JVM — counted by the features through {@link chat.plume.platform.metrics.Metrics}
 * and written at {@code /metrics} by the admin feature. Also the node's name.
 */
package chat.plume.platform.metrics;
