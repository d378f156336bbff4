package chat.plume.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.plume.identity.boundary.Accounts;
import chat.plume.identity.boundary.Caller;
import chat.plume.platform.error.AccessDeniedException;
import chat.plume.social.friends.FriendRequests;
import chat.plume.testing.Callers;
import chat.plume.testing.Deployments;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the container: a message older than the recall and edit windows can be neither recalled
 * nor edited by its sender. Instead of waiting out the window, the test moves the message's
 * timestamp back in the database.
 */
@ExtendWith(ArquillianExtension.class)
class TimeWindowsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.plumeWith(TimeWindowsIT.class);
    }

    @Inject
    Accounts accounts;

    @Inject
    FriendRequests requests;

    @Inject
    Conversations conversations;

    @Inject
    Messages messages;

    @Inject
    Sends sends;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Test
    void anOldMessageCanNoLongerBeRecalledOrEdited() throws Exception {
        Caller alice = Callers.register(accounts, "Window");
        Caller bob = Callers.register(accounts, "Window2");
        Callers.befriend(requests, alice, bob);
        long conversation = conversations.openDirect(alice, bob.accountId()).id();
        Sent sent = sends.send(new Outgoing(alice, conversation, "old-1", "from yesterday", null, List.of(), null));

        try (Connection connection = dataSource.getConnection();
                PreparedStatement backdate = connection.prepareStatement(
                        "UPDATE message SET created_at = created_at - INTERVAL '1' DAY WHERE id = ?")) {
            backdate.setLong(1, sent.message().id());
            assertEquals(1, backdate.executeUpdate());
        }

        long seq = sent.message().seq();
        AccessDeniedException recall =
                assertThrows(AccessDeniedException.class, () -> messages.recall(alice, conversation, seq));
        assertEquals("recall_window_passed", recall.code());
        AccessDeniedException edit =
                assertThrows(AccessDeniedException.class, () -> messages.edit(alice, conversation, seq, "changed"));
        assertEquals("edit_window_passed", edit.code());
        assertTrue(messages.history(alice, conversation, null, 0L, 10)
                .messages()
                .get(0)
                .body()
                .equals("from yesterday"));
    }
}
