package it.percorsi.deploy.check;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Validates every rendered object against a pinned schema, as the API server would with {@code
 * kubectl apply --validate=strict}: an unknown or misspelt field, a wrong type or a kind without a
 * pinned schema is a problem.
 *
 * <ul>
 *   <li>Kubernetes built-in kinds and the Prometheus operator's: strict deserialisation into the
 *       fabric8 model classes (version from the Quarkus BOM), with their catch-all "additional
 *       properties" switched off and no coercion of scalars.
 *   <li>Strimzi (kafka.strimzi.io/v1): strict deserialisation into the model classes of {@code
 *       io.strimzi:api} (version pinned in the module's pom).
 *   <li>CloudNativePG and the Keycloak operator, whose CRDs no registry reachable from the build
 *       ships: JSON Schemas under {@code schemas/}, written from the CRD references of the pinned
 *       operator versions named in each file (closed objects for every part the manifests use).
 * </ul>
 */
final class Schemas {

  private static final Map<String, Class<?>> MODELS =
      Map.ofEntries(
          Map.entry("v1/Namespace", Namespace.class),
          Map.entry("v1/ConfigMap", ConfigMap.class),
          Map.entry("v1/Secret", Secret.class),
          Map.entry("v1/Service", Service.class),
          Map.entry("v1/ServiceAccount", ServiceAccount.class),
          Map.entry("apps/v1/Deployment", Deployment.class),
          Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
          Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
          Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
          Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
          Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
          Map.entry("monitoring.coreos.com/v1/PodMonitor", PodMonitor.class),
          Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class),
          Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
          Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
          Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
          Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class));

  private static final Map<String, String> JSON_SCHEMAS =
      Map.of(
          "postgresql.cnpg.io/v1/Cluster", "schemas/cloudnative-pg-1.27-cluster.yaml",
          "k8s.keycloak.org/v2alpha1/Keycloak", "schemas/keycloak-operator-26.5-keycloak.yaml",
          "k8s.keycloak.org/v2alpha1/KeycloakRealmImport",
              "schemas/keycloak-operator-26.5-keycloakrealmimport.yaml");

  static final ObjectMapper STRICT =
      JsonMapper.builder()
          .annotationIntrospector(new StrictIntrospector())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .build();

  private Schemas() {}

  static List<String> problems(List<? extends JsonNode> objects) {
    List<String> problems = new ArrayList<>();
    for (JsonNode o : objects) {
      String type = o.path("apiVersion").asText() + "/" + o.path("kind").asText();
      Class<?> model = MODELS.get(type);
      String schema = JSON_SCHEMAS.get(type);
      if (model != null) {
        try {
          STRICT.treeToValue(o, model);
        } catch (JsonMappingException e) {
          problems.add(
              Render.id(o)
                  + ": not valid "
                  + type
                  + " at "
                  + path(e)
                  + ": "
                  + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
          problems.add(Render.id(o) + ": not valid " + type + ": " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
          problems.add(Render.id(o) + ": not valid " + type + ": " + e.getMessage());
        }
      } else if (schema != null) {
        for (ValidationMessage m : jsonSchema(schema).validate(o)) {
          problems.add(Render.id(o) + ": not valid " + type + ": " + m.getMessage());
        }
      } else {
        problems.add(
            Render.id(o)
                + ": no pinned schema for apiVersion "
                + o.path("apiVersion").asText()
                + " kind "
                + o.path("kind").asText()
                + " (add one to deploy/check, Schemas)");
      }
    }
    return problems;
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("", "$", ""));
  }

  private static final Map<String, JsonSchema> LOADED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static JsonSchema jsonSchema(String resource) {
    return LOADED.computeIfAbsent(
        resource,
        r -> {
          try (InputStream in = Schemas.class.getClassLoader().getResourceAsStream(r)) {
            if (in == null) {
              throw new AssertionError("missing schema resource " + r);
            }
            JsonNode node = Render.YAML.readTree(in);
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(node);
          } catch (IOException e) {
            throw new AssertionError("cannot read schema " + r, e);
          }
        });
  }

  /**
   * Jackson's view of the models without their leniency: the catch-all {@code @JsonAnySetter} of
   * fabric8 and Strimzi models (which would swallow a misspelt field) and {@code ignoreUnknown}.
   */
  private static final class StrictIntrospector extends JacksonAnnotationIntrospector {
    @Override
    public Boolean hasAnySetter(Annotated a) {
      return Boolean.FALSE;
    }

    @Override
    public JsonIgnoreProperties.Value findPropertyIgnoralByName(
        MapperConfig<?> config, Annotated a) {
      JsonIgnoreProperties.Value v = super.findPropertyIgnoralByName(config, a);
      return v == null ? null : v.withoutIgnoreUnknown();
    }
  }
}
