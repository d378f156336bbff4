package chat.plume.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the gateway's settings injectable; read once at deployment. */
@ApplicationScoped
public class RealtimeConfiguration {

    @Produces
    @Singleton
    GatewaySettings settings() {
        return GatewaySettings.fromConfiguration();
    }
}
