package vn.onestop.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Issue 24, finding 6: in the production profile every cookie is {@code Secure} by default - the session cookies of
 * the webapps and of OneStop and the webapps' {@code XSRF-TOKEN} - and only the release role deploys; the demo
 * profile (public demo logins) listens on loopback unless told otherwise (finding 4).
 */
class PostgresCookiesSecureTest {

  @Test
  void everyCookieOfThePostgresProfileIsSecureByDefault() throws Exception {
    StandardEnvironment environment = new StandardEnvironment();
    new YamlPropertySourceLoader().load("postgres", new ClassPathResource("application-postgres.yaml"))
        .forEach(environment.getPropertySources()::addFirst);
    for (String key : new String[] {"server.servlet.session.cookie.secure", "camunda.bpm.webapp.session-cookie.enable-secure-cookie",
        "camunda.bpm.webapp.csrf.enable-secure-cookie"}) {
      assertThat(environment.getProperty(key)).as(key).isEqualTo("true");
    }
    assertThat(environment.getProperty("onestop.security.deployment.deployer-groups")).isEqualTo("releases");
  }

  @Test
  void theDemoListensOnThisComputerOnlyByDefault() throws Exception {
    StandardEnvironment environment = new StandardEnvironment();
    new YamlPropertySourceLoader().load("demo", new ClassPathResource("application-demo.yaml"))
        .forEach(environment.getPropertySources()::addFirst);
    assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
  }
}
