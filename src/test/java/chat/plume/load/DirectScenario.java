package chat.plume.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code direct}: P pairs of friends; each pair's first person sends to the second. Options:
 * {@code pairs} (100), {@code rate} (total messages/s, open loop, default 1000) or {@code window}
 * (sends in flight per sender, closed loop), {@code seconds} (30), {@code blocked} (0: how many
 * pairs' receivers block their sender before the traffic, whose sends are then all refused
 * {@code blocked}: to show that refusals cost the others nothing).
 */
final class DirectScenario implements Scenario {

    @Override
    public Set<String> options() {
        return Scenario.union(TRAFFIC_OPTIONS, Set.of("pairs", "blocked"));
    }

    @Override
    public Report run(Context context) {
        int pairs = context.options().integer("pairs", 100);
        int blocked = context.options().integer("blocked", 0);
        List<Population.Account> accounts = context.population().take(2 * pairs);
        Ledger ledger = new Ledger();
        Traffic traffic = new Traffic(ledger);
        List<Population.Account> senders = new ArrayList<>();
        List<Population.Account> everyone = new ArrayList<>();
        Map<Long, Setup.Conversation> conversationOf = new HashMap<>();
        for (int i = 0; i < pairs; i++) {
            Population.Account from = accounts.get(2 * i);
            Population.Account to = accounts.get(2 * i + 1);
            Setup.Conversation conversation = Setup.directConversation(context.api(), from, to);
            if (i < blocked) {
                Setup.block(context.api(), from, to);
            }
            conversationOf.put(from.id(), conversation);
            conversationOf.put(to.id(), conversation);
            senders.add(from);
            everyone.add(from);
            everyone.add(to);
        }
        List<LoadConnection> connections = Setup.connect(
                Setup.oneClient(),
                context.api().base(),
                everyone,
                account -> new Member(
                        ledger, traffic, conversationOf.get(account.id()), account.id(), !senders.contains(account)));
        for (LoadConnection connection : connections) {
            if (senders.contains(connection.account())) {
                traffic.addSender(
                        connection,
                        conversationOf.get(connection.account().id()).id());
            }
        }
        context.drive(traffic, 1000);
        connections.forEach(LoadConnection::abort);
        return ledger.report("direct");
    }
}
