/**
 * Retention and clean-up on the clock: ended sessions, unused uploads and (when configured) old
 * messages removed hourly by EJB timers that are not persistent — every node's timer fires, and
 * the database lease ({@code platform.jobs}) lets exactly one of them run each job — with every
 * run recorded for the console, which can also start one at once.
 */
package chat.plume.admin.retention;
