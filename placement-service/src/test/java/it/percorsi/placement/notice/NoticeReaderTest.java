package it.percorsi.placement.notice;

import static org.assertj.core.api.Assertions.assertThat;

import it.percorsi.testkit.UnilavNotices;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The streamed reading of uploads: zips, files of several notices, schema and well-formedness. */
class NoticeReaderTest {

  private static final LocalDate D = LocalDate.of(2027, 3, 1);
  private final Random random = new Random(7);

  record Problem(Notice.Position at, String code, String reason) {}

  static final class Collected implements NoticeReader.Sink {
    final List<Notice> notices = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();

    @Override
    public void notice(Notice notice) {
      notices.add(notice);
    }

    @Override
    public void invalid(Notice.Position position, String noticeCode, String reason) {
      problems.add(new Problem(position, noticeCode, reason));
    }
  }

  private static Collected read(byte[] upload) throws IOException {
    Collected c = new Collected();
    new NoticeReader().read(new ByteArrayInputStream(upload), "upload.xml", c);
    return c;
  }

  private UnilavNotices.Spec hire(String code, String worker) {
    return UnilavNotices.hire(
        code, UnilavNotices.numericTaxCode(random), worker, D, null, "A.01.00", 40);
  }

  @Test
  void aSingleNoticeIsReadWithEveryField() throws IOException {
    String worker = UnilavNotices.personalTaxCode(random);
    UnilavNotices.Spec s =
        UnilavNotices.of(
            UnilavNotices.Event.Trasformazione,
            "TR0000000001",
            UnilavNotices.numericTaxCode(random),
            worker,
            D,
            null,
            "A.01.00",
            38);
    Collected c = read(UnilavNotices.file(s).getBytes(StandardCharsets.UTF_8));
    assertThat(c.problems).isEmpty();
    Notice n = c.notices.get(0);
    assertThat(n.event()).isEqualTo(Notice.Event.TRANSFORMATION);
    assertThat(n.kind()).isEqualTo(Notice.Kind.ORIGINAL);
    assertThat(n.code()).isEqualTo("TR0000000001");
    assertThat(n.workerTaxCode()).isEqualTo(worker);
    assertThat(n.contractType()).isEqualTo("A.01.00");
    assertThat(n.startDate()).isEqualTo(D);
    assertThat(n.weeklyHours()).isEqualTo(38);
    assertThat(n.workingTime()).isEqualTo("F");
    assertThat(n.atecoCode()).isEqualTo("25.62.00");
    assertThat(n.siteMunicipality()).isEqualTo("083048");
    assertThat(n.position()).isEqualTo(new Notice.Position("upload.xml", 1, 2));
  }

  @Test
  void anInternshipHireNoticeIsAnInternshipNotice() throws IOException {
    UnilavNotices.Spec s =
        UnilavNotices.hire(
            "IN0000000001",
            UnilavNotices.numericTaxCode(random),
            UnilavNotices.numericTaxCode(random),
            D,
            D.plusMonths(6),
            "C.01.00",
            25);
    assertThat(read(UnilavNotices.file(s).getBytes(StandardCharsets.UTF_8)).notices.get(0).event())
        .isEqualTo(Notice.Event.INTERNSHIP);
  }

