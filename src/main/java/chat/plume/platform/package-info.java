/**
 * What every feature stands on and none owns: configuration lookup, the business exception
 * family and its RFC 9457 problem-detail form, the JAX-RS application, HTTP security headers
 * and the schema migrations that run at deployment.
 *
 * <p>It knows no feature: no class here imports from {@code identity}, {@code realtime} or any
 * other feature package.
 */
package chat.plume.platform;
