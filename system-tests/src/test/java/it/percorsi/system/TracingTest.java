package it.percorsi.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.percorsi.system.OtlpReceiver.ExportedSpan;
import it.percorsi.testkit.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One request is one trace: the services export their spans over OTLP (to a collector in the test
 * JVM), and a registration's spans, from the gateway through participant-service and its outbox
 * relay over Kafka into the four consuming services, share one trace id.
 */
class TracingTest {

  private static Stack stack;

  @BeforeAll
  static void platform() {
    stack = Stack.get();
  }

  /** The services that consume participant-service's events (webhook-service: two groups). */
  static final List<String> CONSUMERS =
      List.of("dote-service", "plan-service", "placement-service", "webhook-service");

  @Test
  void aRegistrationIsOneTraceFromTheGatewayToEveryConsumer() {
    String id = Participants.register(stack.gateway(), Tokens.of("promoter-a"), "083");

    // The consumers' spans name the event's subject: the participant's id, no personal data.
    List<ExportedSpan> consumed =
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () ->
                    stack.spans().stream()
                        .filter(s -> id.equals(s.attributes().get("percorsi.event.subject")))
                        .filter(s -> s.kind().equals("SPAN_KIND_CONSUMER"))
                        .toList(),
                spans ->
                    spans.stream()
                        .map(ExportedSpan::service)
                        .collect(Collectors.toSet())
                        .containsAll(CONSUMERS));
    assertThat(stack.traceExportErrors()).as("exports the collector could not decode").isEmpty();
    Set<String> traceIds = consumed.stream().map(ExportedSpan::traceId).collect(Collectors.toSet());
    assertThat(traceIds).as("trace ids of the consumers' spans").hasSize(1);
    String traceId = traceIds.iterator().next();
    assertThat(consumed).extracting(ExportedSpan::service).containsAll(CONSUMERS);

    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              List<ExportedSpan> trace =
                  stack.spans().stream().filter(s -> s.traceId().equals(traceId)).toList();
              assertThat(trace)
                  .as("the gateway's server span")
                  .anySatisfy(
                      s -> {
                        assertThat(s.service()).isEqualTo("gateway");
                        assertThat(s.kind()).isEqualTo("SPAN_KIND_SERVER");
                      });
              assertThat(trace)
                  .as("participant-service's server span")
                  .anySatisfy(
                      s -> {
                        assertThat(s.service()).isEqualTo("participant-service");
                        assertThat(s.kind()).isEqualTo("SPAN_KIND_SERVER");
                      });
              assertThat(trace)
                  .as("the outbox relay's publish span")
                  .anySatisfy(
                      s -> {
                        assertThat(s.service()).isEqualTo("participant-service");
                        assertThat(s.kind()).isEqualTo("SPAN_KIND_PRODUCER");
                        assertThat(s.attributes())
                            .containsEntry(
                                "messaging.destination.name", "percorsi.participants.v1");
                      });
            });
  }
}
