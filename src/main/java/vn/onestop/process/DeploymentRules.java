package vn.onestop.process;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may deploy models, and what a model may contain ({@code onestop.security.deployment.*}).
 *
 * @param deployerGroups        groups whose members may deploy (on top of the engine's DEPLOYMENT CREATE right);
 *                              empty = every user the engine lets deploy. The {@code postgres} profile sets the
 *                              release role only ({@code ONESTOP_RELEASE_GROUPS}, default {@code releases}); the
 *                              application's own deployment of {@code bpmn/} runs without a user and always passes.
 * @param allowedScriptFormats  script languages allowed in script tasks, script listeners, script conditions and
 *                              script input/output (none by default)
 * @param allowedClassPrefixes  packages whose classes {@code camunda:class} and similar attributes may name
 */
@ConfigurationProperties(prefix = "onestop.security.deployment")
public record DeploymentRules(List<String> deployerGroups, List<String> allowedScriptFormats,
    List<String> allowedClassPrefixes) {

  public DeploymentRules {
    deployerGroups = deployerGroups == null ? List.of() : List.copyOf(deployerGroups);
    allowedScriptFormats = allowedScriptFormats == null ? List.of() : List.copyOf(allowedScriptFormats);
    allowedClassPrefixes = allowedClassPrefixes == null ? List.of("vn.onestop.") : List.copyOf(allowedClassPrefixes);
  }
}
