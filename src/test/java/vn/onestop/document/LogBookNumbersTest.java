package vn.onestop.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.OneStopSpringTest;
import vn.onestop.process.EngineTime;
import vn.onestop.register.DossierQueries;

/**
 * The number of a dossier in its receiving agency's log book of the year (Sổ theo dõi hồ sơ, V142): given once when
 * the dossier is received, in the order of the agency's receptions, restarting with each year in Vietnam's time, and
 * what the receipt (form 01) and the log book print.
 */
@OneStopSpringTest
class LogBookNumbersTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired DossierQueries register;
  @Autowired Slips slips;
  @Autowired DocumentStore store;

  TestRegister rows;

  @AfterEach
  void cleanUp() {
    if (rows != null) {
      rows.cleanUp();
    }
  }

  @Test
  void numbersRunThroughEachAgencysYearInTheOrderOfReception() {
    rows = new TestRegister(jdbc);
    String a = agency();
    String b = agency();
    long lastOf2025 = rows.dossierAt(a, vn(2025, 12, 31, 23, 30));   // 16:30 UTC: still 2025 in Vietnam
    long otherAgency = rows.dossierAt(b, vn(2025, 12, 31, 23, 40));
    long firstOf2026 = rows.dossierAt(a, vn(2026, 1, 1, 0, 10));     // 17:10 UTC on 31 December: 2026 in Vietnam
    long secondOf2026 = rows.dossierAt(a, vn(2026, 1, 2, 8, 0));

    assertThat(register.logBookNumber(lastOf2025)).isEqualTo(1);
    assertThat(register.logBookNumber(otherAgency)).isEqualTo(1);
    assertThat(register.logBookNumber(firstOf2026)).isEqualTo(1);
    assertThat(register.logBookNumber(secondOf2026)).isEqualTo(2);

    // submitted first, received later: numbered when received, after those received before it
    long submitted = rows.dossierAt(a, null);
    assertThatThrownBy(() -> register.logBookNumber(submitted)).hasMessageContaining("has not been received");
    long receivedMeanwhile = rows.dossierAt(a, vn(2026, 1, 3, 9, 0));
    jdbc.update("UPDATE onestop.dossier SET received_at = ? WHERE id = ?", Timestamp.from(vn(2026, 1, 3, 10, 0)), submitted);
    assertThat(register.logBookNumber(receivedMeanwhile)).isEqualTo(3);
    assertThat(register.logBookNumber(submitted)).isEqualTo(4);

    // a number given is kept: later changes of the dossier, or an earlier line removed, do not renumber it
    jdbc.update("UPDATE onestop.dossier SET status = 'RETURNED', returned_at = now() WHERE id = ?", secondOf2026);
    assertThat(register.logBookNumber(secondOf2026)).isEqualTo(2);
    assertThat(register.logBook(a, vn(2026, 1, 1, 0, 0), vn(2026, 1, 4, 0, 0)))
        .extracting(DossierQueries.LogBookLine::number).containsExactly(1L, 2L, 3L, 4L);
    jdbc.update("DELETE FROM onestop.dossier WHERE id = ?", firstOf2026);
    assertThat(register.logBookNumber(secondOf2026)).isEqualTo(2);
    assertThat(register.logBook(a, vn(2026, 1, 1, 0, 0), vn(2026, 1, 4, 0, 0)))
        .extracting(DossierQueries.LogBookLine::number).containsExactly(2L, 3L, 4L);
  }

  @Test
  void theBookListsItsLinesInTheOrderTheyWereNumbered() {
    rows = new TestRegister(jdbc);
    String a = agency();
    // two clerks at the same moment: the reception recorded first is numbered first, whatever its clock said
    long recordedFirst = rows.dossierAt(a, vn(2026, 3, 2, 9, 0).plusMillis(500));
    long recordedSecond = rows.dossierAt(a, vn(2026, 3, 2, 9, 0).plusMillis(400));
    assertThat(register.logBook(a, vn(2026, 3, 2, 0, 0), vn(2026, 3, 3, 0, 0)))
        .extracting(line -> line.dossier().id(), DossierQueries.LogBookLine::number)
        .containsExactly(tuple(recordedFirst, 1L), tuple(recordedSecond, 2L));
  }

  @Test
  void theReceiptPrintsTheNumberAndADossierNotYetReceivedHasNoReceipt() {
    rows = new TestRegister(jdbc);
    long received = rows.dossier(TestRegister.uniqueCode(), TestRegister.uniqueIdNumber(), vn(2025, 6, 2, 9, 0),
        vn(2025, 6, 4, 17, 0));
    long number = register.logBookNumber(received);
    String text = SlipsTest.flat(store.read(slips.receipt(received).id()).bytes());
    assertThat(text).contains("Quyển số: 2025, Số thứ tự: " + number);

    long submitted = rows.dossierAt(TestRegister.RECEIVING, null);
    assertThatThrownBy(() -> slips.receipt(submitted)).isInstanceOfSatisfying(DocumentRejectedException.class,
        e -> assertThat(e.reason()).isEqualTo(DocumentRejectedException.Reason.NOT_FOUND))
        .hasMessageContaining("chưa được tiếp nhận");
  }

  /** An agency id of this test alone, so that its log books start empty. */
  private static String agency() {
    return "so-test-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36);
  }

  private static Instant vn(int year, int month, int day, int hour, int minute) {
    return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, EngineTime.ZONE).toInstant();
  }
}
