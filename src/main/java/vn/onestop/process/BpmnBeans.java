package vn.onestop.process;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.context.ApplicationContext;

/**
 * The beans BPMN expressions may see: a read-only, lazy view of the Spring beans annotated with
 * {@link BpmnBean}. Lazy, because the engine is built before most of those beans exist.
 */
final class BpmnBeans extends AbstractMap<Object, Object> {

  private final ApplicationContext context;

  BpmnBeans(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public boolean containsKey(Object name) {
    if (!(name instanceof String beanName) || !context.containsBean(beanName)) {
      return false;
    }
    try {
      return context.findAnnotationOnBean(beanName, BpmnBean.class) != null;
    } catch (NoSuchBeanDefinitionException e) {
      return false;
    }
  }

  @Override
  public Object get(Object name) {
    return containsKey(name) ? context.getBean((String) name) : null;
  }

  @Override
  public Set<Entry<Object, Object>> entrySet() {
    return Arrays.stream(context.getBeanNamesForAnnotation(BpmnBean.class))
        .map(name -> Map.entry((Object) name, context.getBean(name)))
        .collect(Collectors.toUnmodifiableSet());
  }
}
