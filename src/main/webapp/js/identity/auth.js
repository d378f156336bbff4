// The sign-in and create-account screen.
import { api } from '../api.js';
import { showFieldError, submit, values } from '../forms.js';
import { t } from '../i18n.js';

const USERNAME = /^[A-Za-z0-9_]{3,32}$/;

export function showAuth(onSignedIn) {
    const screen = document.getElementById('auth');
    screen.hidden = false;
    const signIn = document.getElementById('form-signin');
    const register = document.getElementById('form-register');
    const tabs = [document.getElementById('tab-signin'), document.getElementById('tab-register')];

    const select = (tab) => {
        tabs.forEach((each) => each.setAttribute('aria-selected', String(each === tab)));
        signIn.hidden = tab !== tabs[0];
        register.hidden = tab !== tabs[1];
        (signIn.hidden ? register : signIn).querySelector('input').focus();
    };
    tabs.forEach((tab) => { tab.onclick = () => select(tab); });

    signIn.onsubmit = (event) => submit(event, signIn, async (form) => {
        const { username, password } = values(form);
        if (!username) return showFieldError(form, 'username', t('error.required'));
        if (!password) return showFieldError(form, 'password', t('error.required'));
        const signedIn = await api('POST', '/sessions', { username, password });
        form.reset();
        finish(signedIn.user);
    });

    register.onsubmit = (event) => submit(event, register, async (form) => {
        const { username, displayName, password } = values(form);
        if (!USERNAME.test(username)) return showFieldError(form, 'username', t('error.usernameFormat'));
        if (!displayName.trim()) return showFieldError(form, 'displayName', t('error.required'));
        if (password.length < 8) return showFieldError(form, 'password', t('error.passwordShort'));
        await api('POST', '/accounts', { username, displayName: displayName.trim(), password });
        const signedIn = await api('POST', '/sessions', { username, password });
        form.reset();
        finish(signedIn.user);
    });

    function finish(user) {
        screen.hidden = true;
        onSignedIn(user);
    }
    select(tabs[0]);
}
