package vn.onestop.platform;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.onestop.OneStopApplication;

/** Starts and stops the whole application in its own JVM, for {@link PromptShutdownTest}. */
public final class ShutdownProbe {

  private ShutdownProbe() {}

  public static void main(String[] args) {
    ConfigurableApplicationContext context = new SpringApplicationBuilder(OneStopApplication.class).run(
        "--onestop.embedded-db.ephemeral=true", "--onestop.embedded-db.port=0", "--server.port=0",
        "--logging.level.root=WARN");
    context.close();
    System.out.println("PROBE-CONTEXT-CLOSED " + System.nanoTime());
    System.out.flush();
  }
}
