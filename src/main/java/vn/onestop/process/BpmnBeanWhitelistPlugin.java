package vn.onestop.process;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Replaces the engine's expression manager, which by default resolves every bean of the application
 * context, by one that resolves only {@link BpmnBean}s. Process variables and {@code execution},
 * {@code task} etc. resolve as before.
 */
@Component
public class BpmnBeanWhitelistPlugin extends AbstractProcessEnginePlugin {

  private final ApplicationContext context;

  public BpmnBeanWhitelistPlugin(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    BpmnBeans beans = new BpmnBeans(context);
    configuration.setBeans(beans);
    configuration.setExpressionManager(new SpringExpressionManager(context, beans));
  }
}
