package vn.onestop.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints an embedded-database conflict as a short message that tells the operator what to change. */
public class EmbeddedDatabaseConflictFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseConflictException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseConflictException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Stop the other OneStop, or give this one its own port and data directory, e.g. "
            + "--onestop.embedded-db.port=55433 --onestop.embedded-db.data-dir=./data/postgres-2 "
            + "(port 0 picks any free port).",
        cause);
  }
}
