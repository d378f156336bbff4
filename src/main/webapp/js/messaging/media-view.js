// How an image or file message looks: a thumbnail that opens a full-size viewer, or a file card
// with a download link. DOM only, built from text; no state of the chat's.
import { el, humanSize, replace } from '../dom.js';
import { t } from '../i18n.js';

/**
 * Makes the page's one image viewer and returns the function that opens it. A modal dialog: the
 * page behind is inert while it shows, Esc closes it, focus returns where it was.
 */
export function createViewer() {
    const viewer = el('dialog', { class: 'viewer' });
    document.body.append(viewer);
    viewer.addEventListener('click', (event) => { if (event.target === viewer) viewer.close(); });
    return function openViewer(url, name) {
        const close = el('button', { type: 'button', class: 'viewer-close', 'aria-label': t('chats.close'),
            onclick: () => viewer.close() }, '✕');
        replace(viewer, el('img', { src: url, alt: name }), close);
        viewer.setAttribute('aria-label', name);
        viewer.showModal();
        close.focus();
    };
}

const AUDIO = /\.(webm|ogg|oga|opus|m4a|mp3|wav)$/i;

/** The media part of a message, or null for a text message. */
export function mediaNode(m, openViewer) {
    if (!m.media) return null;
    const url = `/api/v1/media/${m.media.id}`;
    if (m.kind === 'image') {
        return el('button', { type: 'button', class: 'thumb', 'aria-label': t('chats.openImage', { name: m.media.name }),
            onclick: () => openViewer(url, m.media.name) },
        el('img', { src: m.media.thumbnail ? `${url}/thumbnail` : url, alt: m.media.name, loading: 'lazy' }));
    }
    if (AUDIO.test(m.media.name)) {
        // A voice message (or any audio file): played in place, with the file's name to download.
        return el('span', { class: 'audio-card' },
            el('audio', { controls: true, preload: 'none', src: url, 'aria-label': m.media.name }),
            el('a', { class: 'download', href: url, download: m.media.name }, `${t('chats.download')} · ${humanSize(m.media.size)}`));
    }
    return el('span', { class: 'file-card' }, el('span', { class: 'file-icon', 'aria-hidden': 'true' }, fileIcon(m.media.name)),
        el('span', { class: 'file-main' }, el('span', { class: 'file-name' }, m.media.name),
            el('span', { class: 'row-sub' }, humanSize(m.media.size))),
        el('a', { class: 'download', href: url, download: m.media.name }, t('chats.download')));
}

export function fileIcon(name) {
    const extension = name.split('.').pop().toLowerCase();
    if (['zip', 'rar', '7z', 'gz', 'tar'].includes(extension)) return '📦';
    if (['mp3', 'wav', 'ogg', 'flac', 'm4a'].includes(extension)) return '🎵';
    if (['mp4', 'mov', 'webm', 'mkv', 'avi'].includes(extension)) return '🎬';
    if (['xls', 'xlsx', 'csv'].includes(extension)) return '📊';
    return '📄';
}
