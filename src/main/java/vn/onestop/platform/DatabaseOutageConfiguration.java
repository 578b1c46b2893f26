package vn.onestop.platform;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Fail fast while the database is down, recover by itself (issue 19 §2; docs/operations.md). */
@Configuration(proxyBeanMethods = false)
public class DatabaseOutageConfiguration {

  @Bean
  DatabaseAvailability databaseAvailability(DataSource dataSource,
      @Value("${onestop.database.probe-period-ms:1000}") long periodMillis) {
    return new DatabaseAvailability(dataSource, periodMillis);
  }

  @Bean
  FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(DatabaseAvailability availability) {
    FilterRegistrationBean<DatabaseOutageFilter> registration = new FilterRegistrationBean<>(new DatabaseOutageFilter(availability));
    // Before security and the engine's filters: nothing that needs the database runs while it is down.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    registration.addUrlPatterns("/*");
    return registration;
  }

  /** {@link DatabaseOutageResolver} first, before the {@code @ExceptionHandler} methods. */
  @Bean
  WebMvcConfigurer databaseOutageResolver(ObjectProvider<DatabaseAvailability> availability) {
    return new WebMvcConfigurer() {
      @Override
      public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(0, new DatabaseOutageResolver(availability));
      }
    };
  }
}
