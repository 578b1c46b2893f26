package vn.onestop.process;

import java.util.concurrent.Callable;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Runs a step of OneStop's own bookkeeping inside the engine without the caller's authorizations:
 * when a specialist issues an apology, moving the due dates of the dossier's other tasks is the
 * system's doing, not hers, and she holds no UPDATE right on them. Use only for such bookkeeping.
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
    return context.runWithoutAuthorization(work);
  }

  public static void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }
}
