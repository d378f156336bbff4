package chat.plume.bots.ai;

import chat.plume.platform.Settings;
import java.net.URI;
import java.time.Duration;

/**
 * The AI assistant's knobs (see the README's configuration table). Off until {@code
 * plume.ai.base-url} is set.
 *
 * @param baseUrl the server's OpenAI-compatible API root, e.g. {@code http://127.0.0.1:11434/v1}
 * @param apiKey sent as a bearer token when set (prefer {@code PLUME_AI_API_KEY}); never printed
 * @param contextMessages how many of the conversation's latest messages go with each question
 * @param timeout how long an answer may take in all before the bot says the model did not answer
 * @param concurrent answers being written at once (more wait their turn by being told to try again)
 */
public record AiSettings(
        URI baseUrl, String model, String apiKey, int contextMessages, Duration timeout, int concurrent) {

    public boolean enabled() {
        return baseUrl != null;
    }

    public URI completions() {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
    }

    public static AiSettings fromConfiguration() {
        URI baseUrl = Settings.lookup("plume.ai.base-url").map(AiSettings::http).orElse(null);
        return new AiSettings(
                baseUrl,
                Settings.string("plume.ai.model", "default"),
                Settings.lookup("plume.ai.api-key").orElse(null),
                Settings.integer("plume.ai.context-messages", 20, 1, 100),
                Settings.seconds("plume.ai.timeout-seconds", 60, 1, 600),
                Settings.integer("plume.ai.concurrent", 4, 1, 100));
    }

    private static URI http(String value) {
        URI uri = URI.create(value);
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalStateException("Setting plume.ai.base-url must be an http(s) address, was " + value);
        }
        return uri;
    }

    /** The key stays out of logs. */
    @Override
    public String toString() {
        return "AiSettings[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", contextMessages=" + contextMessages + ", timeout=" + timeout + ", concurrent=" + concurrent + "]";
    }
}
