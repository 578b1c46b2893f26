package vn.onestop.process;

/**
 * A rule of OneStop that a request broke, raised inside the engine (a listener or a delegate) or in
 * OneStop's own services. The engine wraps listener exceptions in its own; the API layers walk the
 * cause chain to the first {@code RuleViolation} and answer with its status, field and (Vietnamese)
 * message instead of a 500 — never by matching the engine's text.
 */
public interface RuleViolation {

  /** What kind of rule: decides the HTTP status of the answer. */
  enum Kind {
    /** Bad or missing input (400). */
    INPUT(400),
    /** Something named does not exist: a procedure, an agency, a dossier (404). */
    NOT_FOUND(404),
    /** The request is right but the dossier's state does not allow it, e.g. scans still missing (409). */
    STATE(409);

    private final int status;

    Kind(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  Kind kind();

  /** The request field or process variable at fault, or {@code null}. */
  String field();

  /** What is wrong and how to fix it, in words the clerk or portal developer can act on. */
  String getMessage();

  /** The first rule violation in {@code e}'s cause chain, or {@code null}. */
  static RuleViolation find(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof RuleViolation v) {
        return v;
      }
    }
    return null;
  }
}
