/**
 * Scheduled work that must run once across the cluster: a lease row per job in the database
 * (taken by one atomic UPDATE, so of several nodes whose timers fire together exactly one wins;
 * lapsing by itself if its holder dies) and the record of each run. The jobs themselves belong
 * to the features whose data they clean ({@code admin.retention} schedules them).
 */
package chat.plume.platform.jobs;
