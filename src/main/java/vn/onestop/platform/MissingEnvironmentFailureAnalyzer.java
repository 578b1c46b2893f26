package vn.onestop.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a missing-variable start-up failure as a short message instead of a stack trace. */
public class MissingEnvironmentFailureAnalyzer extends AbstractFailureAnalyzer<MissingEnvironmentException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MissingEnvironmentException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Set " + String.join(", ", cause.missing())
            + " (see README.md, 'Running against your own PostgreSQL'), or run without the 'postgres' profile"
            + " to use the embedded database.",
        cause);
  }
}
