// Installing Plume as an app and keeping it current: registers the service worker (sw.js), and
// when a deployment brings a new version, says so with a button that reloads into it. Nothing
// reloads by itself: an unsent draft or a running upload is the person's to finish first.
import { el } from '../dom.js';
import { t } from '../i18n.js';

const CHECK_EVERY_MS = 60 * 60 * 1000;

export function keepCurrent() {
    if (!('serviceWorker' in navigator)) return;
    let accepted = false;
    navigator.serviceWorker.addEventListener('controllerchange', () => {
        if (accepted) location.reload();
    });
    navigator.serviceWorker.register('/sw.js').then((registration) => {
        const offer = () => {
            if (document.getElementById('update-banner')) return;
            const banner = el('div', { class: 'update-banner', id: 'update-banner', role: 'status' },
                el('span', {}, t('app.updateReady')),
                el('button', { type: 'button', class: 'primary', onclick: () => {
                    accepted = true;
                    registration.waiting?.postMessage('skip-waiting');
                } }, t('app.reload')));
            document.body.append(banner);
        };
        if (registration.waiting && navigator.serviceWorker.controller) offer();
        registration.addEventListener('updatefound', () => {
            const worker = registration.installing;
            worker?.addEventListener('statechange', () => {
                if (worker.state === 'installed' && navigator.serviceWorker.controller) offer();
            });
        });
        setInterval(() => registration.update().catch(() => {}), CHECK_EVERY_MS);
        // The modules this page loaded came before the worker could keep them: it is told which.
        navigator.serviceWorker.ready.then((ready) => ready.active?.postMessage({ type: 'keep',
            urls: [location.origin + '/', ...performance.getEntriesByType('resource').map((entry) => entry.name)] }));
    }).catch(() => {
        // No service worker (a private window, an old browser): the page works as before.
    });
}
