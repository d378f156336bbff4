/**
 * Reports: a person reports a message (copied with its neighbours when reported, so an edit or a
 * recall cannot hide it) or another person; the open reports, their evidence and their
 * resolution. People file and follow their own reports here; administrators work the queue
 * through {@code admin.reports}, which decides what happens and calls back into
 * {@link chat.plume.reports.Reports#resolve} — this feature never moderates by itself.
 */
package chat.plume.reports;
