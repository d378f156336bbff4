package chat.plume.platform.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Plume's REST API, versioned in its path so a v2 can live beside it. */
@ApplicationPath("/api/v1")
public class RestApplication extends Application {}
