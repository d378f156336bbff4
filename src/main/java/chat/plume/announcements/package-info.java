/**
 * Announcements to everyone: what is showing now (live as a banner on every open page and on the
 * next sign-in), dismissing one for oneself, and the administrators' list, publish, edit and end
 * (called from {@code admin.broadcast}, which is the only way to write them).
 */
package chat.plume.announcements;
