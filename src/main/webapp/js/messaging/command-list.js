// The slash-command list of the composer: in a chat where the assistant can hear (a chat with it,
// or a group it is in), typing "/" at the start offers its commands, filtered as one types. The
// commands come from the server once (GET /bots/assistant); where the assistant is off, nothing
// is offered.
import { api } from '../api.js';
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { createSuggestions } from './suggestions.js';

export function createCommandList({ input, members, conversation, onChoose }) {
    let assistant; // undefined: not asked yet; null: off here

    /** The command word being typed at the start of the text, with nothing after the caret, or null. */
    function typed() {
        const match = /^\/([a-z]*)$/i.exec(input.value.slice(0, input.selectionStart));
        return match && input.value.slice(input.selectionStart).trim() === '' ? match : null;
    }

    const list = createSuggestions({
        input,
        id: 'command-list',
        option: (c) => ({ id: `command-${c.name.slice(1)}`, dataset: { command: c.name },
            children: [el('strong', {}, c.usage), el('span', { class: 'row-sub' }, ` ${c.description}`)] }),
        choose: (command) => {
            const match = typed();
            if (match) onChoose(`${command.name} `, 0, match[0].length);
        },
    });

    async function about() {
        if (assistant === undefined) {
            assistant = null;
            assistant = await api('GET', '/bots/assistant').catch(() => null);
        }
        return assistant;
    }

    function hears(bot) {
        const open = conversation();
        if (!bot || !open) return false;
        if (open.peer) return open.peer.id === bot.id;
        return Boolean(members()?.some((m) => m.user.id === bot.id));
    }

    async function suggest() {
        if (!typed()) {
            list.close();
            return;
        }
        const bot = await about();
        const match = typed();
        if (!hears(bot) || !match) {
            list.close();
            return;
        }
        const query = `/${match[1].toLowerCase()}`;
        list.show(bot.commands.filter((c) => c.name.startsWith(query)));
    }

    return { node: list.node, suggest, handleKey: list.handleKey, close: list.close,
        render: () => list.node.setAttribute('aria-label', t('chats.commands')) };
}
