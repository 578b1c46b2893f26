package vn.onestop.process;

import java.util.concurrent.Callable;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Runs a step of OneStop's own bookkeeping inside the engine without the caller's authorizations:
 * when a specialist issues an apology, moving the due dates of the dossier's other tasks is the
 * system's doing, not hers, and she holds no UPDATE right on them. Use only for such bookkeeping.
 *
 * <p>For the same reason the bookkeeping is kept out of the user operation log (nhật ký thao tác): the
 * log answers "what did this person do", and the READ grants of a dossier's agencies or the moved due
 * dates are not her acts (they were 46 authorization rows and most of the 175 log rows of one
 * lifecycle, issue 18.2). The register's events (the process-control slip) record the hand-overs.
 */
public final class WithoutAuthorization {

  private WithoutAuthorization() {}

  public static <T> T call(Callable<T> work) {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      try {
        return work.call();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    boolean logging = context.isUserOperationLogEnabled();
    context.disableUserOperationLog();
    try {
      return context.runWithoutAuthorization(work);
    } finally {
      if (logging) {
        context.enableUserOperationLog();
      }
    }
  }

  public static void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }
}
