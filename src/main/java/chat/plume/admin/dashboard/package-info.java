/**
 * The console's live dashboard: a five-second sampler of the node's figures (from the same
 * registry {@code /metrics} writes), the last 20 minutes of samples, and server-sent event
 * streams that push each new sample to the administrators watching.
 */
package chat.plume.admin.dashboard;
