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
 * {@code GET /health}: the readiness probe for load balancers and scripts. Unauthenticated on
 * purpose, and it says nothing but up or down: 200 when the database answers, 503 otherwise.
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
        try {
            em.createNativeQuery("SELECT 1").getSingleResult();
            return Response.ok(new Health("up", "up")).build();
        } catch (PersistenceException e) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .entity(new Health("down", "down"))
                    .build();
        }
    }
}
