package vn.onestop.web;

import java.sql.SQLException;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * A request that lost to another change of the same dossier made at the same moment (thay đổi đồng thời): the
 * engine found its rows changed since it read them (optimistic locking), or PostgreSQL aborted it in a deadlock or a
 * serialization failure. Its transaction was rolled back whole — nothing of it is saved — and the same request sent
 * again normally goes through: a deadline's timer and a clerk's step on the same dossier, two heads approving the
 * parallel legs of one dossier at once. It is answered 409 with that said in Vietnamese, not as a server fault,
 * and {@link ConcurrentChangeRetry} sends the clerk's steps again before answering at all.
 */
public final class ConcurrentChange {

  private static final Logger LOG = LoggerFactory.getLogger(ConcurrentChange.class);

  /** What the clerk reads when the change still lost after the retries (a dossier, a feedback, a procedure review…). */
  public static final String DETAIL = "Dữ liệu này vừa được một thao tác khác thay đổi cùng lúc nên thao tác của bạn chưa"
      + " được lưu; vui lòng tải lại và thực hiện lại";

  /** Request attribute set when the answer is this conflict: the retry filter sends the request again. */
  static final String MARK = ConcurrentChange.class.getName();

  /** PostgreSQL's serialization failure and deadlock. */
  private static final Set<String> SQL_STATES = Set.of("40001", "40P01");

  private ConcurrentChange() {
  }

  /** Whether the failure, or one of its causes, is a change that lost to a concurrent one. */
  public static boolean in(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OptimisticLockingException || t instanceof ConcurrencyFailureException
          || t instanceof SQLException sql && SQL_STATES.contains(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** Logged without the database's message (it quotes the statement's values: personal data). */
  static void log(String path) {
    LOG.warn("Concurrent change on {}: rolled back, answered 409 (a clerk's step is first sent again: ConcurrentChangeRetry)", path);
  }
}
