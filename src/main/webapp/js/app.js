// Plume's page: decide whether the visitor is signed in, then show sign-in or the shell.
// Signing out reloads the page (shell.js), so each page life belongs to one person.
import { api } from './api.js';
import { initLanguage, setLanguage, t } from './i18n.js';
import { SESSION_HINT, showAuth } from './identity/auth.js';
import { showShell } from './shell/shell.js';
import { keepCurrent } from './shell/updates.js';

const RETRY_MS = [1000, 2000, 5000, 10000];

async function boot() {
    initLanguage();
    keepCurrent();
    document.querySelectorAll('.language-select').forEach((select) => {
        select.addEventListener('change', (event) => setLanguage(event.target.value));
    });
    const user = await whoIsSignedIn();
    document.getElementById('boot').hidden = true;
    if (user) showShell(user);
    else showAuth(showShell);
}

/**
 * The signed-in person, or null. Asked only when this browser signed in before (the session
 * cookie is HttpOnly, so a hint in storage says so): a first visit makes no request that can only
 * fail. Only a 401 means signed out; an unreachable server is asked again, never mistaken for it.
 */
async function whoIsSignedIn() {
    if (!localStorage.getItem(SESSION_HINT)) return null;
    for (let attempt = 0; ; attempt++) {
        try {
            return await api('GET', '/me');
        } catch (error) {
            if (error.status === 401) {
                // The session ended while no page was open: what it left in this browser goes too.
                localStorage.removeItem(SESSION_HINT);
                Object.keys(localStorage).filter((key) => key.startsWith('plume.drafts.') || key.startsWith('plume.emoji.recent.'))
                    .forEach((key) => localStorage.removeItem(key));
                return null;
            }
            document.getElementById('boot').textContent = t('error.network');
            await new Promise((resolve) => { setTimeout(resolve, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]); });
        }
    }
}

boot();
