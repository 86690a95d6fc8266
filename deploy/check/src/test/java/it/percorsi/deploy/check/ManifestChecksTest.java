package it.percorsi.deploy.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checker itself: a planted mistake in the rendered prod overlay fails with a clear message.
 */
class ManifestChecksTest {

  private final List<ObjectNode> prod = Render.copyOf("prod");

  @Test
  void aProbeOnAPortTheContainerDoesNotExposeFails() {
    ObjectNode container = container("dote-service");
    ((ObjectNode) container.path("livenessProbe").path("httpGet")).put("port", 9080);

    assertThat(ManifestChecks.problems(prod))
        .containsExactly(
            "Deployment/dote-service container dote-service: livenessProbe port 9080 is not a port"
                + " of the container (ports: http=8082)");
  }

  @Test
  void aMissingVariableWithALoopbackDefaultFails() {
    removeEnv("dote-service", "PARTICIPANT_URL");

    assertThat(ManifestChecks.problems(prod))
        .containsExactly(
            "Deployment/dote-service container dote-service: environment variable PARTICIPANT_URL"
                + " is not set (read in dote-service/src/main/resources/application.properties;"
                + " default http://127.0.0.1:8081 is a loopback address)");
  }

  @Test
  void aGatewaySettingLeftToItsDefaultFails() {
    ObjectNode cm = (ObjectNode) object("ConfigMap", "percorsi-gateway-", true);
    ((ObjectNode) cm.path("data")).remove("RATE_LIMIT_PER_SECOND");

    assertThat(ManifestChecks.problems(prod))
        .containsExactly(
            "Deployment/gateway container gateway: environment variable RATE_LIMIT_PER_SECOND is"
                + " not set (read in gateway/src/main/resources/application.properties; every"
                + " setting of gateway is explicit in a cluster)");
  }

  @Test
  void aMisspeltFieldFailsTheSchema() {
    ObjectNode container = container("plan-service");
    container.set("readinesProbe", container.remove("readinessProbe"));

    assertThat(Schemas.problems(prod))
        .singleElement()
        .asString()
        .startsWith(
            "Deployment/plan-service: not valid apps/v1/Deployment at $.spec.template.spec.containers[0]")
        .contains("readinesProbe");
  }

  @Test
  void aMisspeltFieldOfAnOperatorResourceFails() {
    ObjectNode topic = (ObjectNode) object("KafkaTopic", "percorsi.dotes.v1", false);
    ((ObjectNode) topic.path("spec")).put("partiton", 12);
    ObjectNode db = (ObjectNode) object("Cluster", "dote-db", false);
    ((ObjectNode) db.path("spec")).put("instance", 3);

    assertThat(Schemas.problems(prod))
        .hasSize(2)
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("KafkaTopic/percorsi.dotes.v1: not valid")
                    .contains("partiton"))
        .anySatisfy(
            p -> assertThat(p).startsWith("Cluster/dote-db: not valid").contains("instance"));
  }

  @Test
  void poolsAboveMaxConnectionsAtTheHpaMaximumFail() {
    ObjectNode hpa = (ObjectNode) object("HorizontalPodAutoscaler", "plan-service", false);
    ((ObjectNode) hpa.path("spec")).put("maxReplicas", 40);

    assertThat(ManifestChecks.problems(prod))
        .singleElement()
        .asString()
        .startsWith(
            "Deployment/plan-service container plan-service: (HPA maximum 40 + rolling-update surge 10) pods x DB_POOL_MAX")
        .contains("connections to Cluster/plan-db, above its max_connections");
  }

  @Test
  void anAclOnATopicTheServiceDoesNotConsumeFails() {
    ObjectNode user = (ObjectNode) object("KafkaUser", "participant-service", false);
    ObjectNode acl = ((ArrayNode) user.path("spec").path("authorization").path("acls")).addObject();
    acl.putObject("resource")
        .put("type", "topic")
        .put("name", "percorsi.plans.v1")
        .put("patternType", "literal");
    acl.putArray("operations").add("Read").add("Describe");

    assertThat(ManifestChecks.problems(prod))
        .containsExactly(
            "KafkaUser/participant-service: grants [Describe, Read] on topic percorsi.plans.v1,"
                + " which participant-service does not need (it neither consumes nor produces it)");
  }

  @Test
  void theMasterRealmOnTheKeycloakIngressFails() {
    ObjectNode ingress = (ObjectNode) object("Ingress", "percorsi-keycloak", false);
    ((ObjectNode) ingress.path("spec").path("rules").path(0).path("http").path("paths").path(0))
        .put("path", "/realms");

    assertThat(ManifestChecks.problems(prod))
        .containsExactly(
            "Ingress/percorsi-keycloak: path /realms exposes Keycloak beyond what logins need"
                + " (allowed: [/realms/percorsi, /resources])");
  }

  @Test
  void theDemoRealmBehindAPublicIngressFails() {
    List<ObjectNode> dev = Render.copyOf("dev");
    ObjectNode ingress =
        dev.stream()
            .filter(o -> o.path("kind").asText().equals("Ingress"))
            .filter(o -> o.path("metadata").path("name").asText().equals("percorsi-keycloak"))
            .findFirst()
            .orElseThrow();
    ((ObjectNode) ingress.path("spec")).remove("ingressClassName");

    assertThat(ManifestChecks.problems(dev))
        .containsExactly(
            "Ingress/percorsi-keycloak: the demo realm (demo users, public secrets) is imported, so"
                + " Keycloak must not be public: set ingressClassName percorsi-internal"
                + " (internal-only controller)");
  }

  @Test
  void aSwaggerClientWithThePasswordGrantInProdFails() {
    JsonNode realm =
        object("KeycloakRealmImport", "percorsi-realm", false).path("spec").path("realm");
    for (JsonNode c : realm.path("clients")) {
      if (c.path("clientId").asText().equals("percorsi-cli")) {
        ((ObjectNode) c).put("directAccessGrantsEnabled", true);
      }
    }

    assertThat(ManifestChecks.problems(prod))
        .containsExactly(
            "KeycloakRealmImport/percorsi-realm: client percorsi-cli allows the password grant"
                + " outside the demo realm");
  }

  private ObjectNode container(String deployment) {
    return (ObjectNode)
        object("Deployment", deployment, false)
            .path("spec")
            .path("template")
            .path("spec")
            .path("containers")
            .path(0);
  }

  private void removeEnv(String deployment, String name) {
    ArrayNode env = (ArrayNode) container(deployment).path("env");
    for (int i = 0; i < env.size(); i++) {
      if (env.get(i).path("name").asText().equals(name)) {
        env.remove(i);
        return;
      }
    }
    throw new AssertionError(name + " not in " + deployment);
  }

  private JsonNode object(String kind, String name, boolean prefix) {
    return prod.stream()
        .filter(o -> o.path("kind").asText().equals(kind))
        .filter(
            o -> {
              String n = o.path("metadata").path("name").asText();
              return prefix ? n.startsWith(name) : n.equals(name);
            })
        .findFirst()
        .orElseThrow(() -> new AssertionError(kind + " " + name + " not rendered"));
  }
}
