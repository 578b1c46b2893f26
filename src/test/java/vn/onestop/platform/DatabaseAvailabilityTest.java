package vn.onestop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "the database is unreachable" (answered 503), and which are real faults (500). */
class DatabaseAvailabilityTest {

  /** Found by the long crash run: PostgreSQL killed while a transaction was committing (was answered 500). */
  @Test
  void aCommitOnAConnectionThePoolClosedIsAnOutage() {
    TransactionSystemException commit = new TransactionSystemException("Could not commit JDBC transaction",
        new SQLException(DatabaseAvailability.CLOSED_BY_POOL));
    assertThat(DatabaseAvailability.isConnectionFailure(commit)).isTrue();
  }

  @Test
  void aLostConnectionIsAnOutageAndABadStatementIsNot() {
    assertThat(DatabaseAvailability.isConnectionFailure(new SQLException("I/O error", "08006"))).isTrue();
    assertThat(DatabaseAvailability.isConnectionFailure(new SQLException("syntax error", "42601"))).isFalse();
    assertThat(DatabaseAvailability.isConnectionFailure(new SQLException("Connection is closed", "42601"))).isFalse();
  }
}
