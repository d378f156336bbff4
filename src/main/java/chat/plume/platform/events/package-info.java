/**
 * The events by which features tell each other what happened without depending on each other:
 * a feature that changes state fires {@link chat.plume.platform.events.Push} with the frame its
 * users should see; {@code realtime} delivers it after the transaction commits. Presence flows
 * the other way: {@code realtime} fires {@link chat.plume.platform.events.PresenceChanged}, and
 * the feature that knows who may see it (friends, in {@code social}) decides the audience.
 */
package chat.plume.platform.events;
