package chat.plume.bots.assistant;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the assistant says to a message: pure, so every answer is tested without a server. A
 * message that is not a command it knows gets the list of what it can do, never silence.
 */
public final class AssistantCommands {

    /** A command as the page's completion list shows it. */
    public record Command(String name, String usage, String description) {}

    /** What to do about a message. */
    public sealed interface Answer permits Say, Remind, Poll {}

    /** Answer with this text. */
    public record Say(String text) implements Answer {}

    /** Open a poll: a question and its options. */
    public record Poll(String question, List<String> options) implements Answer {}

    /** Set a reminder {@code in} from now, then say so. */
    public record Remind(Duration in, String text) implements Answer {}

    public static final List<Command> COMMANDS = List.of(
            new Command("/help", "/help", "What I can do"),
            new Command("/roll", "/roll [NdM]", "Roll dice, e.g. /roll 2d6 (up to 20 dice of up to 1000 sides)"),
            new Command(
                    "/remind",
                    "/remind <when> <text>",
                    "Remind this chat, e.g. /remind 1h30m stand up (from 10s to 365d ahead)"),
            new Command(
                    "/poll",
                    "/poll \"question\" \"option\" \"option\" …",
                    "A poll everyone here can vote in, e.g. /poll \"Lunch?\" \"noodles\" \"rice\" (2 to 10 options)"));

    public static final Duration SHORTEST_REMINDER = Duration.ofSeconds(10);
    public static final Duration LONGEST_REMINDER = Duration.ofDays(365);
    public static final int REMINDER_TEXT_MAX = 500;

    private static final Pattern DICE = Pattern.compile("^(\\d{1,3})?d(\\d{1,5})$|^(\\d{1,5})$");
    private static final Pattern WHEN = Pattern.compile("^(?:\\d{1,6}[smhd]){1,4}$");
    private static final Pattern PART = Pattern.compile("(\\d{1,6})([smhd])");

    private AssistantCommands() {}

    /** The answer to {@code body}; {@code username} is the assistant's own (for {@code /roll@plume}). */
    public static Answer answer(String body, String username, RandomGenerator random) {
        String text = body.strip();
        if (!text.startsWith("/")) {
            return new Say("I answer commands.\n" + help());
        }
        String[] words = text.split("\\s+", 3);
        String command = words[0].toLowerCase(Locale.ROOT);
        String suffix = "@" + username.toLowerCase(Locale.ROOT);
        if (command.endsWith(suffix)) {
            command = command.substring(0, command.length() - suffix.length());
        }
        return switch (command) {
            case "/help" -> new Say(help());
            case "/roll" -> new Say(roll(words.length > 1 ? words[1] : "1d6", random));
            case "/remind" -> remind(words);
            case "/poll" -> poll(text.substring(words[0].length()));
            default -> new Say("I don't know " + clip(words[0], 32) + ".\n" + help());
        };
    }

    /** Whether a message is one of the assistant's commands: {@code /roll …}, or anything as {@code /cmd@username}. */
    public static boolean isMine(String body, String username) {
        String text = body.strip();
        if (!text.startsWith("/")) {
            return false;
        }
        String command = text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        return command.endsWith("@" + username.toLowerCase(Locale.ROOT))
                || COMMANDS.stream().anyMatch(c -> c.name().equals(command));
    }

    static String help() {
        StringBuilder out = new StringBuilder("I am Plume's assistant. Commands:");
        for (Command c : COMMANDS) {
            out.append('\n').append(c.usage()).append(" — ").append(c.description());
        }
        return out.toString();
    }

    static String roll(String spec, RandomGenerator random) {
        Matcher m = DICE.matcher(spec.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return "Try /roll 2d6: up to 20 dice of 2 to 1000 sides.";
        }
        int dice = m.group(3) != null ? 1 : m.group(1) == null ? 1 : Integer.parseInt(m.group(1));
        int sides = Integer.parseInt(m.group(3) != null ? m.group(3) : m.group(2));
        if (dice < 1 || dice > 20 || sides < 2 || sides > 1000) {
            return "Try /roll 2d6: up to 20 dice of 2 to 1000 sides.";
        }
        StringBuilder out =
                new StringBuilder("🎲 ").append(dice).append('d').append(sides).append(": ");
        int total = 0;
        for (int i = 0; i < dice; i++) {
            int face = 1 + random.nextInt(sides);
            total += face;
            out.append(i == 0 ? "" : " + ").append(face);
        }
        return dice == 1 ? out.toString() : out.append(" = ").append(total).toString();
    }

    private static Answer remind(String[] words) {
        if (words.length < 3 || !WHEN.matcher(words[1].toLowerCase(Locale.ROOT)).matches()) {
            return new Say("Try /remind 1h30m stand up: a time from 10s to 365d ahead (s, m, h, d), then the text.");
        }
        Duration in = Duration.ZERO;
        Matcher part = PART.matcher(words[1].toLowerCase(Locale.ROOT));
        while (part.find()) {
            long n = Long.parseLong(part.group(1));
            in = in.plus(
                    switch (part.group(2)) {
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        case "h" -> Duration.ofHours(n);
                        default -> Duration.ofDays(n);
                    });
        }
        if (in.compareTo(SHORTEST_REMINDER) < 0) {
            return new Say("That is now or in the past: remind at least 10s ahead.");
        }
        if (in.compareTo(LONGEST_REMINDER) > 0) {
            return new Say("That is too far away: remind at most 365 days ahead.");
        }
        String text = words[2].strip();
        if (text.codePointCount(0, text.length()) > REMINDER_TEXT_MAX) {
            return new Say("That reminder is too long: at most " + REMINDER_TEXT_MAX + " characters.");
        }
        return new Remind(in, text);
    }

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"|“([^”]*)”");

    private static Answer poll(String arguments) {
        List<String> parts = new java.util.ArrayList<>();
        Matcher m = QUOTED.matcher(arguments);
        while (m.find()) {
            parts.add((m.group(1) != null ? m.group(1) : m.group(2)).strip());
        }
        if (parts.size() < 3) {
            return new Say(
                    "Try /poll \"Lunch?\" \"noodles\" \"rice\": a question and 2 to 10 options, each in quotes.");
        }
        if (parts.size() > 11) {
            return new Say("A poll has at most 10 options; that one has " + (parts.size() - 1) + ".");
        }
        return new Poll(parts.get(0), List.copyOf(parts.subList(1, parts.size())));
    }

    /** "1h 30m" for a duration. */
    public static String human(Duration d) {
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        long seconds = d.toSecondsPart();
        StringBuilder out = new StringBuilder();
        if (days > 0) out.append(days).append("d ");
        if (hours > 0) out.append(hours).append("h ");
        if (minutes > 0) out.append(minutes).append("m ");
        if (seconds > 0) out.append(seconds).append('s');
        return out.toString().strip();
    }

    private static String clip(String word, int max) {
        return word.length() <= max ? word : word.substring(0, max) + "…";
    }
}
