package it.percorsi.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import it.percorsi.webhook.delivery.Sender;
import it.percorsi.webhook.fanout.EventTypes;
import it.percorsi.webhook.support.AsyncApi;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The types an endpoint may choose are the contract's, and signing follows the specification. */
class EventTypesTest {

  @Test
  void theTypesAnEndpointMayChooseAreTheEventContractsTypes() {
    assertThat(EventTypes.ALL)
        .containsExactlyInAnyOrderElementsOf(
            AsyncApi.messages().stream().map(AsyncApi.Message::type).toList());
  }

  /** The Standard Webhooks specification's published example, signed and verified. */
  @Test
  void signaturesMatchTheSpecificationsTestVector() throws Exception {
    String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    String id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    long timestamp = 1614265330L;
    String body = "{\"test\": 2432232314}";
    String signature = Sender.signature(List.of(secret), id, timestamp, body);
    assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    // Two secrets (a rotation): either verifies the header with both signatures.
    String other = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
    String both = Sender.signature(List.of(other, secret), id, timestamp, body);
    assertThat(both.split(" ")).hasSize(2).contains(signature);
    long now = System.currentTimeMillis() / 1000;
    String fresh = Sender.signature(List.of(other, secret), id, now, body);
    Map<String, List<String>> headers =
        Map.of(
            "webhook-id", List.of(id),
            "webhook-timestamp", List.of(Long.toString(now)),
            "webhook-signature", List.of(fresh));
    new Webhook(secret).verify(body, headers);
    new Webhook(other).verify(body, headers);
  }
}
