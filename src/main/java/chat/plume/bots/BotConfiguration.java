package chat.plume.bots;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the bots feature's settings available for injection. */
@ApplicationScoped
public class BotConfiguration {

    @Produces
    @Singleton
    BotSettings settings() {
        return BotSettings.fromConfiguration();
    }
}
