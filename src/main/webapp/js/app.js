// Plume's page: decide whether the visitor is signed in, then show sign-in or the shell.
// Signing out reloads the page (shell.js), so each page life belongs to one person.
import { api } from './api.js';
import { initLanguage, setLanguage, t } from './i18n.js';
import { SESSION_HINT, isMailLink, showAuth, takeMailLink, verifyEmail } from './identity/auth.js';
import { showShell } from './shell/shell.js';
import { keepCurrent } from './shell/updates.js';

const RETRY_MS = [1000, 2000, 5000, 10000];

async function boot() {
    initLanguage();
    keepCurrent();
    document.querySelectorAll('.language-select').forEach((select) => {
        select.addEventListener('change', (event) => setLanguage(event.target.value));
    });
    // A mail's link pasted into a tab where Plume is open changes only the hash: start over with it.
    window.addEventListener('hashchange', () => { if (isMailLink(location.hash)) location.reload(); });
    const link = takeMailLink();
    if (link?.kind === 'verify-email') {
        document.getElementById('boot').hidden = true;
        await verifyEmail(link.token);
    }
    // A password-reset link is for whoever has the mail, signed in here or not: it asks for the
    // new password first (the reset signs every session out anyway).
    const user = link?.kind === 'reset-password' || link?.kind === 'forgot-password' ? null : await whoIsSignedIn();
    document.getElementById('boot').hidden = true;
    if (user) showShell(user);
    else showAuth(showShell, link);
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
