package it.percorsi.placement.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The UNILAV contract type code list, shipped as data ({@code reference/unilav-contract-types.csv},
 * with its source in the file's header).
 */
public final class ContractTypes {

  /** How outcome figures group contracts. INTERNSHIP is not employment. */
  public enum Family {
    PERMANENT,
    FIXED_TERM,
    APPRENTICESHIP,
    INTERNSHIP,
    OTHER;

    public boolean employment() {
      return this != INTERNSHIP;
    }
  }

  /** One code of the list. */
  public record ContractType(String code, Family family, boolean endRequired, String description) {}

  private static final Map<String, ContractType> TYPES = load();

  private ContractTypes() {}

  public static Optional<ContractType> of(String code) {
    return Optional.ofNullable(code == null ? null : TYPES.get(code));
  }

  public static Collection<ContractType> all() {
    return TYPES.values();
  }

  private static Map<String, ContractType> load() {
    Map<String, ContractType> m = new LinkedHashMap<>();
    try (InputStream in =
            ContractTypes.class.getResourceAsStream("/reference/unilav-contract-types.csv");
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
        String[] f = line.split(";", 4);
        m.put(f[0], new ContractType(f[0], Family.valueOf(f[1]), Boolean.parseBoolean(f[2]), f[3]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(m);
  }
}
