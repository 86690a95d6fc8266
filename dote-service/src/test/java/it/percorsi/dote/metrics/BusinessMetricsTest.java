package it.percorsi.dote.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import it.percorsi.dote.dote.DoteMetrics;
import it.percorsi.dote.support.DoteFixtures;
import it.percorsi.dote.support.RealInfrastructure;
import it.percorsi.testkit.Events;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The business metrics Prometheus scrapes (and the alerts and dashboard of {@code
 * deploy/k8s/components/monitoring} read) appear with sane values after a write.
 */
@QuarkusTest
@RealInfrastructure
class BusinessMetricsTest {

  @Inject DoteMetrics metrics;
  @Inject MeterRegistry registry;

  @Test
  void applicationsAssignmentsRefusalsQuotasOutboxInboxAndConsumerLagAreExported() {
    String programme = DoteFixtures.published(DoteFixtures.programme(Map.of("19", 20), null));
    UUID sicilian = DoteFixtures.participant("19", "083", "ORG-PROMOTER-A");
    UUID lombard = DoteFixtures.participant("03", "015", "ORG-PROMOTER-A");
    double applied = value(scrape(), "percorsi_dote_applications_total", "");
    double assigned = value(scrape(), "percorsi_dote_assignments_total", "");

    // A record without a CloudEvents envelope: poison, straight to the dead-letter topic.
    Events.publish("percorsi.participants.v1", UUID.randomUUID().toString(), Map.of(), "{}");
    DoteFixtures.apply("promoter-a", programme, sicilian).statusCode(201);
    DoteFixtures.apply("promoter-a", programme, lombard).statusCode(422);
    metrics.refreshQuotas();

    String after = scrape();
    assertThat(value(after, "percorsi_dote_applications_total", "")).isEqualTo(applied + 2);
    assertThat(value(after, "percorsi_dote_assignments_total", "")).isEqualTo(assigned + 1);
    assertThat(value(after, "percorsi_dote_refusals_total", "kind=\"region-not-in-programme\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            value(
                after,
                "percorsi_dote_quota_remaining",
                "programme=\"" + programme + "\",region=\"19\""))
        .as("places left in the region after one assignment")
        .isEqualTo(19);
    assertThat(value(after, "percorsi_outbox_backlog", "")).isGreaterThanOrEqualTo(0);
    assertThat(value(after, "percorsi_outbox_oldest_age_seconds", ""))
        .isGreaterThanOrEqualTo(0)
        .isLessThan(3600);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () ->
                assertThat(
                        registry
                            .find("percorsi.inbox.dead.letters")
                            .tags(
                                "consumer",
                                "dote-service",
                                "reason",
                                "poison",
                                "topic",
                                "percorsi.participants.v1")
                            .counters())
                    .as("dead letters counted; inbox meters: %s", meters("inbox"))
                    .isNotEmpty()
                    .allSatisfy(c -> assertThat(c.count()).isGreaterThanOrEqualTo(1)));
    String exposition = scrape();
    assertThat(exposition)
        .as("dead letters in the exposition: %s", lines(exposition, "dead_letters"))
        .containsPattern("(?m)^percorsi_inbox_dead_letters_total\\{[^}]*reason=\"poison\"");
    assertThat(registry.find("kafka.consumer.fetch.manager.records.lag.max").gauges())
        .as(
            "the consumers' lag (Kafka client metrics); kafka meters: %s",
            meters("kafka.consumer.fetch"))
        .isNotEmpty();
    assertThat(value(exposition, "kafka_consumer_fetch_manager_records_lag_max", ""))
        .isGreaterThanOrEqualTo(0);
    assertThat(value(exposition, "kafka_producer_record_send_total", ""))
        .as("the relay's producer (Kafka client metrics)")
        .isGreaterThanOrEqualTo(1);
  }

  private String meters(String part) {
    return registry.getMeters().stream()
        .map(m -> m.getId().toString())
        .filter(id -> id.contains(part))
        .limit(20)
        .toList()
        .toString();
  }

  private static String lines(String exposition, String part) {
    return exposition.lines().filter(l -> l.contains(part)).limit(20).toList().toString();
  }

  private static String scrape() {
    return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
  }

  /**
   * The value of the first sample of {@code name} whose labels contain {@code labels} (summed over
   * the others when several match, e.g. one per client); fails when none does.
   */
  private static double value(String exposition, String name, String labels) {
    Pattern line =
        Pattern.compile(
            "^" + Pattern.quote(name) + "(\\{([^}]*)\\})? ([-+0-9.eE]+|NaN)$", Pattern.MULTILINE);
    Matcher m = line.matcher(exposition);
    double sum = 0;
    boolean found = false;
    while (m.find()) {
      String l = m.group(2) == null ? "" : m.group(2);
      if (l.contains(labels) && !m.group(3).equals("NaN")) {
        sum += Double.parseDouble(m.group(3));
        found = true;
      }
    }
    assertThat(found).as(name + "{" + labels + "} in the metrics").isTrue();
    return sum;
  }
}
