package it.percorsi.plan.catalogue;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The service catalogue as read at one moment: entries by code. */
public final class Catalogue {

  private final Map<String, CatalogueEntry> byCode = new LinkedHashMap<>();

  public Catalogue(Collection<CatalogueEntry> entries) {
    entries.forEach(e -> byCode.put(e.code, e));
  }

  /** The whole catalogue, in order of code. */
  public static Catalogue load() {
    List<CatalogueEntry> all = CatalogueEntry.list("order by code");
    return new Catalogue(all);
  }

  public Optional<CatalogueEntry> find(String code) {
    return Optional.ofNullable(code == null ? null : byCode.get(code));
  }

  public Collection<CatalogueEntry> entries() {
    return byCode.values();
  }
}
