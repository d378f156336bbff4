// The @mention list of the composer: the group's members matching what follows an "@" at the
// caret — by one's remark or by the name others know.
import { avatar, el } from '../dom.js';
import { t } from '../i18n.js';
import { createSuggestions } from './suggestions.js';

const SHOWN = 6;

/**
 * `members()`: the members the page holds; `search(conversation, text)`: asks the server for more
 * (a large group's members are not all held) and resolves to whether any were new.
 */
export function createMentionList({ me, names, input, members, search = async () => false, conversation, onChoose }) {
    let asked = null; // the last text the server was asked about, per conversation
    /** The "@…" being typed just before the caret, or null. */
    function typed() {
        return /@([^\s@]*)$/u.exec(input.value.slice(0, input.selectionStart));
    }

    const list = createSuggestions({
        input,
        id: 'mention-list',
        option: (m) => {
            const open = conversation();
            const name = names.memberName(open, m.user.id);
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
        const found = everyone.filter((m) => m.user.id !== me.id
            && (names.memberName(open, m.user.id).toLowerCase().includes(query)
                || names.publicName(m).toLowerCase().includes(query)));
        list.show(found.slice(0, SHOWN));
        const key = `${open}:${query}`;
        if (found.length < SHOWN && query && asked !== key) {
            asked = key;
            search(open, match[1]).then((more) => {
                if (more && conversation() === open && typed()?.[1].toLowerCase() === query) suggest();
            }).catch(() => {});
        }
    }

    return { node: list.node, suggest, handleKey: list.handleKey, close: list.close,
        render: () => list.node.setAttribute('aria-label', t('chats.mentionSomeone')) };
}
