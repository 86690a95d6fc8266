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

/**
 * ISTAT provinces and their regions, loaded from versioned reference data ({@code
 * reference/istat-provinces.csv}), so a new ISTAT list replaces a file, not code.
 */
@ApplicationScoped
public class Territories {

  /** One province: historic 3-digit ISTAT code, plate abbreviation, 2-digit region code. */
  public record Province(
      String code, String plate, String name, String regionCode, String regionName) {}

  private final Map<String, Province> provinces = new HashMap<>();

  public Territories() {
    try (InputStream in = Territories.class.getResourceAsStream("/reference/istat-provinces.csv");
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
        String[] f = line.split(";");
        provinces.put(f[0], new Province(f[0], f[1], f[2], f[3], f[4]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Optional<Province> province(String code) {
    return Optional.ofNullable(provinces.get(code));
  }

  public boolean regionExists(String regionCode) {
    return provinces.values().stream().anyMatch(p -> p.regionCode().equals(regionCode));
  }
}
