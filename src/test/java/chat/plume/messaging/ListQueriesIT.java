package chat.plume.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.plume.identity.boundary.Accounts;
import chat.plume.identity.boundary.Caller;
import chat.plume.social.friends.FriendRequests;
import chat.plume.social.friends.FriendViews;
import chat.plume.social.friends.Friendships;
import chat.plume.social.groups.ChatGroups;
import chat.plume.social.groups.GroupMemberships;
import chat.plume.social.groups.JoinPolicy;
import chat.plume.testing.Callers;
import chat.plume.testing.Deployments;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the container: the lists a person opens cost the same number of statements whatever their
 * length (they used to cost four or five per conversation and three per group), and the
 * conversation list pages through everything exactly once. Statements are counted by H2 itself
 * (or Hibernate's statistics on PostgreSQL), switched on for the measurement only.
 */
@ExtendWith(ArquillianExtension.class)
class ListQueriesIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.plumeWith(ListQueriesIT.class);
    }

    @Inject
    Accounts accounts;

    @Inject
    FriendRequests requests;

    @Inject
    Conversations conversations;

    @Inject
    ConversationList list;

    @Inject
    Sends sends;

    @Inject
    ChatGroups groups;

    @Inject
    Friendships friendships;

    @Inject
    Messages messages;

    @Inject
    GroupMemberships memberships;

    @PersistenceUnit
    EntityManagerFactory factory;

    /** What the last H2 measurement counted, for the failure messages. */
    private String lastStatements = "";

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Test
    void theConversationListCostsTheSameForFewAndMany() throws SQLException {
        Caller few = personWithConversations(3);
        Caller many = personWithConversations(12);
        long forFew = statements(() -> list.page(few.accountId(), null, 100));
        long forMany = statements(() -> list.page(many.accountId(), null, 100));
        assertEquals(forFew, forMany, "statements for 6 conversations vs 24");
        assertTrue(forMany <= 8, "statements for one page: " + forMany + "\n" + lastStatements);
    }

    @Test
    void pagesCoverEveryConversationOnceInOrder() {
        Caller me = personWithConversations(7);
        Set<Long> seen = new HashSet<>();
        List<MessagingViews.Conversation> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ConversationList.Page page = list.page(me.accountId(), cursor, 3);
            for (MessagingViews.Conversation c : page.conversations()) {
                assertTrue(seen.add(c.id()), "conversation " + c.id() + " twice");
                all.add(c);
            }
            cursor = page.next();
            pages++;
        } while (cursor != null);
        assertEquals(14, all.size());
        assertEquals(5, pages);
        for (int i = 1; i < all.size(); i++) {
            Instant before = activity(all.get(i - 1));
            Instant after = activity(all.get(i));
            assertTrue(!before.isBefore(after), "most recent first at " + i);
        }
        assertNotNull(all.get(0).lastMessage());
        assertNull(list.page(me.accountId(), null, 100).next());
        // A group's preview names who wrote it; a direct one needs no name.
        String myName = accounts.publicProfile(me.accountId()).displayName();
        for (MessagingViews.Conversation c : all) {
            assertEquals(
                    "group".equals(c.kind()) ? myName : null, c.lastMessage().senderName(), c.kind());
        }
    }

    @Test
    void groupListsCostTheSameForFewAndMany() throws SQLException {
        Caller few = personWithConversations(2);
        Caller many = personWithConversations(9);
        long forFew = statements(() -> groups.mine(few, 0, 100));
        long forMany = statements(() -> groups.mine(many, 0, 100));
        assertEquals(forFew, forMany, "statements for 2 groups vs 9");
        assertEquals(9, groups.mine(many, 0, 100).size());
    }

    @Test
    void friendListsCostTheSameForFewAndManyAndPageByAccount() throws SQLException {
        Caller few = personWithConversations(2);
        Caller many = personWithConversations(9);
        long forFew = statements(() -> friendships.friends(few, 0, 100));
        long forMany = statements(() -> friendships.friends(many, 0, 100));
        assertEquals(forFew, forMany, "statements for 2 friends vs 9");
        List<Long> ids = new ArrayList<>();
        Long after = 0L;
        do {
            FriendViews.Page page = friendships.friends(many, after, 4);
            page.friends().forEach(f -> ids.add(f.user().id()));
            after = page.next();
        } while (after != null);
        assertEquals(9, ids.size());
        assertEquals(ids.stream().sorted().distinct().toList(), ids, "each friend once, by id");
    }

    @Test
    void joinRequestPagesAndAGroupsEndCostTheSameForFewAndMany() throws SQLException {
        Caller owner = Callers.register(accounts, "Gate");
        List<Caller> friends = new ArrayList<>();
        List<Caller> askers = new ArrayList<>();
        // The test server's groups hold at most 6 members (a full group takes no requests).
        for (int i = 0; i < 4; i++) {
            Caller friend = Callers.register(accounts, "Inside");
            Callers.befriend(requests, owner, friend);
            friends.add(friend);
            askers.add(Callers.register(accounts, "Outside"));
        }
        // Four groups of each size: one to page through, three to end (one per run).
        Iterator<Long> small = groupsWaiting(owner, friends.subList(0, 1), askers.subList(0, 1));
        Iterator<Long> large = groupsWaiting(owner, friends, askers);
        long firstSmall = small.next();
        long firstLarge = large.next();
        long pageOfOne = statements(() -> memberships.pendingRequests(owner, firstSmall, 0, 100));
        long pageOfSix = statements(() -> memberships.pendingRequests(owner, firstLarge, 0, 100));
        assertEquals(pageOfOne, pageOfSix, "statements for a page of 1 request vs 4\n" + lastStatements);
        assertEquals(4, memberships.pendingRequests(owner, firstLarge, 0, 100).size());

        long endSmall = statementsOfThree(() -> {
            groups.dissolve(owner, small.next());
            return null;
        });
        long endLarge = statementsOfThree(() -> {
            groups.dissolve(owner, large.next());
            return null;
        });
        assertEquals(
                endSmall,
                endLarge,
                "statements to end a group of 2 members and 1 request vs 5 and 4\n" + lastStatements);
    }

    @Test
    void aGroupPageReadsOthersReadPositionsOnlyForTheReadersOwnMessages() throws SQLException {
        Caller me = Callers.register(accounts, "Reader");
        Caller friend = Callers.register(accounts, "Writer");
        long conversation = groupChatOfTwo(friend, me, "receipts");
        sends.send(new Outgoing(friend, conversation, "theirs", "from them", null, List.of(), null));
        long othersOnly = statements(() -> messages.history(me, conversation, null, null, 50));
        sends.send(new Outgoing(me, conversation, "mine", "from me", null, List.of(), null));
        long withMine = statements(() -> messages.history(me, conversation, null, null, 50));
        assertEquals(othersOnly + 1, withMine, "one query for the read counts of my messages\n" + lastStatements);
        assertEquals(
                0,
                messages.history(me, conversation, null, null, 50).messages().stream()
                        .filter(m -> m.readCount() != null)
                        .findFirst()
                        .orElseThrow()
                        .readCount());
    }

    /** A group chat of two friends, made by {@code owner}; its conversation's id. */
    private long groupChatOfTwo(Caller owner, Caller member, String name) {
        Callers.befriend(requests, member, owner);
        long group = groups.create(owner, name, null, JoinPolicy.OPEN, List.of(member.accountId()))
                .id();
        return conversations.openGroup(owner, group).id();
    }

    /** Four approval groups, each with these members and a pending request from each asker. */
    private Iterator<Long> groupsWaiting(Caller owner, List<Caller> members, List<Caller> askers) {
        List<Long> made = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long group = groups.create(
                            owner,
                            "waiting " + i,
                            null,
                            JoinPolicy.APPROVAL,
                            members.stream().map(Caller::accountId).toList())
                    .id();
            conversations.openGroup(owner, group);
            for (Caller asker : askers) {
                memberships.requestToJoin(asker, group, null);
            }
            made.add(group);
        }
        return made.iterator();
    }

    @Test
    void aGroupWhereAnUnreadMessageMentionsMeSaysSo() throws SQLException {
        Caller me = Callers.register(accounts, "Mentioned");
        Caller friend = Callers.register(accounts, "Mentioner");
        long conversation = groupChatOfTwo(friend, me, "mentions");
        long hello = sends.send(new Outgoing(friend, conversation, "m0", "hello", null, List.of(), null))
                .message()
                .seq();
        messages.read(me, conversation, hello);
        long nothingUnread = statements(() -> list.page(me.accountId(), null, 100));
        sends.send(new Outgoing(friend, conversation, "m1", "@you look", null, List.of(me.accountId()), null));
        // The marker is kept on the membership row the page reads anyway: no search through the
        // unread messages (which after a restart made every reconnecting client's sync slow).
        assertEquals(
                nothingUnread,
                statements(() -> list.page(me.accountId(), null, 100)),
                "statements for a page with an unread mention\n" + lastStatements);
        sends.send(new Outgoing(friend, conversation, "m2", "and more", null, List.of(), null));
        assertTrue(mentionsMe(me, conversation), "an unread mention");
        assertFalse(mentionsMe(friend, conversation), "the sender is not mentioned");
        messages.read(me, conversation, hello + 2);
        assertFalse(mentionsMe(me, conversation), "read: no longer marked");
    }

    @Test
    void aRecalledMentionNoLongerMarksTheGroupButAnEarlierUnreadOneStillDoes() {
        Caller me = Callers.register(accounts, "Recalled");
        Caller friend = Callers.register(accounts, "Recaller");
        long conversation = groupChatOfTwo(friend, me, "recalled mentions");
        long first = mention(friend, me, conversation, "r1");
        long second = mention(friend, me, conversation, "r2");
        long third = mention(friend, me, conversation, "r3");
        messages.recall(friend, conversation, first);
        assertTrue(mentionsMe(me, conversation), "recalling an older mention leaves the newest");
        messages.recall(friend, conversation, third);
        assertTrue(mentionsMe(me, conversation), "the one before the recalled newest still marks it");
        messages.recall(friend, conversation, second);
        assertFalse(mentionsMe(me, conversation), "no unread mention is left");
        mention(friend, me, conversation, "r4");
        assertTrue(mentionsMe(me, conversation), "a new mention marks it again");
    }

    private long mention(Caller from, Caller whom, long conversation, String clientId) {
        return sends.send(new Outgoing(from, conversation, clientId, "@you", null, List.of(whom.accountId()), null))
                .message()
                .seq();
    }

    private boolean mentionsMe(Caller who, long conversationId) {
        return list.page(who.accountId(), null, 100).conversations().stream()
                .filter(c -> c.id() == conversationId)
                .findFirst()
                .orElseThrow()
                .mentionsMe();
    }

    private static Instant activity(MessagingViews.Conversation c) {
        return c.lastMessageAt() == null ? Instant.MIN : c.lastMessageAt();
    }

    /** Someone with {@code n} friends and {@code n} groups, a message in each conversation. */
    private Caller personWithConversations(int n) {
        Caller me = Callers.register(accounts, "Lists");
        for (int i = 0; i < n; i++) {
            Caller friend = Callers.register(accounts, "Friend");
            Callers.befriend(requests, me, friend);
            long direct = conversations.openDirect(me, friend.accountId()).id();
            sends.send(new Outgoing(me, direct, "d" + i, "hello " + i, null, List.of(), null));
            long group = groups.create(me, "group " + i, null, JoinPolicy.OPEN, List.of())
                    .id();
            long groupConversation = conversations.openGroup(me, group).id();
            sends.send(new Outgoing(me, groupConversation, "g" + i, "hi all " + i, null, List.of(), null));
        }
        return me;
    }

    /**
     * Statements {@code work} ran, once the count is steady: the fewest of at least three runs,
     * and more (up to ten) until the last two runs agree with that fewest. Both counters below see
     * the whole database or persistence unit, so work left running by the set-up (frames pushed
     * after the set-up's sends commit, which look up members and names) can add to a run; it
     * never takes any away, and on a loaded machine it outlasted three runs. On H2 the database
     * counts (its query statistics: the same whichever JPA provider runs, so the Payara leg
     * measures EclipseLink); elsewhere Hibernate's statistics do (the PostgreSQL leg runs on
     * WildFly).
     */
    private long statements(Supplier<?> work) throws SQLException {
        long fewest = Long.MAX_VALUE;
        long previous = -1;
        for (int run = 0; run < 10; run++) {
            long count = statementsOnce(work);
            fewest = Math.min(fewest, count);
            if (run >= 2 && count == fewest && previous == fewest) {
                break;
            }
            previous = count;
        }
        return fewest;
    }

    /** The fewest statements of three runs of work that cannot repeat (each run takes the next subject). */
    private long statementsOfThree(Supplier<?> work) throws SQLException {
        long fewest = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            fewest = Math.min(fewest, statementsOnce(work));
        }
        return fewest;
    }

    private long statementsOnce(Supplier<?> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.getMetaData().getDatabaseProductName().equals("H2")) {
                return h2Statements(connection, work);
            }
        }
        Statistics statistics = factory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        try {
            work.get();
            return statistics.getPrepareStatementCount();
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }

    /**
     * Switching H2's statistics on starts them empty; the count leaves out the statement reading
     * them and transaction ends (Hibernate's count of prepared statements has neither).
     */
    private long h2Statements(Connection connection, Supplier<?> work) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET QUERY_STATISTICS FALSE");
            statement.execute("SET QUERY_STATISTICS TRUE");
            try {
                work.get();
                long total = 0;
                StringBuilder seen = new StringBuilder();
                try (ResultSet rows = statement.executeQuery("SELECT SQL_STATEMENT, EXECUTION_COUNT FROM"
                        + " INFORMATION_SCHEMA.QUERY_STATISTICS WHERE SQL_STATEMENT NOT LIKE '%QUERY_STATISTICS%'"
                        + " AND SQL_STATEMENT NOT IN ('COMMIT', 'ROLLBACK')")) {
                    while (rows.next()) {
                        total += rows.getLong(2);
                        seen.append(rows.getLong(2))
                                .append(" × ")
                                .append(rows.getString(1))
                                .append('\n');
                    }
                }
                lastStatements = seen.toString();
                return total;
            } finally {
                statement.execute("SET QUERY_STATISTICS FALSE");
            }
        }
    }
}
