package vn.onestop.web;

import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Jersey application of {@code /engine-rest}, as the REST starter builds it, with OneStop's error
 * mapping instead of Camunda's five exception mappers. The starter's own configuration backs off when a
 * bean of type {@link CamundaJerseyResourceConfig} exists. Why replace rather than add: two JAX-RS
 * mappers for the same exception type tie, and Jersey's choice between them is not specified; with
 * Camunda's mappers out of the way, {@link EngineRestProblems} is the only one and maps every error.
 * Other features that need Jersey providers add them with a {@code ResourceConfigCustomizer} bean.
 */
@Configuration(proxyBeanMethods = false)
public class EngineRestConfiguration {

  @Bean
  CamundaJerseyResourceConfig engineRestResourceConfig() {
    return new OneStopJerseyResourceConfig();
  }

  /** Camunda's resources and configuration, minus its exception mappers, plus OneStop's. */
  static class OneStopJerseyResourceConfig extends CamundaJerseyResourceConfig {

    private static final Logger LOG = LoggerFactory.getLogger(OneStopJerseyResourceConfig.class);

    @Override
    protected void registerCamundaRestResources() {
      registerClasses(CamundaRestResources.getResourceClasses());
      Set<Class<?>> configuration = CamundaRestResources.getConfigurationClasses().stream()
          .filter(c -> !ExceptionMapper.class.isAssignableFrom(c)).collect(Collectors.toSet());
      registerClasses(configuration);
      // without Jersey's Jackson exception mappers: they answer text/plain with Jackson's message (Java types)
      register(JacksonFeature.withoutExceptionMappers());
      register(EngineRestProblems.class);
      register(EngineRestRequestChecks.class);
      register(EngineRestRequestChecks.MissingContentType.class);
      // errors are answered by EngineRestProblems, never by the servlet container's error page
      property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
      LOG.info("Camunda REST API configured with OneStop's problem-details error mapping");
    }
  }
}
