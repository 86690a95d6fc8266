package it.percorsi.client.problems;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** A problem object as answered: its standard members, every member, and {@code Retry-After}. */
public record Problem(
    int status,
    URI type,
    String title,
    String detail,
    Map<String, Object> members,
    Optional<Long> retryAfterSeconds) {

  String detailOrTitle() {
    return detail == null ? title : detail;
  }
}
