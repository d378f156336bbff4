/**
 * The load tool: a client built on the JDK's HttpClient WebSocket that signs users in (keeping
 * them between runs), opens their connections and drives one scenario against a running Plume
 * ({@code idle}, {@code direct}, {@code group}, {@code reconnect}; {@link chat.plume.load.LoadTool}
 * is the command). The {@link chat.plume.load.Ledger} accounts for every message: sent,
 * acknowledged, delivered per recipient, lost, duplicated; latency is measured at the recipient.
 * It lives with the tests so that its smoke run is part of the test command and it cannot rot;
 * the figures and how to reproduce them are in docs/benchmarks.md.
 */
package chat.plume.load;
