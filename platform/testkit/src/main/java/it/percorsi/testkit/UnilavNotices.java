package it.percorsi.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Generated UNILAV notices (namespace {@code http://servizi.lavoro.gov.it/unilav}) for the tests
 * and benchmarks of the notice import: single notices, and deterministic scenarios (a seed) of many
 * notices about unknown workers with, mixed in, scripted notices about given participants (hires,
 * extensions, transformations, corrections, cancellations, ends, internship notices), with the
 * hires the import must end with.
 */
public final class UnilavNotices {

  public static final String NS = "http://servizi.lavoro.gov.it/unilav";

  private UnilavNotices() {}

  /** The element of the notice's event. */
  public enum Event {
    InizioRapporto,
    Proroga,
    Trasformazione,
    Cessazione
  }

  /** One notice's content. {@code kind}: ORIGINALE, RETTIFICA or ANNULLAMENTO. */
  public record Spec(
      String code,
      String kind,
      String targets,
      Event event,
      String employerTaxCode,
      String ateco,
      String workerTaxCode,
      LocalDate start,
      LocalDate end,
      String contractType,
      String istat,
      int weeklyHours) {

    public Spec withCode(String c) {
      return new Spec(
          c,
          kind,
          targets,
          event,
          employerTaxCode,
          ateco,
          workerTaxCode,
          start,
          end,
          contractType,
          istat,
          weeklyHours);
    }

    public Spec correcting(String newCode, String target) {
      return new Spec(
          newCode,
          "RETTIFICA",
          target,
          event,
          employerTaxCode,
          ateco,
          workerTaxCode,
          start,
          end,
          contractType,
          istat,
          weeklyHours);
    }

    public Spec cancelling(String newCode, String target) {
      return new Spec(
          newCode,
          "ANNULLAMENTO",
          target,
          event,
          employerTaxCode,
          ateco,
          workerTaxCode,
          start,
          end,
          contractType,
          istat,
          weeklyHours);
    }
  }

  /** An original hire notice. */
  public static Spec hire(
      String code,
      String employer,
      String worker,
      LocalDate start,
      LocalDate end,
      String contractType,
      int hours) {
    return new Spec(
        code,
        "ORIGINALE",
        null,
        Event.InizioRapporto,
        employer,
        "25.62.00",
        worker,
        start,
        end,
        contractType,
        "7.2.1.1.0",
        hours);
  }

  /** An original notice of {@code event}. */
  public static Spec of(
      Event event,
      String code,
      String employer,
      String worker,
      LocalDate start,
      LocalDate end,
      String contractType,
      int hours) {
    Spec h = hire(code, employer, worker, start, end, contractType, hours);
    return new Spec(
        h.code,
        h.kind,
        null,
        event,
        h.employerTaxCode,
        h.ateco,
        h.workerTaxCode,
        h.start,
        h.end,
        h.contractType,
        h.istat,
        h.weeklyHours);
  }

  /** The {@code UniLav} element of a notice (no XML declaration). */
  public static String element(Spec s) {
    StringBuilder x = new StringBuilder(900);
    x.append("<UniLav xmlns=\"")
        .append(NS)
        .append("\">")
        .append("<DatoreLavoro><CodiceFiscale>")
        .append(s.employerTaxCode)
        .append("</CodiceFiscale><Denominazione>Officine Test srl</Denominazione><SettoreAteco>")
        .append(s.ateco)
        .append("</SettoreAteco><SedeLavoro><ComuneIstat>083048</ComuneIstat>")
        .append("<Indirizzo>Via Garibaldi 1</Indirizzo></SedeLavoro></DatoreLavoro>")
        .append("<Lavoratore><CodiceFiscale>")
        .append(s.workerTaxCode)
        .append("</CodiceFiscale><Cittadinanza>404</Cittadinanza></Lavoratore>")
        .append('<')
        .append(s.event)
        .append("><DataInizio>")
        .append(s.start)
        .append("</DataInizio>");
    if (s.end != null) {
      x.append("<DataFine>").append(s.end).append("</DataFine>");
    }
    x.append("<TipoContratto>").append(s.contractType).append("</TipoContratto>");
    if (s.istat != null) {
      x.append("<QualificaProfessionale>").append(s.istat).append("</QualificaProfessionale>");
    }
    x.append("<TipoOrario>")
        .append(s.weeklyHours >= 36 ? "F" : "PO")
        .append("</TipoOrario>")
        .append("<OreSettimanali>")
        .append(s.weeklyHours)
        .append("</OreSettimanali>")
        .append("</")
        .append(s.event)
        .append('>')
        .append("<TipoComunicazione><CodiceComunicazione>")
        .append(s.code)
        .append("</CodiceComunicazione><Tipo>")
        .append(s.kind)
        .append("</Tipo>");
    if (s.targets != null) {
      x.append("<CodiceComunicazionePrecedente>")
          .append(s.targets)
          .append("</CodiceComunicazionePrecedente>");
    }
    return x.append("</TipoComunicazione></UniLav>").toString();
  }

  /** A file of one notice. */
  public static String file(Spec s) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element(s) + "\n";
  }

  /**
   * A file of several notices (root UniLavFile), one a line; raw elements are taken as they are.
   */
  public static String fileOf(List<String> elements) {
    StringBuilder b =
        new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<UniLavFile xmlns=\"")
            .append(NS)
            .append("\">\n");
    elements.forEach(e -> b.append(e).append('\n'));
    return b.append("</UniLavFile>\n").toString();
  }

  /** A zip of files (name to content), in order. */
  public static byte[] zip(Map<String, String> files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeZip(files, out);
    return out.toByteArray();
  }

  public static void writeZip(Map<String, String> files, OutputStream out) {
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (var f : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(f.getKey()));
        zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- codes -----------------------------------------------------------------------------------

  private static final int[] ODD = {
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23
  };

  /** A valid 16-character personal tax code. */
  public static String personalTaxCode(Random r) {
    StringBuilder sb = new StringBuilder(16);
    for (int i = 0; i < 6; i++) {
      sb.append((char) ('A' + r.nextInt(26)));
    }
    sb.append(String.format("%02d", r.nextInt(100)));
    sb.append("ABCDEHLMPRST".charAt(r.nextInt(12)));
    int day = 1 + r.nextInt(28) + (r.nextBoolean() ? 40 : 0);
    sb.append(String.format("%02d", day));
    sb.append((char) ('A' + r.nextInt(26)));
    sb.append(String.format("%03d", r.nextInt(1000)));
    int sum = 0;
    for (int i = 0; i < 15; i++) {
      char c = sb.charAt(i);
      int v = Character.isDigit(c) ? c - '0' : c - 'A';
      sum += (i % 2 == 0) ? ODD[v] : v;
    }
    return sb.append((char) ('A' + sum % 26)).toString();
  }

  /** A valid 11-digit numeric tax code (a company's, or a provisional personal one). */
  public static String numericTaxCode(Random r) {
    StringBuilder sb = new StringBuilder();
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      int d = r.nextInt(10);
      sb.append(d);
      if (i % 2 == 1) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return sb.append((10 - sum % 10) % 10).toString();
  }

  // --- scenarios -------------------------------------------------------------------------------

  /**
   * A participant the scenario writes notices about: its tax code and, when it had an internship,
   * the internship's start and last day (it then gets an internship notice, and a hire the day
   * after the internship).
   */
  public record Participant(String taxCode, LocalDate internshipStart, LocalDate internshipEnd) {
    public static Participant of(String taxCode) {
      return new Participant(taxCode, null, null);
    }
  }

  /** A hire the import must end with. */
  public record ExpectedHire(
      String contractType, LocalDate start, LocalDate end, int weeklyHours, String noticeCode) {}

  /**
   * A generated upload and what importing it must give.
   *
   * @param files zip entries, in order
   * @param total notices in the files (valid or not)
   * @param aboutParticipants valid notices about participants (all applied on a first upload)
   * @param invalid notices that are malformed or schema-invalid
   * @param hires by participant tax code, every participant listed (maybe with none)
   * @param internshipNotices the internship notice's code by participant tax code
   * @param workerTaxCodes every worker's tax code in the upload
   */
  public record Scenario(
      Map<String, String> files,
      int total,
      int aboutParticipants,
      int invalid,
      Map<String, List<ExpectedHire>> hires,
      Map<String, String> internshipNotices,
      Set<String> workerTaxCodes) {

    public byte[] zip() {
      return UnilavNotices.zip(files);
    }
  }

  /**
   * {@code total} notices: the scripted ones about {@code participants} (see {@link #script}), two
   * invalid ones (a schema-invalid notice in the middle of a file of three, and a file that is not
   * well-formed), the rest original hires, extensions and ends of unknown workers; shuffled with
   * {@code seed} (a participant's notices keep their order). Hires start from {@code base}.
   */
  public static Scenario scenario(
      long seed, int total, LocalDate base, List<Participant> participants) {
    Random r = new Random(seed);
    List<String> employers = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      employers.add(numericTaxCode(r));
    }
    int[] counter = {0};
    java.util.function.Supplier<String> code =
        () -> String.format("U%03d%012d", Math.floorMod(seed, 1000), ++counter[0]);
    Map<String, List<ExpectedHire>> hires = new LinkedHashMap<>();
    Map<String, String> internshipNotices = new LinkedHashMap<>();
    Set<String> workers = new LinkedHashSet<>();
    List<List<String>> streams = new ArrayList<>();
    int about = 0;
    for (int i = 0; i < participants.size(); i++) {
      Participant p = participants.get(i);
      workers.add(p.taxCode());
      List<Spec> specs = new ArrayList<>();
      List<ExpectedHire> expected = new ArrayList<>();
      script(i, p, base.plusDays(i % 28), employers, code, specs, expected, internshipNotices);
      hires.put(p.taxCode(), expected);
      about += specs.size();
      streams.add(specs.stream().map(UnilavNotices::element).toList());
    }
    int invalid = 2;
    int noise = total - about - invalid;
    if (noise < 3) {
      throw new IllegalArgumentException("too few notices for the participants' scripts");
    }
    // Unknown workers: hires, with now and then an extension or an end of the same one.
    List<String> noiseElements = new ArrayList<>(noise);
    while (noiseElements.size() < noise) {
      String worker = personalTaxCode(r);
      workers.add(worker);
      String employer = employers.get(r.nextInt(employers.size()));
      LocalDate start = base.plusDays(r.nextInt(200));
      Spec h = hire(code.get(), employer, worker, start, start.plusMonths(6), "A.02.00", 40);
      noiseElements.add(element(h));
      if (noiseElements.size() < noise && r.nextInt(5) == 0) {
        noiseElements.add(
            element(
                of(
                    Event.Proroga,
                    code.get(),
                    employer,
                    worker,
                    start,
                    start.plusMonths(12),
                    "A.02.00",
                    40)));
      }
    }
    // Interleave: each participant's stream keeps its order.
    List<String> merged = new ArrayList<>(noiseElements);
    for (List<String> s : streams) {
      int at = 0;
      for (String e : s) {
        at = at + r.nextInt(Math.max(1, (merged.size() - at) / 4 + 1));
        merged.add(Math.min(at, merged.size()), e);
        at++;
      }
    }
    Map<String, String> files = new LinkedHashMap<>();
    int n = 0;
    int middle = merged.size() / 2;
    for (int i = 0; i < merged.size(); i++) {
      if (i == middle) {
        // A file of three: a valid notice, a schema-invalid one (72 weekly hours), a valid one.
        String worker = personalTaxCode(r);
        workers.add(worker);
        String bad =
            element(hire(code.get(), employers.get(0), worker, base, null, "A.01.00", 40))
                .replace("<OreSettimanali>40<", "<OreSettimanali>72<");
        files.put(
            String.format("notices/%06d.xml", ++n),
            fileOf(List.of(merged.get(i), bad, merged.get(i + 1))));
        i++;
        continue;
      }
      files.put(
          String.format("notices/%06d.xml", ++n),
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + merged.get(i) + "\n");
    }
    // A file that is not well-formed XML: cut in the middle of a notice.
    String worker = personalTaxCode(r);
    workers.add(worker);
    String cut = file(hire(code.get(), employers.get(1), worker, base, null, "A.01.00", 40));
    files.put(String.format("notices/%06d.xml", ++n), cut.substring(0, cut.length() / 2));
    return new Scenario(
        files,
        total,
        about,
        invalid,
        hires,
        internshipNotices,
        Collections.unmodifiableSet(workers));
  }

  /**
   * The notices about the {@code i}-th participant, by {@code i % 6} (with an internship: an
   * internship notice, then a fixed-term hire the day after it, transformed to permanent when
   * {@code i} is even):
   *
   * <ol start="0">
   *   <li>a permanent hire;
   *   <li>a fixed-term hire, extended;
   *   <li>a fixed-term hire, transformed to permanent after three months;
   *   <li>a fixed-term hire, corrected (longer, more hours);
   *   <li>a permanent hire, cancelled; then a fixed-term hire at another employer;
   *   <li>a permanent hire that ends after two months.
   * </ol>
   */
  static void script(
      int i,
      Participant p,
      LocalDate d,
      List<String> employers,
      java.util.function.Supplier<String> code,
      List<Spec> specs,
      List<ExpectedHire> expected,
      Map<String, String> internshipNotices) {
    String w = p.taxCode();
    String e = employers.get(i % employers.size());
    if (p.internshipStart() != null) {
      Spec internship =
          hire(code.get(), e, w, p.internshipStart(), p.internshipEnd(), "C.01.00", 25);
      specs.add(internship);
      internshipNotices.put(w, internship.code());
      LocalDate start = p.internshipEnd().plusDays(1);
      Spec h = hire(code.get(), e, w, start, start.plusMonths(4).minusDays(1), "A.02.00", 40);
      specs.add(h);
      if (i % 2 == 0) {
        Spec t =
            of(Event.Trasformazione, code.get(), e, w, start.plusMonths(2), null, "A.01.00", 40);
        specs.add(t);
        expected.add(new ExpectedHire("A.01.00", start, null, 40, t.code()));
      } else {
        expected.add(new ExpectedHire("A.02.00", start, h.end(), 40, h.code()));
      }
      return;
    }
    switch (i % 6) {
      case 0 -> {
        Spec h = hire(code.get(), e, w, d, null, "A.01.00", 40);
        specs.add(h);
        expected.add(new ExpectedHire("A.01.00", d, null, 40, h.code()));
      }
      case 1 -> {
        Spec h = hire(code.get(), e, w, d, d.plusMonths(6).minusDays(1), "A.02.00", 40);
        Spec x =
            of(Event.Proroga, code.get(), e, w, d, d.plusMonths(12).minusDays(1), "A.02.00", 40);
        specs.add(h);
        specs.add(x);
        expected.add(new ExpectedHire("A.02.00", d, x.end(), 40, x.code()));
      }
      case 2 -> {
        Spec h = hire(code.get(), e, w, d, d.plusMonths(6).minusDays(1), "A.02.00", 40);
        Spec t = of(Event.Trasformazione, code.get(), e, w, d.plusMonths(3), null, "A.01.00", 40);
        specs.add(h);
        specs.add(t);
        expected.add(new ExpectedHire("A.01.00", d, null, 40, t.code()));
      }
      case 3 -> {
        Spec h = hire(code.get(), e, w, d, d.plusMonths(6).minusDays(1), "A.02.00", 20);
        Spec c =
            hire(code.get(), e, w, d, d.plusMonths(9).minusDays(1), "A.02.00", 30)
                .correcting(null, h.code());
        c = c.withCode(code.get());
        specs.add(h);
        specs.add(c);
        expected.add(new ExpectedHire("A.02.00", d, c.end(), 30, c.code()));
      }
      case 4 -> {
        Spec h = hire(code.get(), e, w, d, null, "A.01.00", 40);
        Spec x = h.cancelling(code.get(), h.code());
        String other = employers.get((i + 1) % employers.size());
        LocalDate s2 = d.plusMonths(1);
        Spec h2 = hire(code.get(), other, w, s2, s2.plusMonths(6).minusDays(1), "A.02.00", 36);
        specs.add(h);
        specs.add(x);
        specs.add(h2);
        expected.add(new ExpectedHire("A.02.00", s2, h2.end(), 36, h2.code()));
      }
      default -> {
        Spec h = hire(code.get(), e, w, d, null, "A.01.00", 40);
        Spec c = of(Event.Cessazione, code.get(), e, w, d, d.plusMonths(2), "A.01.00", 40);
        specs.add(h);
        specs.add(c);
        expected.add(new ExpectedHire("A.01.00", d, c.end(), 40, c.code()));
      }
    }
  }
}
