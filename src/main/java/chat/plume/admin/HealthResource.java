package chat.plume.admin;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Probes for load balancers, orchestrators and scripts. Unauthenticated on purpose, and they say
 * nothing but up or down.
 *
 * <ul>
 *   <li>{@code GET /health/ready} (and {@code GET /health}, its older name): 200 when the database
 *       answers, 503 otherwise — take the node out of rotation; it comes back by itself when the
 *       database does.
 *   <li>{@code GET /health/live}: 200 while the application is deployed and serving, whatever the
 *       database does — a process that fails it should be restarted; one that fails only
 *       readiness should not.
 * </ul>
 */
@Path("health")
@Stateless
public class HealthResource {

    @PersistenceContext
    EntityManager em;

    /** The probe's answer. */
    public record Health(String status, String database) {}

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        return ready();
    }

    @GET
    @Path("ready")
    @Produces(MediaType.APPLICATION_JSON)
    public Response ready() {
        try {
            em.createNativeQuery("SELECT 1").getSingleResult();
            return Response.ok(new Health("up", "up")).build();
        } catch (PersistenceException e) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .entity(new Health("down", "down"))
                    .header("Retry-After", "5")
                    .build();
        }
    }

    @GET
    @Path("live")
    @Produces(MediaType.APPLICATION_JSON)
    public Response live() {
        return Response.ok(new Health("up", null)).build();
    }
}
