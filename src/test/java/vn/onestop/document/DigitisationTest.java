package vn.onestop.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.OneStopSpringTest;

/** The digitisation step cannot be confirmed until every required component has a file. */
@OneStopSpringTest
class DigitisationTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired Digitisation digitisation;
  @Autowired ApplicantDataStore dataStore;

  TestRegister register;

  @AfterEach
  void cleanUp() {
    register.cleanUp();
  }

  @Test
  void blocksUntilEveryRequiredComponentHasAFile() {
    register = new TestRegister(jdbc);
    String idNumber = TestRegister.uniqueIdNumber();
    Instant now = Instant.now();
    long id = register.dossier(TestRegister.uniqueCode(), idNumber, now, now.plus(2, ChronoUnit.DAYS));

    // DNO.CT.01: du-thao and giay-to-tuy-than are required; giay-chung-nhan is optional
    assertThat(digitisation.missingComponents(id, "DNO.CT.01", "2024.1")).containsExactly("du-thao", "giay-to-tuy-than");
    assertThatThrownBy(() -> digitisation.confirm(id, "clerk"))
        .isInstanceOf(MissingComponentsException.class)
        .hasMessageContaining("du-thao").hasMessageContaining("giay-to-tuy-than")
        .hasMessageContaining("Dự thảo hợp đồng, giao dịch");

    digitisation.upload(id, "du-thao", "du-thao.pdf", "application/pdf", TestRegister.pdfLike(500),
        DocumentOrigin.ORIGINAL_SCAN, null, "clerk");
    assertThatThrownBy(() -> digitisation.confirm(id, "clerk"))
        .isInstanceOf(MissingComponentsException.class)
        .satisfies(e -> assertThat(((MissingComponentsException) e).missing()).containsExactly("giay-to-tuy-than"));
    assertThat(jdbc.queryForObject("SELECT digitised FROM onestop.dossier WHERE id = ?", Boolean.class, id)).isFalse();

    digitisation.upload(id, "giay-to-tuy-than", "cccd.pdf", "application/pdf", TestRegister.pdfLike(500),
        DocumentOrigin.COPY_SCAN, null, "clerk");
    assertThat(digitisation.missingComponents(id)).isEmpty();
    digitisation.confirm(id, "clerk");

    assertThat(jdbc.queryForObject("SELECT digitised AND digitised_at IS NOT NULL FROM onestop.dossier WHERE id = ?",
        Boolean.class, id)).isTrue();
    // the scan of the original is filed in the applicant's data store; the scan of a plain copy is not
    assertThat(dataStore.reusable(idNumber, LocalDate.now())).extracting(StoredDocument::componentId).containsExactly("du-thao");
  }
}
