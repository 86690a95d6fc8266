package it.percorsi.placement.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import it.percorsi.placement.outcome.OutcomeFigures.Dimension;
import it.percorsi.placement.outcome.OutcomeFigures.InternshipRow;
import it.percorsi.placement.outcome.OutcomeFigures.Where;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutcomeFiguresTest {

  static InternshipRow internship(String province, String state) {
    return new InternshipRow(
        UUID.randomUUID(),
        UUID.randomUUID(),
        new Where("P", "19", province, "ORG-PROMOTER-A"),
        state,
        LocalDate.of(2026, 12, 7),
        "STARTED".equals(state) ? null : LocalDate.of(2027, 6, 6));
  }

  @Test
  void aThreePersonCellIsSuppressedAndSoIsTheRateDerivedFromIt() {
    List<InternshipRow> rows = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      rows.add(internship("083", "COMPLETED"));
    }
    for (int i = 0; i < 6; i++) {
      rows.add(internship("082", "COMPLETED"));
    }
    List<Map<String, Object>> exact =
        OutcomeFigures.compute(
            List.of(Dimension.PROVINCE), List.of(), rows, List.of(), List.of(), List.of());
    assertThat(exact).extracting(r -> r.get("province")).containsExactly("082", "083");
    assertThat(exact.get(1).get("internshipsCompleted")).isEqualTo(3);
    assertThat(exact.get(1).get("completionRatePercent")).isEqualTo(100.0);

    Map<String, Object> messina = OutcomeFigures.suppress(exact.get(1), 5);
    assertThat(messina.get("internshipsCompleted")).isEqualTo(OutcomeFigures.SUPPRESSED);
    assertThat(messina.get("completionRatePercent")).isEqualTo(OutcomeFigures.SUPPRESSED);
    Map<String, Object> palermo = OutcomeFigures.suppress(exact.get(0), 5);
    assertThat(palermo.get("internshipsCompleted")).isEqualTo(6);
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(OutcomeFigures.median(List.of(10L, 2L, 4L, 30L))).isEqualTo(7.0);
    assertThat(OutcomeFigures.median(List.of(5L, 1L, 9L))).isEqualTo(5.0);
    assertThat(OutcomeFigures.median(List.of())).isNull();
  }
}
