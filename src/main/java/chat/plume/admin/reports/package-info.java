/**
 * The report queue in the console: open and resolved reports, a report with its evidence, and
 * the one-click decisions (dismiss, recall the message, mute, ban, deactivate and purge), each
 * carried out through the feature that owns it and recorded in the audit log with the decision.
 */
package chat.plume.admin.reports;
