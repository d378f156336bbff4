// How the console writes times and sizes: in the operator's language and time zone.
import { language } from '/js/i18n.js';

export function when(iso) {
    if (!iso) return '—';
    return new Date(iso).toLocaleString(language(), { dateStyle: 'medium', timeStyle: 'short' });
}

/** An ISO instant from a datetime-local input's value (local time), or null. */
export function instantFromLocal(value) {
    return value ? new Date(value).toISOString() : null;
}

/** A datetime-local value this many hours from now. */
export function localInput(hoursFromNow) {
    const date = new Date(Date.now() + hoursFromNow * 3600_000);
    date.setSeconds(0, 0);
    return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
