package vn.onestop.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import vn.onestop.OneStopApplication;

/** The production profile refuses to start without its environment variables, naming them. */
class PostgresProfileTest {

  @Test
  void refusesToStartWithoutItsEnvironmentVariables() {
    Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(OneStopApplication.class)
        .profiles("postgres")
        .run("--ONESTOP_DB_URL=", "--ONESTOP_DB_USER=", "--ONESTOP_DB_PASSWORD=", "--ONESTOP_ADMIN_PASSWORD=",
            "--server.port=0"));

    assertThat(failure).isInstanceOf(MissingEnvironmentException.class);
    assertThat(failure.getMessage())
        .contains("'postgres' profile")
        .contains("ONESTOP_DB_URL").contains("ONESTOP_DB_USER")
        .contains("ONESTOP_DB_PASSWORD").contains("ONESTOP_ADMIN_PASSWORD");
  }

  @Test
  void namesOnlyTheVariableThatIsMissing() {
    Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(OneStopApplication.class)
        .profiles("postgres")
        .run("--ONESTOP_DB_URL=jdbc:postgresql://localhost:1/none", "--ONESTOP_DB_USER=u",
            "--ONESTOP_DB_PASSWORD=p", "--ONESTOP_ADMIN_PASSWORD=", "--server.port=0"));

    assertThat(failure).isInstanceOf(MissingEnvironmentException.class);
    assertThat(((MissingEnvironmentException) failure).missing()).containsExactly("ONESTOP_ADMIN_PASSWORD");
  }

  @Test
  void failureAnalysisTellsTheOperatorWhatToSet() {
    var analysis = new MissingEnvironmentFailureAnalyzer().analyze(
        new MissingEnvironmentException("postgres", java.util.List.of("ONESTOP_DB_URL"), RequiredEnvironment.POSTGRES_PROFILE));
    assertThat(analysis.getDescription()).contains("ONESTOP_DB_URL").contains("JDBC URL");
    assertThat(analysis.getAction()).contains("Set ONESTOP_DB_URL");
  }
}