  @Test
  void anInvalidNoticeInTheMiddleOfAFileIsReportedWithItsPositionAndTheOthersAreRead()
      throws IOException {
    String worker = UnilavNotices.personalTaxCode(random);
    String bad =
        UnilavNotices.element(hire("BAD000000002", worker))
            .replace("<OreSettimanali>40<", "<OreSettimanali>72<");
    // A wrong check character: valid for the schema, refused by the tax code rule, not quoted.
    String wrongCheck = UnilavNotices.personalTaxCode(random);
    wrongCheck = wrongCheck.substring(0, 15) + (wrongCheck.charAt(15) == 'A' ? 'B' : 'A');
    String file =
        UnilavNotices.fileOf(
            List.of(
                UnilavNotices.element(hire("OK0000000001", UnilavNotices.personalTaxCode(random))),
                bad,
                UnilavNotices.element(hire("BAD000000003", wrongCheck)),
                UnilavNotices.element(
                    hire("OK0000000004", UnilavNotices.personalTaxCode(random)))));
    Collected c = read(file.getBytes(StandardCharsets.UTF_8));
    assertThat(c.notices).extracting(Notice::code).containsExactly("OK0000000001", "OK0000000004");
    assertThat(c.problems).hasSize(2);
    Problem hours = c.problems.get(0);
    assertThat(hours.at()).isEqualTo(new Notice.Position("upload.xml", 2, 4));
    assertThat(hours.code()).isEqualTo("BAD000000002");
    assertThat(hours.reason()).contains("not valid against the schema").contains("48");
    assertThat(hours.reason()).doesNotContain("72");
    Problem check = c.problems.get(1);
    assertThat(check.at().index()).isEqualTo(3);
    assertThat(check.reason()).isEqualTo("the worker's tax code has a wrong check character");
    assertThat(c.problems.toString()).doesNotContain(worker).doesNotContain(wrongCheck);
  }

  @Test
  void aSchemaErrorQuotingATaxCodeDoesNotRepeatIt() throws IOException {
    // Lower case: not the schema's pattern; the validator would quote the value.
    String worker = UnilavNotices.personalTaxCode(random).toLowerCase();
    Collected c =
        read(UnilavNotices.file(hire("LC0000000001", worker)).getBytes(StandardCharsets.UTF_8));
    assertThat(c.notices).isEmpty();
    assertThat(c.problems.get(0).reason()).contains("pattern").doesNotContain(worker);
    assertThat(c.problems.get(0).reason().toUpperCase()).doesNotContain(worker.toUpperCase());
  }

  @Test
  void aZipIsReadEntryByEntryAndABrokenFileStopsOnlyItself() throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(
        "a.xml", UnilavNotices.file(hire("ZA0000000001", UnilavNotices.numericTaxCode(random))));
    String cut = UnilavNotices.file(hire("ZB0000000001", UnilavNotices.numericTaxCode(random)));
    files.put("b.xml", cut.substring(0, cut.length() / 2));
    files.put("c.txt", "not a notice");
    files.put("dir/d.xml", "<other xmlns=\"urn:x\"/>");
    files.put(
        "e.xml", UnilavNotices.file(hire("ZE0000000001", UnilavNotices.numericTaxCode(random))));
    Collected c = read(UnilavNotices.zip(files));
    assertThat(c.notices).extracting(Notice::code).containsExactly("ZA0000000001", "ZE0000000001");
    assertThat(c.problems)
        .extracting(p -> p.at().fileName() + "#" + p.at().index())
        .containsExactly("b.xml#1", "c.txt#0", "dir/d.xml#0");
    assertThat(c.problems.get(0).reason()).startsWith("not well-formed XML");
    assertThat(c.problems.get(2).reason()).contains("root element");
  }

  @Test
  void aCorrectionMustNameTheNoticeItCorrects() throws IOException {
    UnilavNotices.Spec s =
        hire("RC0000000001", UnilavNotices.numericTaxCode(random)).correcting("RC0000000002", null);
    Collected c = read(UnilavNotices.file(s).getBytes(StandardCharsets.UTF_8));
    assertThat(c.notices).isEmpty();
    assertThat(c.problems.get(0).reason()).contains("CodiceComunicazionePrecedente");
  }

  @Test
  void anExternalEntityIsNeverResolved() throws IOException {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
            + "<UniLav xmlns=\""
            + NoticeReader.NS
            + "\">&e;</UniLav>";
    Collected c = read(xxe.getBytes(StandardCharsets.UTF_8));
    assertThat(c.notices).isEmpty();
    assertThat(c.problems).hasSize(1);
    assertThat(c.problems.get(0).reason()).doesNotContain("root:");
  }
}
