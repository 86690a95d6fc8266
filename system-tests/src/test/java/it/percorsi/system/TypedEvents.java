package it.percorsi.system;

import static org.assertj.core.api.Assertions.assertThat;

import it.percorsi.events.Event;
import it.percorsi.events.EventDeserializer;
import it.percorsi.events.EventTypes;
import it.percorsi.events.payload.DisbursementAuthorised;
import it.percorsi.events.payload.DoteActivated;
import it.percorsi.events.payload.DoteAssigned;
import it.percorsi.events.payload.DoteCompleted;
import it.percorsi.events.payload.ParticipantCameOfAge;
import it.percorsi.events.payload.ParticipantRegistered;
import it.percorsi.events.payload.PlacementAttendanceRecorded;
import it.percorsi.events.payload.PlacementFollowUpRecorded;
import it.percorsi.events.payload.PlacementHireRecorded;
import it.percorsi.events.payload.PlacementInternshipCompleted;
import it.percorsi.events.payload.PlacementInternshipStarted;
import it.percorsi.events.payload.PlanApproved;
import it.percorsi.events.payload.PlanClosed;
import it.percorsi.events.payload.PlanServiceDelivered;
import it.percorsi.events.payload.PlanSubmitted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The events of a case as an integrator reads them with percorsi-events: a plain Kafka consumer
 * whose value deserializer is {@link EventDeserializer}, the key left as bytes, each event told by
 * its payload class (no string of a type compared) and its aggregate read from the typed payload.
 */
final class TypedEvents {

  private TypedEvents() {}

  /**
   * Reads the four topics from the start until every aggregate of {@code expected} (aggregate id →
   * CloudEvents types in order) has its events, and asserts each aggregate's events are, in order,
   * payloads of the classes of those types, about that aggregate.
   */
  static void assertTyped(String bootstrap, Map<String, List<String>> expected) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "integrator-system-tests-" + UUID.randomUUID());
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, EventDeserializer.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    Map<String, List<Class<?>>> read = new LinkedHashMap<>();
    expected.keySet().forEach(k -> read.put(k, new ArrayList<>()));
    try (KafkaConsumer<byte[], Event<?>> consumer = new KafkaConsumer<>(p)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : Stack.TOPICS) {
        consumer
            .partitionsFor(topic, Duration.ofSeconds(10))
            .forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline && !complete(read, expected)) {
        for (ConsumerRecord<byte[], Event<?>> r : consumer.poll(Duration.ofMillis(200))) {
          String aggregate = aggregateOf(r.value().payload());
          if (aggregate != null && read.containsKey(aggregate)) {
            assertThat(r.value().subject())
                .as("ce_subject of " + r.value().type())
                .isEqualTo(aggregate);
            read.get(aggregate).add(r.value().payload().getClass());
          }
        }
      }
    }
    Map<String, List<Class<?>>> wanted = new LinkedHashMap<>();
    expected.forEach(
        (k, types) ->
            wanted.put(k, types.stream().<Class<?>>map(EventTypes::payloadClass).toList()));
    assertThat(read).as("typed events of the case, per aggregate").isEqualTo(wanted);
  }

  private static boolean complete(Map<String, List<Class<?>>> read, Map<String, List<String>> exp) {
    return exp.entrySet().stream()
        .allMatch(e -> read.get(e.getKey()).size() >= e.getValue().size());
  }

  /** The aggregate an event of the case is about, from its typed payload; null for others. */
  private static String aggregateOf(Object payload) {
    Object id = null;
    if (payload instanceof ParticipantRegistered e) {
      id = e.getParticipantId();
    } else if (payload instanceof ParticipantCameOfAge e) {
      id = e.getParticipantId();
    } else if (payload instanceof DoteAssigned e) {
      id = e.getDoteId();
    } else if (payload instanceof DoteActivated e) {
      id = e.getDoteId();
    } else if (payload instanceof DisbursementAuthorised e) {
      id = e.getDoteId();
    } else if (payload instanceof DoteCompleted e) {
      id = e.getDoteId();
    } else if (payload instanceof PlanSubmitted e) {
      id = e.getPlanId();
    } else if (payload instanceof PlanApproved e) {
      id = e.getPlanId();
    } else if (payload instanceof PlanServiceDelivered e) {
      id = e.getPlanId();
    } else if (payload instanceof PlanClosed e) {
      id = e.getPlanId();
    } else if (payload instanceof PlacementInternshipStarted e) {
      id = e.getInternshipId();
    } else if (payload instanceof PlacementAttendanceRecorded e) {
      id = e.getInternshipId();
    } else if (payload instanceof PlacementInternshipCompleted e) {
      id = e.getInternshipId();
    } else if (payload instanceof PlacementFollowUpRecorded e) {
      id = e.getInternshipId();
    } else if (payload instanceof PlacementHireRecorded e) {
      id = e.getHireId();
    }
    return id == null ? null : id.toString();
  }
}
