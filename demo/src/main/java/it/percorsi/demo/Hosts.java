package it.percorsi.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The demo's host organisations: a few dozen employers of different sizes and sectors (ATECO 2025)
 * in the participants' provinces, from a sole trader with one intern at a time to a steelworks.
 * Every host is attached to the demo realm's one host organisation, {@code HOST-ACME}, so that its
 * user {@code host-acme} can confirm the attendance the promoters enter (a real deployment gives
 * each host its own organisation and users).
 */
public final class Hosts {

  private Hosts() {}

  public static final String HOST_ORG = "HOST-ACME";

  /** One host; {@code owner} is set for a sole trader (its tax code is the owner's). */
  public record Host(
      int index,
      String province,
      String name,
      String legalForm,
      boolean nonProfit,
      String ateco,
      String municipality,
      int employees,
      String tutor,
      String taxCode) {

    /** Interns at a time, by the national limits: 0-5 employees 1, 6-20 2, else 10 %, min 2. */
    public int internLimit() {
      if (employees <= 5) {
        return 1;
      }
      if (employees <= 20) {
        return 2;
      }
      return Math.max(2, employees / 10);
    }

    public Map<String, Object> registration() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("taxCode", taxCode);
      m.put("name", name);
      m.put("legalForm", legalForm);
      m.put("nonProfit", nonProfit);
      m.put("atecoCode", ateco);
      m.put("siteMunicipality", municipality);
      m.put("employees", employees);
      m.put("tutors", List.of(Map.of("fullName", tutor)));
      m.put("hostOrgId", HOST_ORG);
      return m;
    }
  }

  private record Row(
      String province,
      String name,
      String form,
      boolean nonProfit,
      String ateco,
      String municipality,
      int employees,
      String tutor,
      String owner) {}

  private static final List<Row> ROWS =
      List.of(
          row(
              "083",
              "Cantieri Navali dello Stretto S.p.A.",
              "SPA",
              "30.11.00",
              "083048",
              380,
              "Giulia Verdi"),
          row(
              "083",
              "Hotel Villa Peloritana S.r.l.",
              "SRL",
              "55.10.00",
              "083097",
              48,
              "Carmelo Puglisi"),
          owner(
              "083",
              "Panificio Aurora di Salvatore Russo",
              "10.71.10",
              "083049",
              4,
              "Salvatore Russo"),
          coop(
              "083",
              "Cooperativa Sociale Zancle",
              "SOCIAL_COOPERATIVE",
              "88.10.00",
              "083048",
              16,
              "Rosaria Costa"),
          row(
              "082",
              "Conca d'Oro Logistica S.p.A.",
              "SPA",
              "52.10.00",
              "082053",
              420,
              "Vincenzo Lo Bue"),
          row(
              "082",
              "Trattoria Ballarò S.n.c.",
              "SNC",
              "56.10.11",
              "082053",
              9,
              "Rosalia Sciortino"),
          row(
              "082",
              "Officina Meccanica Bagheria S.r.l.",
              "SRL",
              "45.20.10",
              "082006",
              14,
              "Giuseppe Di Maggio"),
          coop(
              "087",
              "Agrumi dell'Etna Soc. Coop. Agricola",
              "COOPERATIVE",
              "01.23.00",
              "087015",
              310,
              "Alfio Pappalardo"),
          row(
              "087",
              "Impianti Elettrici Acesi S.r.l.s.",
              "SRLS",
              "43.21.01",
              "087004",
              5,
              "Sebastiano Leonardi"),
          row(
              "084",
              "Serre di Sicilia S.r.l.",
              "SRL",
              "01.13.10",
              "084001",
              230,
              "Calogero Sciascia"),
          row(
              "063",
              "Pastificio Partenopeo S.p.A.",
              "SPA",
              "10.73.00",
              "063049",
              350,
              "Gennaro Esposito"),
          row("063", "Pizzeria Vesuvio S.a.s.", "SAS", "56.10.11", "063049", 12, "Ciro Iannone"),
          row(
              "063",
              "Cantiere Edile Flegreo S.r.l.",
              "SRL",
              "43.99.09",
              "063060",
              38,
              "Pasquale Amato"),
          row(
              "072",
              "Adriatica Logistica S.p.A.",
              "SPA",
              "52.29.22",
              "072006",
              290,
              "Nicola De Santis"),
          row("072", "Frantoio Levante S.r.l.", "SRL", "10.41.10", "072030", 60, "Vito Lorusso"),
          coop(
              "080",
              "Bergamotto dello Stretto Soc. Coop.",
              "COOPERATIVE",
              "01.23.00",
              "080063",
              210,
              "Domenico Laganà"),
          owner(
              "080",
              "Falegnameria Aspromonte di Antonio Greco",
              "16.23.10",
              "080063",
              3,
              "Antonio Greco"),
          row(
              "015",
              "Ristorazione Collettiva Lombarda S.p.A.",
              "SPA",
              "56.29.20",
              "015146",
              650,
              "Chiara Colombo"),
          row("015", "Officine Sestesi S.r.l.", "SRL", "25.62.00", "015209", 85, "Marco Brambilla"),
          owner(
              "015",
              "Parrucchieria Navigli di Sara Colombo",
              "96.21.00",
              "015146",
              3,
              "Sara Colombo"),
          coop(
              "015",
              "Fondazione Casa dell'Accoglienza",
              "FOUNDATION",
              "88.99.00",
              "015146",
              28,
              "Paolo Ricci"),
          row(
              "017",
              "Acciaierie Bresciane S.p.A.",
              "SPA",
              "24.10.00",
              "017029",
              900,
              "Stefano Bonomi"),
          row(
              "058",
              "Aeroporto Servizi Handling S.r.l.",
              "SRL",
              "52.23.00",
              "058120",
              480,
              "Francesca Ferri"),
          row(
              "058",
              "Grande Albergo Esquilino S.p.A.",
              "SPA",
              "55.10.00",
              "058091",
              260,
              "Roberto Gentile"),
          row("058", "Sartoria Trastevere S.n.c.", "SNC", "14.19.00", "058091", 6, "Anna Proietti"),
          row("037", "Packaging Emiliano S.p.A.", "SPA", "28.29.30", "037006", 240, "Luca Venturi"),
          coop(
              "037",
              "Cooperativa Sociale Il Ponte",
              "SOCIAL_COOPERATIVE",
              "81.21.00",
              "037032",
              55,
              "Elena Montanari"),
          row(
              "001",
              "Componenti Auto Torinesi S.p.A.",
              "SPA",
              "29.32.09",
              "001272",
              520,
              "Giorgio Ferrero"),
          owner("001", "Gelateria Po di Luca Ricci", "56.10.30", "001272", 4, "Luca Ricci"),
          row(
              "048",
              "Pelletteria Fiorentina S.r.l.",
              "SRL",
              "15.12.09",
              "048017",
              140,
              "Lorenzo Bartolini"),
          row(
              "048",
              "Trattoria Oltrarno S.r.l.s.",
              "SRLS",
              "56.10.11",
              "048017",
              7,
              "Giovanni Cecchi"),
          row("087", "Supermercati Etnei S.p.A.", "SPA", "47.11.10", "087015", 180, "Agata Russo"),
          row(
              "072",
              "Autoriparazioni Murgia di Vito Lorusso",
              "SRLS",
              "45.20.10",
              "072006",
              4,
              "Vito Lorusso"),
          row(
              "058",
              "Pulizie Industriali Tiburtine S.r.l.",
              "SRL",
              "81.22.02",
              "058091",
              120,
              "Massimo Rinaldi"));

  private static Row row(
      String p,
      String name,
      String form,
      String ateco,
      String municipality,
      int employees,
      String tutor) {
    return new Row(p, name, form, false, ateco, municipality, employees, tutor, null);
  }

  private static Row coop(
      String p,
      String name,
      String form,
      String ateco,
      String municipality,
      int employees,
      String tutor) {
    return new Row(
        p, name, form, !"COOPERATIVE".equals(form), ateco, municipality, employees, tutor, null);
  }

  private static Row owner(
      String p, String name, String ateco, String municipality, int employees, String owner) {
    return new Row(p, name, "SOLE_TRADER", false, ateco, municipality, employees, owner, owner);
  }

  /** The hosts of {@code seed}, in a stable order; tax codes are derived from the seed. */
  public static List<Host> generate(long seed) {
    Random r = new Random(seed ^ 0x5DEECE66DL);
    List<Host> hosts = new ArrayList<>();
    for (int i = 0; i < ROWS.size(); i++) {
      Row row = ROWS.get(i);
      String tax;
      if (row.owner() != null) {
        String[] n = row.owner().split(" ");
        Population.Province p =
            Population.PROVINCES.stream()
                .filter(x -> x.code().equals(row.province()))
                .findFirst()
                .orElseThrow();
        LocalDate birth = LocalDate.of(1960 + r.nextInt(25), 1 + r.nextInt(12), 1 + r.nextInt(28));
        String sex = n[0].endsWith("a") ? "F" : "M";
        tax = TaxCode.personal(n[1], n[0], birth, sex, p.cadastral());
      } else {
        tax = TaxCode.partitaIva(r, String.format("%03d", 1 + r.nextInt(100)));
      }
      hosts.add(
          new Host(
              i,
              row.province(),
              row.name(),
              row.form(),
              row.nonProfit(),
              row.ateco(),
              row.municipality(),
              row.employees(),
              row.tutor(),
              tax));
    }
    return hosts;
  }
}
