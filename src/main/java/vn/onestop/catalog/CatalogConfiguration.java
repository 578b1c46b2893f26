package vn.onestop.catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reads the catalogue files once at start-up; a bad file stops the application with its name. */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

  @Bean
  CatalogFiles catalogFiles(CatalogProperties properties) {
    return CatalogFiles.load(properties);
  }
}
