package it.percorsi.participant.reference;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * ISTAT regions, provinces and municipalities, loaded from versioned reference data ({@code
 * reference/istat-provinces.csv}, {@code reference/istat-municipalities.csv}), so a new ISTAT list
 * replaces a file, not code.
 */
@ApplicationScoped
public class Territories {

  /** One province: historic 3-digit ISTAT code, plate abbreviation, 2-digit region code. */
  public record Province(
      String code, String plate, String name, String regionCode, String regionName) {}

  /** One municipality: 6-digit ISTAT code, the province it belongs to, its name. */
  public record Municipality(String code, String provinceCode, String name) {}

  private final Map<String, Province> provinces = new HashMap<>();
  private final Map<String, Municipality> municipalities = new HashMap<>();

  public Territories() {
    read(
        "/reference/istat-provinces.csv",
        f -> provinces.put(f[0], new Province(f[0], f[1], f[2], f[3], f[4])));
    read(
        "/reference/istat-municipalities.csv",
        f -> municipalities.put(f[0], new Municipality(f[0], f[1], f[2])));
  }

  private static void read(String resource, Consumer<String[]> row) {
    try (InputStream in = Territories.class.getResourceAsStream(resource);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      boolean header = true;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        row.accept(line.split(";"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Optional<Province> province(String code) {
    return Optional.ofNullable(provinces.get(code));
  }

  public Optional<Municipality> municipality(String code) {
    return Optional.ofNullable(municipalities.get(code));
  }

  public boolean regionExists(String regionCode) {
    return provinces.values().stream().anyMatch(p -> p.regionCode().equals(regionCode));
  }
}
