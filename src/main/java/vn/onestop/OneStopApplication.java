package vn.onestop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * OneStop: the one-stop-shop mechanism (cơ chế một cửa, một cửa liên thông) of Decree 61/2018 on an
 * embedded Camunda 7 engine.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OneStopApplication {

  public static void main(String[] args) {
    SpringApplication.run(OneStopApplication.class, args);
  }
}
