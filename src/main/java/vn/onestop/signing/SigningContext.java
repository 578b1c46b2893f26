package vn.onestop.signing;

import java.util.function.Supplier;

/**
 * Who signs the paper being produced on this thread: set by the paper worker from the job row (the
 * authenticated user recorded when the step issued the paper), read by {@link PaperSealing} when the
 * document store stores the paper. Without one (a direct print), the signer is the user authenticated
 * on the engine now, else the agency's seal alone.
 */
final class SigningContext {

  record Job(long jobId, String agencyId, String signer, String action) {}

  private static final ThreadLocal<Job> CURRENT = new ThreadLocal<>();

  private SigningContext() {}

  static Job current() {
    return CURRENT.get();
  }

  static <T> T with(Job job, Supplier<T> work) {
    Job before = CURRENT.get();
    CURRENT.set(job);
    try {
      return work.get();
    } finally {
      if (before == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(before);
      }
    }
  }
}
