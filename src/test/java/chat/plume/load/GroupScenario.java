package chat.plume.load;

import java.util.List;
import java.util.Set;

/**
 * {@code group}: one open group of G members, all connected; S of them send. Every message is
 * due to the G - 1 others. Options: {@code members} (500), {@code senders} (10), {@code rate}
 * (total messages/s, open loop, default 50) or {@code window} (closed loop), {@code seconds} (30).
 * The server's group size limit must allow G ({@code plume.groups.max-members}).
 */
final class GroupScenario implements Scenario {

    @Override
    public Set<String> options() {
        return Scenario.union(TRAFFIC_OPTIONS, Set.of("members", "senders"));
    }

    @Override
    public Report run(Context context) {
        int size = context.options().integer("members", 500);
        int senders = context.options().integer("senders", 10);
        if (senders > size) {
            throw new IllegalArgumentException("senders must not exceed members");
        }
        List<Population.Account> members = context.population().take(size);
        Setup.Conversation conversation = Setup.groupConversation(context.api(), members);
        Ledger ledger = new Ledger();
        Traffic traffic = new Traffic(ledger);
        List<LoadConnection> connections = Setup.connect(
                Setup.oneClient(),
                context.api().base(),
                members,
                account -> new Member(ledger, traffic, conversation, account.id(), true));
        connections.subList(0, senders).forEach(c -> traffic.addSender(c, conversation.id()));
        context.drive(traffic, 50);
        connections.forEach(LoadConnection::abort);
        return ledger.report("group");
    }
}
