package chat.plume.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code direct}: P pairs of friends; each pair's first person sends to the second, or with
 * {@code senders=2} both send to each other (two senders in one conversation: each still gets
 * the other's messages in sequence order, which the ledger checks). Options: {@code pairs} (100),
 * {@code senders} (1 or 2), {@code rate} (total messages/s, open loop, default 1000) or
 * {@code window} (sends in flight per sender, closed loop), {@code seconds} (30), {@code blocked}
 * (0: how many pairs' receivers block their sender before the traffic, whose sends are then all
 * refused {@code blocked}: to show that refusals cost the others nothing).
 */
final class DirectScenario implements Scenario {

    @Override
    public Set<String> options() {
        return Scenario.union(TRAFFIC_OPTIONS, Set.of("pairs", "senders", "blocked"));
    }

    @Override
    public Report run(Context context) {
        int pairs = context.options().integer("pairs", 100);
        int blocked = context.options().integer("blocked", 0);
        int sendersPerPair = context.options().integer("senders", 1);
        if (sendersPerPair != 1 && sendersPerPair != 2) {
            throw new IllegalArgumentException("senders is 1 (the first of each pair) or 2 (both)");
        }
        if (sendersPerPair == 2 && blocked > 0) {
            throw new IllegalArgumentException("blocked needs senders=1");
        }
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
            if (sendersPerPair == 2) {
                senders.add(to);
            }
            everyone.add(from);
            everyone.add(to);
        }
        List<LoadConnection> connections = Setup.connect(
                Setup.oneClient(),
                context.api().base(),
                everyone,
                account -> new Member(
                        ledger,
                        traffic,
                        conversationOf.get(account.id()),
                        account.id(),
                        sendersPerPair == 2 || !senders.contains(account)));
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
