package vn.onestop.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.onestop.OneStopSpringTest;

/** Dossier codes on the real PostgreSQL: no duplicate, no gap, no wrap. */
@OneStopSpringTest
class DossierCodesConcurrencyTest {

  @Autowired DossierCodes codes;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;

  @Test
  void eightThreadsIssueFourThousandCodesWithoutDuplicateOrGap() throws Exception {
    String agency = "000.99.01.T01";
    LocalDate day = LocalDate.of(2026, 3, 2);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<Integer>>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        Callable<List<Integer>> worker = () -> {
          List<Integer> mine = new ArrayList<>();
          for (int i = 0; i < 500; i++) {
            mine.add(transactions.execute(status -> codes.issue(agency, day)).sequence());
          }
          return mine;
        };
        results.add(pool.submit(worker));
      }
      List<Integer> all = new ArrayList<>();
      for (Future<List<Integer>> result : results) {
        all.addAll(result.get());
      }
      assertThat(all).hasSize(4000).doesNotHaveDuplicates();
      assertThat(all.stream().sorted().toList()).isEqualTo(IntStream.rangeClosed(1, 4000).boxed().toList());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRolledBackNumberIsIssuedAgain() {
    String agency = "000.99.02.T01";
    LocalDate day = LocalDate.of(2026, 3, 3);
    assertThat(transactions.execute(s -> codes.issue(agency, day)).sequence()).isEqualTo(1);
    transactions.execute(status -> {
      assertThat(codes.issue(agency, day).sequence()).isEqualTo(2);
      status.setRollbackOnly();
      return null;
    });
    assertThat(transactions.execute(s -> codes.issue(agency, day)).toString()).isEqualTo(agency + "-260303-0002");
  }

  @Test
  void failsLoudlyAfter9999InOneDay() {
    String agency = "000.99.03.T01";
    LocalDate day = LocalDate.of(2026, 3, 4);
    jdbc.update("insert into onestop.dossier_code_counter values (?, ?, 9998)", agency, day);
    assertThat(transactions.execute(s -> codes.issue(agency, day)).sequence()).isEqualTo(9999);
    assertThatThrownBy(() -> transactions.execute(s -> codes.issue(agency, day)))
        .isInstanceOf(DossierCodes.DossierCodesExhaustedException.class)
        .hasMessageContaining(agency).hasMessageContaining("9999");
    assertThat(jdbc.queryForObject("select last_seq from onestop.dossier_code_counter where agency_code = ?",
        Integer.class, agency)).isEqualTo(9999);
    // The next day starts again at 1.
    assertThat(transactions.execute(s -> codes.issue(agency, day.plusDays(1))).sequence()).isEqualTo(1);
  }

  @Test
  void refusesToIssueOutsideATransaction() {
    assertThatThrownBy(() -> codes.issue("000.99.04.T01", LocalDate.of(2026, 3, 5)))
        .hasMessageContaining("transaction");
  }
}
