package vn.onestop.platform;

import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the {@code postgres} (production) profile when an environment variable it needs
 * is missing, naming each one, instead of failing later with a connection error or - worse - starting
 * with a default password. Runs after the profiles are known and before any bean is created.
 */
public class RequiredEnvironment implements EnvironmentPostProcessor, Ordered {

  /** Variable → what it is, in the words the operator reads in the error. */
  static final Map<String, String> POSTGRES_PROFILE = Map.of(
      "ONESTOP_DB_URL", "JDBC URL of the PostgreSQL database, e.g. jdbc:postgresql://db:5432/onestop",
      "ONESTOP_DB_USER", "database user",
      "ONESTOP_DB_PASSWORD", "database password",
      "ONESTOP_ADMIN_PASSWORD", "initial password of the Camunda administrator (created once)");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.acceptsProfiles(Profiles.of("postgres"))) {
      return;
    }
    List<String> missing = POSTGRES_PROFILE.keySet().stream()
        .filter(name -> {
          String value = environment.getProperty(name);
          return value == null || value.isBlank();
        })
        .sorted()
        .toList();
    if (!missing.isEmpty()) {
      throw new MissingEnvironmentException("postgres", missing, POSTGRES_PROFILE);
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
