// The @mention list of the composer: the group's members matching what follows an "@" at the
// caret — by one's remark or by the name others know.
import { avatar, el } from '../dom.js';
import { t } from '../i18n.js';
import { createSuggestions } from './suggestions.js';

const SHOWN = 6;

const SEARCH_DELAY_MS = 250;

/**
 * `members()`: the members the page holds; `search(conversation, text)`: asks the server for the
 * members whose names contain the text (a large group's members are not all held), resolving to
 * them, or to null when the page holds every member.
 */
export function createMentionList({ me, names, input, members, search = async () => null, conversation, onChoose }) {
    let hits = { key: null, members: [] }; // the server's answer for the text last asked about
    let timer = null;
    /** The "@…" being typed just before the caret, or null. */
    function typed() {
        return /@([^\s@]*)$/u.exec(input.value.slice(0, input.selectionStart));
    }

    const list = createSuggestions({
        input,
        id: 'mention-list',
        option: (m) => {
            const open = conversation();
            const name = names.memberName(open, m.user.id, names.publicName(m));
            const known = names.publicName(m);
            return { id: `mention-${m.user.id}`, dataset: { userId: m.user.id },
                children: [avatar(name, m.user.id), name, known !== name ? el('span', { class: 'row-sub' }, ` (${known})`) : null] };
        },
        choose: (member) => {
            const match = typed();
            if (match) onChoose(member, input.selectionStart - match[0].length, input.selectionStart);
        },
    });

    function suggest() {
        const everyone = members();
        const match = typed();
        if (!everyone || !match) {
            list.close();
            return;
        }
        const query = match[1].toLowerCase();
        const open = conversation();
        const key = `${open}:${query}`;
        const held = new Set(everyone.map((m) => m.user.id));
        const pool = hits.key === key ? [...everyone, ...hits.members.filter((m) => !held.has(m.user.id))] : everyone;
        const found = pool.filter((m) => m.user.id !== me.id
            && (names.memberName(open, m.user.id, names.publicName(m)).toLowerCase().includes(query)
                || names.publicName(m).toLowerCase().includes(query)));
        list.show(found.slice(0, SHOWN));
        clearTimeout(timer);
        if (found.length < SHOWN && query && hits.key !== key) {
            // Asked once typing pauses, and remembered only when answered (a failure is asked again).
            timer = setTimeout(() => {
                search(open, match[1]).then((answer) => {
                    if (!answer) return;
                    hits = { key, members: answer };
                    if (conversation() === open && typed()?.[1].toLowerCase() === query) suggest();
                }).catch(() => {});
            }, SEARCH_DELAY_MS);
        }
    }

    return { node: list.node, suggest, handleKey: list.handleKey, close: list.close,
        render: () => list.node.setAttribute('aria-label', t('chats.mentionSomeone')) };
}
