package chat.plume.bots.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AssistantCommandsTest {

    private static AssistantCommands.Answer answer(String body) {
        return AssistantCommands.answer(body, "plume", new SplittableRandom(42));
    }

    private static String said(String body) {
        return ((AssistantCommands.Say) answer(body)).text();
    }

    @Test
    void helpListsEveryCommand() {
        assertThat(said("/help"))
                .contains("/roll [NdM]")
                .contains("/remind <when> <text>")
                .contains("/poll");
        assertThat(said("/HELP@Plume")).isEqualTo(said("/help"));
    }

    @Test
    void anythingElseGetsWhatItCanDoNeverSilence() {
        assertThat(said("hello")).startsWith("I answer commands.").contains("/help");
        assertThat(said("/dance now")).startsWith("I don't know /dance.").contains("/roll");
        assertThat(said("/" + "x".repeat(100))).contains("…");
    }

    @Test
    void rollsDiceWithinBounds() {
        for (int i = 0; i < 200; i++) {
            String roll = ((AssistantCommands.Say)
                            AssistantCommands.answer("/roll 3d6", "plume", new SplittableRandom(i)))
                    .text();
            assertThat(roll).startsWith("🎲 3d6: ");
            String[] sum = roll.split(" = ");
            int total = Integer.parseInt(sum[1]);
            assertThat(total).isBetween(3, 18);
            int faces = 0;
            for (String face : sum[0].substring("🎲 3d6: ".length()).split(" \\+ ")) {
                faces += Integer.parseInt(face);
            }
            assertThat(faces).isEqualTo(total);
        }
        assertThat(said("/roll")).matches("🎲 1d6: [1-6]");
        assertThat(said("/roll 20")).matches("🎲 1d20: \\d+");
        assertThat(said("/roll 21d6")).startsWith("Try /roll 2d6");
        assertThat(said("/roll 2d1")).startsWith("Try /roll 2d6");
        assertThat(said("/roll 1d1001")).startsWith("Try /roll 2d6");
        assertThat(said("/roll lots")).startsWith("Try /roll 2d6");
    }

    @Test
    void remindersAreBetweenTenSecondsAndAYearAhead() {
        assertThat(answer("/remind 1h30m stand up"))
                .isEqualTo(new AssistantCommands.Remind(Duration.ofMinutes(90), "stand up"));
        assertThat(answer("/remind 10s 喝水")).isEqualTo(new AssistantCommands.Remind(Duration.ofSeconds(10), "喝水"));
        assertThat(said("/remind 0s now")).contains("now or in the past");
        assertThat(said("/remind 9s soon")).contains("now or in the past");
        assertThat(said("/remind 3650d in ten years")).contains("too far away");
        assertThat(said("/remind tomorrow lunch")).startsWith("Try /remind");
        assertThat(said("/remind 1h")).startsWith("Try /remind");
        assertThat(said("/remind 1h " + "x".repeat(501))).contains("too long");
    }

    @Test
    void pollsHaveAQuestionAndTwoToTenQuotedOptions() {
        assertThat(answer("/poll \"Lunch?\" \"noodles\" \"rice\""))
                .isEqualTo(new AssistantCommands.Poll("Lunch?", java.util.List.of("noodles", "rice")));
        assertThat(answer("/poll “午饭吃什么？” “面” “饭” “饺子”"))
                .isEqualTo(new AssistantCommands.Poll("午饭吃什么？", java.util.List.of("面", "饭", "饺子")));
        assertThat(said("/poll \"Only one?\" \"yes\"")).startsWith("Try /poll");
        assertThat(said("/poll Lunch? noodles rice")).startsWith("Try /poll");
        StringBuilder hundred = new StringBuilder("/poll \"Too many?\"");
        for (int i = 0; i < 100; i++) {
            hundred.append(" \"").append(i).append('"');
        }
        assertThat(said(hundred.toString())).isEqualTo("A poll has at most 10 options; that one has 100.");
    }

    @Test
    void durationsReadLikePeopleWriteThem() {
        assertThat(AssistantCommands.human(Duration.ofMinutes(90))).isEqualTo("1h 30m");
        assertThat(AssistantCommands.human(Duration.ofSeconds(86_410))).isEqualTo("1d 10s");
    }
}
