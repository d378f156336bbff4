// Turning message text into DOM: plain text nodes, with http(s) links made clickable. Nothing a
// user writes ever becomes markup, and only http and https links are made (no javascript:).
import { el } from '../dom.js';

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/gi;

export function richText(text) {
    const nodes = [];
    let last = 0;
    for (const match of text.matchAll(URL_PATTERN)) {
        // Trailing punctuation belongs to the sentence, not the link.
        const url = match[0].replace(/[.,;:!?)\]}。，；：！？）]+$/u, '');
        if (match.index > last) nodes.push(document.createTextNode(text.slice(last, match.index)));
        nodes.push(el('a', { href: url, target: '_blank', rel: 'noopener noreferrer nofollow' }, url));
        last = match.index + url.length;
    }
    if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
    return nodes;
}
