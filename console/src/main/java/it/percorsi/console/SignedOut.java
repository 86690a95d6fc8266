package it.percorsi.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** After the logout: no login needed to see it. */
@Path("/signed-out")
public class SignedOut {

  @Inject
  @Location("signed-out.html")
  Template page;

  @Context HttpHeaders headers;

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance get(@QueryParam("lang") String lang) {
    Lang l = Lang.of(lang, headers);
    TemplateInstance t = page.data("lang", l.code());
    t.setAttribute("locale", l.locale());
    return t;
  }
}
