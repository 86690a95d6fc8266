package it.percorsi.platform.caller;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The {@link Caller} of the current request, read once from the verified token. */
@RequestScoped
public class CurrentCaller {

  public static final String ORG_ID_CLAIM = "org_id";
  public static final String PROVINCES_CLAIM = "provinces";

  private final SecurityIdentity identity;
  private Caller caller;

  public CurrentCaller(SecurityIdentity identity) {
    this.identity = identity;
  }

  public Caller get() {
    if (caller == null) {
      caller =
          identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)
              ? new Caller(null, null, null, Set.of(), Set.of())
              : fromToken(jwt, identity.getRoles());
    }
    return caller;
  }

  /** Builds a caller from token claims; {@code roles} are the roles Quarkus mapped. */
  public static Caller fromToken(JsonWebToken jwt, Set<String> roles) {
    Object org = jwt.getClaim(ORG_ID_CLAIM);
    Set<String> provinces = new HashSet<>();
    Object claim = jwt.getClaim(PROVINCES_CLAIM);
    if (claim instanceof Collection<?> values) {
      for (Object v : values) {
        provinces.add(unquote(String.valueOf(v)));
      }
    } else if (claim != null) {
      provinces.add(unquote(String.valueOf(claim)));
    }
    Object azp = jwt.getClaim("azp");
    return new Caller(
        jwt.getSubject(),
        azp == null ? null : unquote(String.valueOf(azp)),
        org == null ? null : unquote(String.valueOf(org)),
        roles,
        provinces);
  }

  private static String unquote(String s) {
    // JSON-P string values print with their quotes.
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")
        ? s.substring(1, s.length() - 1)
        : s;
  }
}
