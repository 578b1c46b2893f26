package vn.onestop.document;

import java.util.List;

/** Digitisation cannot be confirmed while a required component has no file. */
public class MissingComponentsException extends RuntimeException {

  private final List<String> missing;

  public MissingComponentsException(long dossierId, List<String> missing, List<String> names) {
    super("Dossier " + dossierId + " cannot be confirmed as digitised: no file yet for required component(s) "
        + String.join(", ", names) + " [" + String.join(", ", missing) + "]");
    this.missing = List.copyOf(missing);
  }

  /** The component ids still lacking a file. */
  public List<String> missing() {
    return missing;
  }
}
