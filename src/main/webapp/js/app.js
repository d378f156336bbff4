// Plume's page: decide whether the visitor is signed in, then show sign-in or the shell.
import { api } from './api.js';
import { initLanguage, setLanguage } from './i18n.js';
import { SESSION_HINT, showAuth } from './identity/auth.js';
import { showShell } from './shell/shell.js';

function signedIn(user) {
    showShell(user, signedOut);
}

function signedOut() {
    localStorage.removeItem(SESSION_HINT);
    showAuth(signedIn);
}

async function boot() {
    initLanguage();
    document.querySelectorAll('.language-select').forEach((select) => {
        select.addEventListener('change', (event) => setLanguage(event.target.value));
    });
    // Only ask who is signed in when this browser signed in before: a first visit makes no
    // request that can only fail (and log a 401 in the console).
    let user = null;
    if (localStorage.getItem(SESSION_HINT)) {
        try {
            user = await api('GET', '/me');
        } catch {
            user = null;
        }
    }
    document.getElementById('boot').hidden = true;
    if (user) signedIn(user);
    else signedOut();
}

boot();
