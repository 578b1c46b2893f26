package vn.onestop.plan;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Starts the cases of every plan file at start-up (idempotent: existing cases are kept), when
 * {@code onestop.plan.start-cases} is true — on in the demo profile, off in tests, which start them
 * themselves.
 */
@Component
@ConditionalOnProperty(name = "onestop.plan.start-cases", havingValue = "true")
public class PlanCasesAtStartup implements ApplicationRunner {

  private final PlanFiles files;
  private final PlanCases cases;

  public PlanCasesAtStartup(PlanFiles files, PlanCases cases) {
    this.files = files;
    this.cases = cases;
  }

  @Override
  public void run(ApplicationArguments args) {
    files.plans().forEach(p -> cases.startYear(p.year()));
  }
}
