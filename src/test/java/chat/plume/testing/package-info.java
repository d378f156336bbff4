/**
 * Test support shared by the ITs: the deployment under test, an HTTP client for the REST API, a
 * WebSocket client that records frames and close codes, a headless Chromium, and a WildFly
 * process the tests can kill and restart. Waiting is always on a condition with a deadline.
 */
package chat.plume.testing;
