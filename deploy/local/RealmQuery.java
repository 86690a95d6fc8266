import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;

/**
 * Reads the demo realm files of deploy/keycloak when jq is not installed (run by lib.sh with the
 * Kafka classpath, which brings Jackson):
 *
 * <pre>
 *   lookup NAME REALM FILE...  realm, client secret, user password of NAME (separated by \x1f), from
 *                              the first file (of realm REALM, when not empty) that knows it
 *   names FILE...              realm, name and kind of every demo principal, one a line
 * </pre>
 */
public class RealmQuery {

  public static void main(String[] args) throws Exception {
    ObjectMapper json = new ObjectMapper();
    if (args.length >= 3 && args[0].equals("lookup")) {
      String name = args[1];
      String realm = args[2];
      for (int i = 3; i < args.length; i++) {
        JsonNode r = json.readTree(new File(args[i]));
        String realmName = r.path("realm").asText();
        if (!realm.isEmpty() && !realm.equals(realmName)) {
          continue;
        }
        String secret = "";
        for (JsonNode c : r.path("clients")) {
          if (c.path("clientId").asText().equals(name)
              && c.path("serviceAccountsEnabled").asBoolean(false)) {
            secret = c.path("secret").asText("");
          }
        }
        String password = "";
        for (JsonNode u : r.path("users")) {
          if (u.path("username").asText().equals(name)) {
            for (JsonNode cr : u.path("credentials")) {
              if (cr.path("type").asText().equals("password")) {
                password = cr.path("value").asText("");
              }
            }
          }
        }
        if (!secret.isEmpty() || !password.isEmpty()) {
          System.out.println(realmName + "\u001f" + secret + "\u001f" + password);
          return;
        }
      }
      System.exit(1);
    } else if (args.length >= 1 && args[0].equals("names")) {
      for (int i = 1; i < args.length; i++) {
        JsonNode r = json.readTree(new File(args[i]));
        String realmName = r.path("realm").asText();
        for (JsonNode c : r.path("clients")) {
          if (c.path("serviceAccountsEnabled").asBoolean(false)) {
            System.out.println(
                realmName + "\t" + c.path("clientId").asText() + "\tclient (client credentials)");
          }
        }
        for (JsonNode u : r.path("users")) {
          if (u.has("credentials")) {
            System.out.println(
                realmName
                    + "\t"
                    + u.path("username").asText()
                    + "\tuser (password grant via percorsi-cli)");
          }
        }
      }
    } else {
      System.err.println("usage: RealmQuery lookup NAME REALM FILE... | names FILE...");
      System.exit(2);
    }
  }
}
