// Plume's page: decide whether the visitor is signed in, then show sign-in or the shell.
import { api } from './api.js';
import { initLanguage, setLanguage } from './i18n.js';
import { showAuth } from './identity/auth.js';
import { showShell } from './shell/shell.js';

function signedIn(user) {
    showShell(user, signedOut);
}

function signedOut() {
    showAuth(signedIn);
}

async function boot() {
    initLanguage();
    document.querySelectorAll('.language-select').forEach((select) => {
        select.addEventListener('change', (event) => setLanguage(event.target.value));
    });
    let user = null;
    try {
        user = await api('GET', '/me');
    } catch {
        user = null;
    }
    document.getElementById('boot').hidden = true;
    if (user) signedIn(user);
    else signedOut();
}

boot();
