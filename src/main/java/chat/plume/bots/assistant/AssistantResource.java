package chat.plume.bots.assistant;

import chat.plume.identity.boundary.Authenticated;
import chat.plume.platform.error.MissingEntityException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code /bots/assistant}: who the assistant is and its commands (the page's slash-command completion). */
@Path("bots/assistant")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AssistantResource {

    /** The assistant and what it answers. */
    public record About(long id, String username, List<AssistantCommands.Command> commands) {}

    @Inject
    Assistant assistant;

    @GET
    public About about() {
        return assistant
                .self()
                .map(me -> new About(me.accountId(), me.username(), AssistantCommands.COMMANDS))
                .orElseThrow(() -> new MissingEntityException("bot_not_found", "The assistant is off here."));
    }
}
