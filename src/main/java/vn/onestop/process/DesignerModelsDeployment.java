package vn.onestop.process;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.CamundaDeploymentConfiguration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models and forms of {@code bpmn/} (copied by Maven to {@code classpath:bpmn/}) under a
 * <b>stable resource name</b>: the path below {@code bpmn/}, e.g. {@code forms/reception.form}.
 *
 * <p>The starter's default names a resource by its absolute file path when run from
 * {@code target/classes} and by its bare file name inside the jar, so switching between
 * {@code mvn spring-boot:run} and {@code java -jar} on one database would deploy a new version of
 * every process each time. With stable names and duplicate filtering, a restart deploys nothing
 * unless a model or form changed; then it deploys all of them together (see {@link #preInit}).
 */
@Component
public class DesignerModelsDeployment implements CamundaDeploymentConfiguration {

  static final String ROOT = "bpmn/";
  static final String DEPLOYMENT_NAME = "onestop";

  private final CamundaBpmProperties properties;

  public DesignerModelsDeployment(CamundaBpmProperties properties) {
    this.properties = properties;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl engineConfiguration) {
    if (!properties.isAutoDeploymentEnabled()
        || !(engineConfiguration instanceof SpringProcessEngineConfiguration configuration)) {
      return;
    }
    configuration.setDeploymentResources(getDeploymentResources().toArray(Resource[]::new));
    configuration.setDeploymentName(DEPLOYMENT_NAME);
    // All or nothing: when one resource changed, the whole of bpmn/ is deployed again, so a new version of
    // a model sits in one deployment with the forms its user tasks bind with camunda:formRefBinding="deployment".
    // (With "changed only" the new deployment would hold the changed model alone and its tasks find no form.)
    // When nothing changed, nothing is deployed.
    configuration.setDeployChangedOnly(false);
  }

  @Override
  public Set<Resource> getDeploymentResources() {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    Set<Resource> named = new LinkedHashSet<>();
    for (String pattern : properties.getDeploymentResourcePattern()) {
      try {
        Arrays.stream(resolver.getResources(pattern))
            .filter(Resource::isReadable)
            .map(DesignerModelsDeployment::named)
            .filter(r -> r != null)
            .forEach(named::add);
      } catch (IOException e) {
        throw new IllegalStateException("Cannot list deployment resources for pattern " + pattern, e);
      }
    }
    return named;
  }

  /** The resource under its name below {@code bpmn/}, or null when it is a folder or not under it. */
  static Resource named(Resource resource) {
    try {
      String url = resource.getURL().toString();
      int at = url.lastIndexOf("/" + ROOT);
      if (url.endsWith("/") || at < 0) {
        return null;
      }
      return new NamedResource(resource, url.substring(at + 1 + ROOT.length()));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read deployment resource " + resource, e);
    }
  }

  /** A classpath resource that tells the engine its stable name. */
  static final class NamedResource extends AbstractResource implements ContextResource {

    private final Resource delegate;
    private final String name;

    NamedResource(Resource delegate, String name) {
      this.delegate = delegate;
      this.name = name;
    }

    @Override
    public String getPathWithinContext() {
      return name;
    }

    @Override
    public InputStream getInputStream() throws IOException {
      return delegate.getInputStream();
    }

    @Override
    public URL getURL() throws IOException {
      return delegate.getURL();
    }

    @Override
    public String getFilename() {
      return name;
    }

    @Override
    public String getDescription() {
      return "OneStop model " + name;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof NamedResource that && name.equals(that.name);
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }
  }
}
