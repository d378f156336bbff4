package chat.plume.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import chat.plume.identity.boundary.Accounts;
import chat.plume.identity.boundary.Caller;
import chat.plume.social.friends.Blocks;
import chat.plume.social.friends.FriendRequests;
import chat.plume.social.groups.ChatGroups;
import chat.plume.social.groups.GroupModeration;
import chat.plume.social.groups.JoinPolicy;
import chat.plume.testing.Callers;
import chat.plume.testing.Deployments;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the container, where the transaction is real: a batch holding refused sends (blocked, not in
 * the conversation, muted, a bad field) commits its good sends in the same transaction, and each
 * refused one is answered with its own code. A refusal thrown across an EJB boundary used to mark
 * the whole transaction for rollback.
 */
@ExtendWith(ArquillianExtension.class)
class SendBatchIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.plumeWith(SendBatchIT.class);
    }

    @Inject
    Accounts accounts;

    @Inject
    FriendRequests requests;

    @Inject
    Blocks blocks;

    @Inject
    Conversations conversations;

    @Inject
    ChatGroups groups;

    @Inject
    GroupModeration moderation;

    @Inject
    Sends sends;

    @Inject
    Messages messages;

    @Test
    void theGoodSendsOfABatchCommitAndEachRefusalIsItsOwn() {
        Caller alice = Callers.register(accounts, "Batch");
        Caller bob = Callers.register(accounts, "Batch2");
        Caller carol = Callers.register(accounts, "Batch3");
        Callers.befriend(requests, alice, bob);
        Callers.befriend(requests, carol, bob);
        Callers.befriend(requests, carol, alice);
        long aliceBob = conversations.openDirect(alice, bob.accountId()).id();
        long carolBob = conversations.openDirect(carol, bob.accountId()).id();
        long group = groups.create(alice, "batch", null, JoinPolicy.OPEN, List.of(carol.accountId()))
                .id();
        long groupConversation = conversations.openGroup(alice, group).id();
        blocks.block(bob, carol.accountId());
        moderation.muteMember(alice, group, carol.accountId(), 10);

        List<Sends.Outcome> outcomes = sends.sendAll(List.of(
                send(alice, aliceBob, "good-1"),
                send(carol, carolBob, "blocked-1"),
                send(carol, aliceBob, "stranger-1"),
                send(carol, groupConversation, "muted-1"),
                new Sends.Outgoing(alice, aliceBob, "empty-1", " ", null, List.of(), null),
                send(alice, groupConversation, "good-2")));

        assertNotNull(outcomes.get(0).sent());
        assertEquals("blocked", outcomes.get(1).refused().code());
        assertEquals("forbidden", outcomes.get(2).refused().code());
        assertEquals("muted", outcomes.get(3).refused().code());
        assertEquals("empty_message", outcomes.get(4).refused().code());
        assertNotNull(outcomes.get(5).sent());
        assertNull(outcomes.get(5).refused());
        List<String> stored = messages.history(alice, aliceBob, null, null, 50).messages().stream()
                .map(MessagingViews.Message::clientMessageId)
                .toList();
        assertEquals(List.of("good-1"), stored);
        assertEquals(
                "good-2",
                messages.history(alice, groupConversation, null, null, 50).messages().stream()
                        .filter(m -> m.clientMessageId() != null)
                        .findFirst()
                        .orElseThrow()
                        .clientMessageId());
    }

    private static Sends.Outgoing send(Caller from, long conversation, String clientId) {
        return new Sends.Outgoing(from, conversation, clientId, "text of " + clientId, null, List.of(), null);
    }
}
