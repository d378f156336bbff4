package chat.plume.load;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.ClientTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * A few seconds of every load scenario against the test server, so that the tool cannot rot: each
 * run must account for every message (nothing lost, nothing duplicated, every send answered).
 * The accounts are shared between the runs, as the population file shares them between real ones.
 */
@RunAsClient
class LoadToolSmokeIT extends ClientTestBase {

    private static final String KEEP_NOTHING = "population=none";

    @Test
    void directOpenLoopAccountsForEveryMessage() throws Exception {
        Report report = (Report)
                LoadTool.run("direct", api.base(), LoadOptions.of(KEEP_NOTHING, "pairs=2", "rate=40", "seconds=3"));
        assertAccountedFor(report);
        assertThat(report.sent()).isGreaterThan(100);
        assertThat(report.p99Micros()).isPositive();
    }

    @Test
    void directClosedLoopKeepsItsWindowFull() throws Exception {
        // The test server lets a connection send 100 frames a second; stay under it.
        Report report = (Report) LoadTool.run(
                "direct",
                api.base(),
                LoadOptions.of(KEEP_NOTHING, "pairs=2", "window=2", "max-per-sender=60", "seconds=2"));
        assertAccountedFor(report);
        assertThat(report.sent()).isGreaterThan(20);
    }

    @Test
    void bothSidesOfAPairSendingGetEachOthersMessagesInOrder() throws Exception {
        Report report = (Report) LoadTool.run(
                "direct",
                api.base(),
                LoadOptions.of(KEEP_NOTHING, "pairs=2", "senders=2", "window=2", "max-per-sender=40", "seconds=2"));
        assertAccountedFor(report);
        assertThat(report.expected()).isEqualTo(report.acknowledged());
    }

    @Test
    void groupDeliversEveryMessageToEveryOtherMember() throws Exception {
        Report report = (Report) LoadTool.run(
                "group", api.base(), LoadOptions.of(KEEP_NOTHING, "members=4", "senders=2", "rate=20", "seconds=2"));
        assertAccountedFor(report);
        assertThat(report.expected()).isEqualTo(report.acknowledged() * 3);
    }

    @Test
    void reconnectingReceiversResumeWithoutLoss() throws Exception {
        ReconnectScenario.ReconnectReport report = (ReconnectScenario.ReconnectReport) LoadTool.run(
                "reconnect",
                api.base(),
                LoadOptions.of(KEEP_NOTHING, "pairs=3", "rate=30", "reconnects=4", "seconds=3"));
        assertAccountedFor(report.traffic());
        assertThat(report.resumes()).isGreaterThan(3);
        assertThat(report.traffic().delivered() + report.recovered())
                .isEqualTo(report.traffic().expected());
    }

    @Test
    void fillStoresEveryMessageAndSessionsOpenOnTheFilledData() throws Exception {
        Path kept = Files.createTempFile("load-population", ".tsv");
        try {
            String population = "population=" + kept;
            FillScenario.FillReport fill = (FillScenario.FillReport) LoadTool.run(
                    "fill",
                    api.base(),
                    LoadOptions.of(population, "accounts=6", "conversations=9", "messages=300", "window=2"));
            assertThat(fill.clean()).as(fill.toString()).isTrue();
            assertThat(fill.stored()).isEqualTo(300);
            SessionScenario.SessionReport session = (SessionScenario.SessionReport)
                    LoadTool.run("session", api.base(), LoadOptions.of(population, "accounts=6", "rounds=6"));
            assertThat(session.emptyLists()).isZero();
            assertThat(session.newestPage()[0]).isPositive();
        } finally {
            Files.deleteIfExists(kept);
        }
    }

    @Test
    void idleConnectionsAreHeldThroughHeartbeats() throws Exception {
        // The test server beats every second and drops after three silent ones: a five-second hold
        // fails if the tool does not answer pings.
        IdleScenario.IdleReport report = (IdleScenario.IdleReport)
                LoadTool.run("idle", api.base(), LoadOptions.of(KEEP_NOTHING, "connections=20", "users=2", "hold=5"));
        assertThat(report.connections()).isEqualTo(20);
        assertThat(report.dropped()).isZero();
    }

    private static void assertAccountedFor(Report report) {
        assertThat(report.errors()).isZero();
        assertThat(report.acknowledged()).isEqualTo(report.sent());
        assertThat(report.lost()).isZero();
        assertThat(report.duplicated()).isZero();
        assertThat(report.reordered()).isZero();
        assertThat(report.expected()).isPositive();
    }
}
