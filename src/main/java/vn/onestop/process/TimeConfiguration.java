package vn.onestop.process;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link Clock} bean: the engine's clock in Việt Nam's zone ({@link EngineTime#clock()}). */
@Configuration(proxyBeanMethods = false)
public class TimeConfiguration {

  @Bean
  public Clock clock() {
    return EngineTime.clock();
  }
}
