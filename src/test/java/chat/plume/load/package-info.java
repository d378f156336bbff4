/**
 * The load tool (issue 6, first part): a client built on the JDK's HttpClient WebSocket that
 * signs users in, opens their connections and drives a scenario against a running Plume,
 * counting every message (sent, acknowledged, delivered per recipient, lost, duplicated) and
 * measuring end-to-end latency at the receiver. It lives with the tests so that its smoke run is
 * part of the test command and it cannot rot.
 */
package chat.plume.load;
