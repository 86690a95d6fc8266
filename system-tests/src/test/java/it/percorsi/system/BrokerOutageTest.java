package it.percorsi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.percorsi.testkit.PostgresServer;
import it.percorsi.testkit.Tokens;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Accepted writes are never lost: the outbox holds events while the bus is down. */
class BrokerOutageTest {

  private static Stack stack;

  @BeforeAll
  static void platform() {
    stack = Stack.get();
  }

  @Test
  void registrationsAcceptedWhileTheBrokerIsDownReachEveryProjectionOnceAfterItReturns()
      throws Exception {
    String token = Tokens.of("promoter-a");
    List<UUID> ids = new ArrayList<>();
    stack.kafka().stop();
    try {
      for (int i = 0; i < 100; i++) {
        String id =
            given()
                .baseUri(stack.gateway())
                .auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Participants.body("083"))
                .when()
                .post("/api/participants")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        ids.add(UUID.fromString(id));
      }
      assertThat(
              count(
                  "system_participant",
                  "outbox_event",
                  "aggregate_id::uuid",
                  ids,
                  "published_at IS NULL"))
          .as("events waiting in the outbox while the broker is down")
          .isEqualTo(100);
    } finally {
      stack.kafka().start();
    }

    for (String db : List.of("system_dote", "system_plan", "system_placement")) {
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () ->
                  assertThat(count(db, "participant_projection", "participant_id", ids, "true"))
                      .as("projection rows in " + db)
                      .isEqualTo(100));
      assertThat(handledRegistrations(db, ids)).as("inbox rows in " + db).isEqualTo(100);
    }
    assertThat(
            count(
                "system_participant",
                "outbox_event",
                "aggregate_id::uuid",
                ids,
                "published_at IS NULL"))
        .isZero();
  }

  private long count(String db, String table, String idColumn, List<UUID> ids, String where)
      throws Exception {
    try (Connection c = connect(db);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*) FROM "
                    + table
                    + " WHERE "
                    + idColumn
                    + " = ANY (?) AND "
                    + where)) {
      Array array = c.createArrayOf("uuid", ids.toArray());
      ps.setArray(1, array);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Inbox rows of the registered events of these participants (event ids from the outbox). */
  private long handledRegistrations(String db, List<UUID> ids) throws Exception {
    List<String> eventIds = new ArrayList<>();
    try (Connection c = connect("system_participant");
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id::text FROM outbox_event WHERE aggregate_id::uuid = ANY (?)")) {
      ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          eventIds.add(rs.getString(1));
        }
      }
    }
    try (Connection c = connect(db);
        PreparedStatement ps =
            c.prepareStatement("SELECT count(*) FROM inbox_event WHERE event_id = ANY (?)")) {
      ps.setArray(1, c.createArrayOf("varchar", eventIds.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private Connection connect(String db) throws Exception {
    return DriverManager.getConnection(
        stack.jdbcUrl(db), PostgresServer.USER, PostgresServer.PASSWORD);
  }
}
