package vn.onestop.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.onestop.dossier.DossierVariables;
import vn.onestop.feedback.FeedbackVariables;

/**
 * One variable contract per model: every field a Camunda Form in {@code bpmn/forms/} reads or writes
 * is named in its model's contract class, so a designer who adds a field to a form without telling
 * Java (or renames one) learns it here. {@code procedure-review-*} forms belong to a model with no
 * Java steps (it only routes by {@code approved}), so they have no contract class.
 */
class ModelVariablesTest {

  static Stream<Path> forms() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("bpmn/forms"))) {
      return files.filter(f -> f.getFileName().toString().endsWith(".form"))
          .filter(f -> !f.getFileName().toString().startsWith("procedure-review")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("forms")
  void everyFieldOfTheFormIsDeclaredInItsModelsContract(Path form) throws IOException {
    String name = form.getFileName().toString();
    Class<?> contract = name.startsWith("feedback-") ? FeedbackVariables.class
        : name.startsWith("plan-task-") ? vn.onestop.plan.PlanTaskVariables.class : DossierVariables.class;
    List<String> keys = new ArrayList<>();
    collectKeys(new ObjectMapper().readTree(form.toFile()), keys);
    assertThat(keys).as("%s has fields", name).isNotEmpty();
    assertThat(declared(contract)).as("variables declared in %s", contract.getSimpleName()).containsAll(keys);
  }

  @Test
  void theContractsAreReadAndKeptApart() {
    // Guards the test above from passing on an empty or misread contract.
    assertThat(declared(DossierVariables.class)).contains("dossierId", "receptionDecision", "requiredDocuments")
        .doesNotContain("classification");
    assertThat(declared(FeedbackVariables.class)).contains("classification", "answer").doesNotContain("receptionDecision");
  }

  private static void collectKeys(JsonNode node, List<String> keys) {
    for (JsonNode component : node.path("components")) {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
      collectKeys(component, keys);
    }
  }

  static Set<String> declared(Class<?> contract) {
    Set<String> names = new TreeSet<>();
    for (Field field : contract.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        try {
          names.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return names;
  }
}
