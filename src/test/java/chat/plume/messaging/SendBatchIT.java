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

        List<SendOutcome> outcomes = sends.sendAll(List.of(
                send(alice, aliceBob, "good-1"),
                send(carol, carolBob, "blocked-1"),
                send(carol, aliceBob, "stranger-1"),
                send(carol, groupConversation, "muted-1"),
                new Outgoing(alice, aliceBob, "empty-1", " ", null, List.of(), null),
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

    /**
     * What a batch reads once serves every send in it: two senders interleaved in one
     * conversation get consecutive numbers in batch order; a resend of a message stored earlier
     * in the same batch is answered with that message; a client id used again for another
     * conversation in the same batch is refused; each sender's read position ends at its last
     * message; a group message's view names its sender; and everything is in the database.
     */
    @Test
    void oneBatchSharesItsLookupsAndKeepsEverySendsOwnAnswer() {
        Caller alice = Callers.register(accounts, "Shared");
        Caller bob = Callers.register(accounts, "Shared2");
        Callers.befriend(requests, alice, bob);
        long direct = conversations.openDirect(alice, bob.accountId()).id();
        long group = groups.create(alice, "shared", null, JoinPolicy.OPEN, List.of(bob.accountId()))
                .id();
        long groupConversation = conversations.openGroup(alice, group).id();
        long groupBefore = messages.history(alice, groupConversation, null, null, 50).messages().stream()
                .mapToLong(MessagingViews.Message::seq)
                .max()
                .orElse(0);

        List<SendOutcome> outcomes = sends.sendAll(List.of(
                send(alice, direct, "s-1"),
                send(bob, direct, "s-2"),
                send(alice, direct, "s-3"),
                send(alice, direct, "s-1"),
                send(alice, groupConversation, "s-3"),
                send(bob, groupConversation, "s-4"),
                send(alice, direct, "s-5")));

        assertEquals(1, outcomes.get(0).sent().message().seq());
        assertEquals(2, outcomes.get(1).sent().message().seq());
        assertEquals(3, outcomes.get(2).sent().message().seq());
        assertEquals(true, outcomes.get(3).sent().duplicate());
        assertEquals(1, outcomes.get(3).sent().message().seq());
        assertEquals("client_message_id_reused", outcomes.get(4).refused().code());
        assertEquals(groupBefore + 1, outcomes.get(5).sent().message().seq());
        assertNotNull(outcomes.get(5).sent().message().senderName());
        assertEquals(4, outcomes.get(6).sent().message().seq());
        assertEquals(
                List.of("s-1", "s-2", "s-3", "s-5"),
                messages.history(bob, direct, null, null, 50).messages().stream()
                        .map(MessagingViews.Message::clientMessageId)
                        .toList());
        assertEquals(
                4,
                conversations
                        .participant(direct, alice.accountId())
                        .orElseThrow()
                        .readSeq());
        assertEquals(
                2,
                conversations.participant(direct, bob.accountId()).orElseThrow().readSeq());
        assertEquals(
                groupBefore + 1,
                conversations
                        .participant(groupConversation, bob.accountId())
                        .orElseThrow()
                        .readSeq());
    }

    private static Outgoing send(Caller from, long conversation, String clientId) {
        return new Outgoing(from, conversation, clientId, "text of " + clientId, null, List.of(), null);
    }
}
