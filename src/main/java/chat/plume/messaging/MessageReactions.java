package chat.plume.messaging;

import chat.plume.identity.boundary.Caller;
import chat.plume.platform.Timestamps;
import chat.plume.platform.error.AccessDeniedException;
import chat.plume.platform.error.DuplicateEntityException;
import chat.plume.platform.error.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Reactions (表情回应): anyone who may write in a chat may answer a message with emoji, a few per
 * person and message; everyone in the chat sees them change live ({@code message.updated}, as an
 * edit) and in history.
 */
@Stateless
public class MessageReactions {

    /** Different emoji one person may put on one message. */
    static final int PER_PERSON = 10;

    /** Different emoji one message may carry. */
    static final int PER_MESSAGE = 50;

    @PersistenceContext
    EntityManager em;

    @Inject
    Conversations conversations;

    @Inject
    MessageAccess access;

    /** Adds ({@code on}) or takes back the caller's reaction; doing what is already done changes nothing. */
    public MessagingViews.Message react(Caller caller, long conversationId, long seq, String emoji, boolean on) {
        String reaction = requireEmoji(emoji);
        conversations.require(conversationId, caller.accountId());
        Conversation conversation = em.find(Conversation.class, conversationId);
        access.requireMayWrite(conversation, caller.accountId());
        Message message = access.lockedAt(conversationId, seq);
        if (message.isRecalled()) {
            throw new DuplicateEntityException("message_recalled", null, "This message was recalled.");
        }
        if (message.isWrittenByPlume()) {
            throw new AccessDeniedException("not_reactable", "Notices cannot be reacted to.");
        }
        Reaction.Key key = new Reaction.Key(message.id(), caller.accountId(), reaction);
        Reaction existing = em.find(Reaction.class, key);
        if (on && existing == null) {
            List<String> mine = em.createNamedQuery(Reaction.MINE_ON, String.class)
                    .setParameter("message", message.id())
                    .setParameter("account", caller.accountId())
                    .getResultList();
            if (mine.size() >= PER_PERSON) {
                throw new InvalidInputException(
                        "too_many_reactions", "emoji", "At most " + PER_PERSON + " reactions per message.");
            }
            long distinct = em.createNamedQuery(Reaction.DISTINCT_ON, Long.class)
                    .setParameter("message", message.id())
                    .getSingleResult();
            if (distinct >= PER_MESSAGE) {
                throw new InvalidInputException(
                        "too_many_reactions", "emoji", "This message has as many different reactions as it can take.");
            }
            em.persist(new Reaction(message.id(), caller.accountId(), reaction, Timestamps.now()));
        } else if (!on && existing != null) {
            em.remove(existing);
        } else {
            return access.viewOf(message);
        }
        em.flush();
        return access.announceUpdate(message);
    }

    /**
     * An emoji: one to 32 characters, each a symbol, a modifier, a joiner, a variation or tag
     * selector, a regional indicator or a keycap part — no letters, spaces or controls, so that a
     * reaction cannot smuggle text.
     */
    static String requireEmoji(String emoji) {
        if (emoji == null
                || emoji.isEmpty()
                || emoji.length() > 32
                || !emoji.codePoints().allMatch(MessageReactions::emojiPart)
                || emoji.codePoints().noneMatch(MessageReactions::emojiBase)) {
            throw new InvalidInputException("invalid_emoji", "emoji", "emoji must be one emoji.");
        }
        return emoji;
    }

    /** A character that makes a sequence an emoji: a pictograph, a flag's letter or a keycap. */
    private static boolean emojiBase(int c) {
        return Character.getType(c) == Character.OTHER_SYMBOL || (c >= 0x1F1E6 && c <= 0x1F1FF) || c == 0x20E3;
    }

    private static boolean emojiPart(int c) {
        int type = Character.getType(c);
        return type == Character.OTHER_SYMBOL
                || type == Character.MODIFIER_SYMBOL
                || type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || c == 0x200D // zero-width joiner
                || c == 0xFE0F // emoji presentation
                || (c >= 0x1F3FB && c <= 0x1F3FF) // skin tones
                || (c >= 0x1F1E6 && c <= 0x1F1FF) // regional indicators (flags)
                || (c >= 0xE0020 && c <= 0xE007F) // tags (subdivision flags)
                || c == '#'
                || c == '*'
                || (c >= '0' && c <= '9');
    }
}
