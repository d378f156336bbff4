// The sign-in and create-account screen.
import { api } from '../api.js';
import { showFieldError, submit, values } from '../forms.js';
import { has, t } from '../i18n.js';

const USERNAME = /^[A-Za-z0-9_]{3,32}$/;

/** Set while this browser probably holds a session cookie (the cookie itself is HttpOnly). */
export const SESSION_HINT = 'plume.session';

/** Set by the page that was signed out when the reason is worth telling on the sign-in screen. */
export const SIGNED_OUT_BECAUSE = 'plume.signedOutBecause';

/** A link from a mail: #/verify-email/<token>, #/reset-password/<token>, or #/forgot-password. */
const MAIL_LINK = /^#\/(verify-email|reset-password)\/(plm_[A-Za-z0-9_-]{20,60})$/;

/**
 * Takes a link from a mail out of the address bar (the token must not stay in the history) and
 * says what it asks for: { kind: 'verify-email' | 'reset-password', token } or { kind:
 * 'forgot-password' }, or null for an ordinary visit.
 */
export function isMailLink(hash) {
    return hash === '#/forgot-password' || MAIL_LINK.test(hash);
}

export function takeMailLink() {
    const forgot = location.hash === '#/forgot-password';
    const match = MAIL_LINK.exec(location.hash);
    if (!forgot && !match) return null;
    history.replaceState(null, '', location.pathname + location.search);
    return forgot ? { kind: 'forgot-password' } : { kind: match[1], token: match[2] };
}

/**
 * Opens a verification link, whoever is signed in here (the link itself is the proof), and says
 * how it went; resolves when the person continues.
 */
export async function verifyEmail(token) {
    const screen = document.getElementById('auth');
    screen.hidden = false;
    showOnly('link-result');
    const text = document.getElementById('link-result-text');
    text.textContent = t('app.loading');
    try {
        const { email } = await api('POST', '/email-verifications', { token });
        text.textContent = t('auth.emailVerified', { email });
    } catch (error) {
        text.textContent = has(`error.${error.code}`) ? t(`error.${error.code}`) : (error.message || t('error.generic'));
    }
    const button = document.getElementById('link-continue');
    button.focus();
    await new Promise((resolve) => { button.onclick = resolve; });
    screen.hidden = true;
}

/** Shows one of the auth card's views (the tabs only with sign-in and create account). */
function showOnly(id) {
    for (const view of ['form-signin', 'form-register', 'form-forgot', 'form-reset', 'link-result']) {
        document.getElementById(view).hidden = view !== id;
    }
    document.querySelector('#auth .tabs').hidden = id !== 'form-signin' && id !== 'form-register';
}

export function showAuth(onSignedIn, link = null) {
    const screen = document.getElementById('auth');
    screen.hidden = false;
    const signIn = document.getElementById('form-signin');
    const register = document.getElementById('form-register');
    const forgot = document.getElementById('form-forgot');
    const reset = document.getElementById('form-reset');
    const tabs = [document.getElementById('tab-signin'), document.getElementById('tab-register')];

    const select = (tab) => {
        tabs.forEach((each) => each.setAttribute('aria-selected', String(each === tab)));
        showOnly(tab === tabs[0] ? 'form-signin' : 'form-register');
        (tab === tabs[0] ? signIn : register).querySelector('input').focus();
    };
    tabs.forEach((tab) => { tab.onclick = () => select(tab); });
    document.querySelectorAll('[data-back-to-sign-in]').forEach((button) => { button.onclick = () => select(tabs[0]); });

    const openForgot = () => {
        showOnly('form-forgot');
        document.getElementById('forgot-sent').textContent = '';
        forgot.querySelector('input').focus();
    };
    document.getElementById('open-forgot').onclick = openForgot;
    forgot.onsubmit = (event) => submit(event, forgot, async (form) => {
        const { login } = values(form);
        if (!reportAll(form, [['login', !login.trim(), 'error.required']])) return;
        await api('POST', '/password-resets', { login: login.trim() });
        // The same words whether or not the account exists: the server's answer says nothing either.
        document.getElementById('forgot-sent').textContent = t('auth.linkSent');
    });

    let resetToken = null;
    reset.onsubmit = (event) => submit(event, reset, async (form) => {
        const { newPassword } = values(form);
        if (!reportAll(form, [['newPassword', newPassword.length < 8, 'error.passwordShort']])) return;
        await api('POST', '/password-resets/complete', { token: resetToken, newPassword });
        form.reset();
        // Every session ended, this browser's too.
        localStorage.removeItem(SESSION_HINT);
        select(tabs[0]);
        document.getElementById('signin-notice').textContent = t('auth.passwordReset');
    });

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
        const { username, displayName, password, email } = values(form);
        if (!reportAll(form, [['username', !USERNAME.test(username), 'error.usernameFormat'],
            ['displayName', !displayName.trim(), 'error.required'], ['password', password.length < 8, 'error.passwordShort']])) {
            return;
        }
        await api('POST', '/accounts', { username, displayName: displayName.trim(), password,
            email: email.trim() || undefined });
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
    if (link?.kind === 'forgot-password') openForgot();
    if (link?.kind === 'reset-password') {
        resetToken = link.token;
        showOnly('form-reset');
        reset.querySelector('input').focus();
    }
    const because = sessionStorage.getItem(SIGNED_OUT_BECAUSE);
    if (because) {
        sessionStorage.removeItem(SIGNED_OUT_BECAUSE);
        signIn.querySelector('[data-error-for="form"]').textContent = t(`auth.signedOut.${because}`);
    }
}
