package it.percorsi.platform.paging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.percorsi.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An opaque cursor: the sort key of the last item of a page, which the next page starts after.
 * Callers must not read or build it; it is base64url of a small versioned JSON array, so a changed
 * encoding can still read old cursors.
 */
public final class Cursor {

  public static final String PARAM = "cursor";
  private static final String VERSION = "c1";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Cursor() {}

  /** Encodes the sort key values of an item. */
  public static String encode(List<String> values) {
    List<String> all = new ArrayList<>(values.size() + 1);
    all.add(VERSION);
    all.addAll(values);
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(all));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Decodes a cursor made by {@link #encode} with {@code parts} values.
   *
   * @throws ProblemException 400 naming {@code cursor} for anything else
   */
  public static List<String> decode(String cursor, int parts) {
    try {
      byte[] raw = Base64.getUrlDecoder().decode(cursor.getBytes(StandardCharsets.US_ASCII));
      String[] all = JSON.readValue(raw, String[].class);
      if (all.length != parts + 1 || !VERSION.equals(all[0])) {
        throw invalid();
      }
      List<String> values = new ArrayList<>(parts);
      for (int i = 1; i < all.length; i++) {
        if (all[i] == null) {
          throw invalid();
        }
        values.add(all[i]);
      }
      return values;
    } catch (IllegalArgumentException | java.io.IOException e) {
      throw invalid();
    }
  }

  private static ProblemException invalid() {
    return ProblemException.invalid(PARAM, "is not a cursor this list returned");
  }
}
