package chat.plume.calls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the call settings injectable; read once at deployment. */
@ApplicationScoped
public class CallConfiguration {

    @Produces
    @Singleton
    CallSettings settings() {
        return CallSettings.fromConfiguration();
    }
}
