package vn.onestop.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DossierCodeTest {

  @Test
  void formatsAsCircular01() {
    assertThat(new DossierCode("000.00.06.H56", LocalDate.of(2023, 10, 27), 361))
        .hasToString("000.00.06.H56-231027-0361");
  }

  @Test
  void parsesRealExamples() {
    DossierCode code = DossierCode.parse("000.17.22.H56-210531-0001");
    assertThat(code.agencyCode()).isEqualTo("000.17.22.H56");
    assertThat(code.receiptDate()).isEqualTo(LocalDate.of(2021, 5, 31));
    assertThat(code.sequence()).isEqualTo(1);
    assertThat(DossierCode.parse(code.toString())).isEqualTo(code);
  }

  @Test
  void refusesWhatIsNotACode() {
    assertThatThrownBy(() -> DossierCode.parse("H56-2310-1")).hasMessageContaining("not a dossier code");
    assertThatThrownBy(() -> new DossierCode("000.00.06.H56", LocalDate.now(), 10000)).hasMessageContaining("9999");
  }
}
