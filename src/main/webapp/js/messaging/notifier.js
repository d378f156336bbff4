// Telling the person a message came: a sound and, while the page is in the background, a desktop
// notification (both as chosen in the profile, kept in this browser). Nothing for a muted chat
// unless one is @mentioned, and nothing while looking at the chat it came to.
import { beep } from './sound.js';

export function createNotifier({ me, state, names, isChatVisible, navigate }) {
    const prefs = {
        get notify() { return localStorage.getItem('plume.notify') === 'on'; },
        get sound() { return localStorage.getItem('plume.sound') !== 'off'; },
    };
    return function notify(conversation, message) {
        // A call rings by itself (calls/incoming.js); its entry in the chat makes no second sound.
        if (message.kind === 'call') return;
        const mentioned = message.mentions?.includes(me.id);
        if (conversation.muted && !mentioned) return;
        const looking = state.open === conversation.id && isChatVisible() && !document.hidden;
        if (looking) return;
        if (prefs.sound) beep();
        if (document.hidden && prefs.notify && 'Notification' in window && Notification.permission === 'granted') {
            // The Notification API renders its text as text.
            const note = new Notification(names.title(conversation), { body: names.preview(conversation, message),
                tag: `c${conversation.id}` });
            note.onclick = () => { window.focus(); navigate(conversation.id); };
        }
    };
}
