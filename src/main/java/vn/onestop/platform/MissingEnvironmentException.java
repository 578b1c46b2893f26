package vn.onestop.platform;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Start-up stopped because the active profile needs environment variables that are not set. */
public class MissingEnvironmentException extends IllegalStateException {

  private final List<String> missing;

  public MissingEnvironmentException(String profile, List<String> missing, Map<String, String> meaning) {
    super("The '" + profile + "' profile needs these environment variables, which are not set: "
        + missing.stream().map(name -> name + " (" + meaning.get(name) + ")").collect(Collectors.joining(", ")));
    this.missing = List.copyOf(missing);
  }

  public List<String> missing() {
    return missing;
  }
}
