// The sign-in and create-account screen.
import { api } from '../api.js';
import { showFieldError, submit, values } from '../forms.js';
import { t } from '../i18n.js';

const USERNAME = /^[A-Za-z0-9_]{3,32}$/;

/** Set while this browser probably holds a session cookie (the cookie itself is HttpOnly). */
export const SESSION_HINT = 'plume.session';

/** Set by the page that was signed out when the reason is worth telling on the sign-in screen. */
export const SIGNED_OUT_BECAUSE = 'plume.signedOutBecause';

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
        const { username, password, code } = values(form);
        if (!reportAll(form, [['username', !username, 'error.usernameRequired'], ['password', !password, 'error.passwordRequired']])) {
            return;
        }
        const codeField = document.getElementById('signin-code-field');
        let signedIn;
        try {
            signedIn = await api('POST', '/sessions', { username, password, code: codeField.hidden ? undefined : code.trim() });
        } catch (error) {
            if (error.code === 'second_factor_required') {
                // The password was right; the account asks for its second factor too.
                codeField.hidden = false;
                document.getElementById('signin-code').focus();
                form.querySelector('[data-error-for="code"]').textContent = t('error.second_factor_required');
                return;
            }
            throw error;
        }
        codeField.hidden = true;
        form.reset();
        finish(signedIn.user);
    });

    register.onsubmit = (event) => submit(event, register, async (form) => {
        const { username, displayName, password } = values(form);
        if (!reportAll(form, [['username', !USERNAME.test(username), 'error.usernameFormat'],
            ['displayName', !displayName.trim(), 'error.required'], ['password', password.length < 8, 'error.passwordShort']])) {
            return;
        }
        await api('POST', '/accounts', { username, displayName: displayName.trim(), password });
        const signedIn = await api('POST', '/sessions', { username, password });
        form.reset();
        finish(signedIn.user);
    });

    /** Shows every failed check at once (not one per attempt); focus goes to the first. Returns whether all passed. */
    function reportAll(form, checks) {
        const failed = checks.filter(([, broken]) => broken);
        for (const [field, , key] of [...failed].reverse()) showFieldError(form, field, t(key));
        return failed.length === 0;
    }

    function finish(user) {
        localStorage.setItem(SESSION_HINT, '1');
        screen.hidden = true;
        onSignedIn(user);
    }
    select(tabs[0]);
    const because = sessionStorage.getItem(SIGNED_OUT_BECAUSE);
    if (because) {
        sessionStorage.removeItem(SIGNED_OUT_BECAUSE);
        signIn.querySelector('[data-error-for="form"]').textContent = t(`auth.signedOut.${because}`);
    }
}
