package it.percorsi.platform.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8BodiesTest {

  private static boolean accepted(byte[] body) {
    byte[] head = new byte[4];
    int n = Math.min(4, body.length);
    System.arraycopy(body, 0, head, 0, n);
    return Utf8Bodies.utf8Start(head, n);
  }

  @Test
  void utf8JsonPassesAndEveryOtherEncodingOfItDoesNot() {
    String json = "{\"name\":\"Amadou\"}";
    assertThat(accepted(json.getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(accepted("1".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(accepted(new byte[0])).isTrue();
    assertThat(accepted(json.getBytes(StandardCharsets.UTF_16))).isFalse();
    assertThat(accepted(json.getBytes(StandardCharsets.UTF_16BE))).isFalse();
    assertThat(accepted(json.getBytes(StandardCharsets.UTF_16LE))).isFalse();
    assertThat(accepted(json.getBytes(Charset.forName("UTF-32LE")))).isFalse();
    assertThat(accepted(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'})).isFalse();
  }
}
