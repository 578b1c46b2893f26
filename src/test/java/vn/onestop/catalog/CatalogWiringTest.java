package vn.onestop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The catalogue's own beans in a minimal context (not the whole application, whose config is elsewhere). */
class CatalogWiringTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(CatalogProperties.class)
  @Import({CatalogConfiguration.class, Organisation.class, ProcedureCatalog.class, vn.onestop.process.TimeConfiguration.class})
  static class CatalogOnly {}

  private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(CatalogOnly.class);

  @Test
  void startsWithDefaults() {
    runner.run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(CatalogProperties.class).location()).isEqualTo("catalog/");
      assertThat(context.getBean(ProcedureCatalog.class).all()).hasSizeGreaterThanOrEqualTo(15);
      assertThat(context.getBean(Organisation.class).find("dakrlap-mot-cua")).isPresent();
    });
  }

  @Test
  void aBadFileStopsStartUpNamingFileAndEntry() {
    runner.withPropertyValues("onestop.catalog.location=catalog-bad/unknown-parent")
        .run(context -> assertThat(context).hasFailed().getFailure()
            .rootCause().isInstanceOf(CatalogException.class)
            .hasMessageContaining("organisation.yaml").hasMessageContaining("xa-a"));
  }

  @Test
  void documentDefaultsAreSettings() {
    runner.withPropertyValues("onestop.catalog.default-max-size=2MB", "onestop.catalog.default-content-types=application/pdf")
        .run(context -> {
          RequiredDocument d = context.getBean(ProcedureCatalog.class).get("1.001193").documents().get(0);
          assertThat(d.maxSizeBytes()).isEqualTo(2L * 1024 * 1024);
          assertThat(d.contentTypes()).containsExactly("application/pdf");
        });
  }
}
