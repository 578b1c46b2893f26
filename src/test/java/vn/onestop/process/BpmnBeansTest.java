package vn.onestop.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

/** Models see beans marked {@link BpmnBean} and nothing else. */
class BpmnBeansTest {

  @BpmnBean
  static class Deadlines {}

  static class Secrets {}

  @Test
  void onlyMarkedBeansAreVisible() {
    try (GenericApplicationContext context = new GenericApplicationContext()) {
      context.registerBean("deadlines", Deadlines.class);
      context.registerBean("secrets", Secrets.class);
      context.refresh();

      BpmnBeans beans = new BpmnBeans(context);

      assertThat(beans.containsKey("deadlines")).isTrue();
      assertThat(beans.get("deadlines")).isInstanceOf(Deadlines.class);
      assertThat(beans.containsKey("secrets")).isFalse();
      assertThat(beans.get("secrets")).isNull();
      assertThat(beans.containsKey("noSuchBean")).isFalse();
      assertThat(beans.keySet()).containsExactly("deadlines");
    }
  }
}
