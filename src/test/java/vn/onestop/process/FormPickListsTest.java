package vn.onestop.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.onestop.catalog.Agency;
import vn.onestop.catalog.CatalogFiles;
import vn.onestop.catalog.Procedure;
import vn.onestop.catalog.ProcedureKind;

/**
 * Issue 15, items 2 and 3: the Camunda Forms offer readable choices and no clerk-facing label names an address, a
 * login to type or a code to remember. The reception form's pick-lists of procedures and one-stop desks are the
 * seed catalogue's (a catalogue change that forgets the form fails here); the head picks a specialist by name from
 * the task's {@code specialistChoices}; results are chosen and shown by name.
 */
class FormPickListsTest {

  static final Path FORMS = Path.of("bpmn", "forms");
  static final ObjectMapper JSON = new ObjectMapper();
  static final CatalogFiles SEED = CatalogFiles.load("catalog/");
  static final Pattern ADDRESS = Pattern.compile("/api/|/engine-rest|\\b(GET|POST|PUT|DELETE) /");

  static Stream<Path> forms() throws IOException {
    try (Stream<Path> files = Files.list(FORMS)) {
      return files.filter(f -> f.toString().endsWith(".form")).sorted().toList().stream();
    }
  }

  @Test
  void theProcedureIsPickedByNameFromTheCataloguesPublicProcedures() throws IOException {
    JsonNode field = field("dossier-reception", "procedureCode");
    assertThat(field.path("type").asText()).isEqualTo("select");
    assertThat(field.path("searchable").asBoolean()).isTrue();
    Map<String, String> expected = new TreeMap<>();
    for (Procedure p : SEED.procedures()) {
      if (p.kind() != ProcedureKind.INTERNAL) {
        expected.put(p.code(), p.name() + " (" + p.code() + ")");
      }
    }
    assertThat(values(field)).isEqualTo(expected);
  }

  @Test
  void theReceivingDeskIsPickedByNameFromTheOneStopDepartments() throws IOException {
    JsonNode field = field("dossier-reception", "receivingAgencyId");
    assertThat(field.path("type").asText()).isEqualTo("select");
    Map<String, String> expected = new TreeMap<>();
    for (Agency a : SEED.agencies()) {
      if (a.isOneStop() && a.validTo() == null) {
        expected.put(a.id(), a.name());
      }
    }
    assertThat(values(field)).isEqualTo(expected);
  }

  @Test
  void aReviewIsRequestedForAnAgencyAndAProcedurePickedByName() throws IOException {
    Map<String, String> procedures = new TreeMap<>();
    SEED.procedures().forEach(p -> procedures.put(p.code(), p.name() + " (" + p.code() + ")"));
    assertThat(values(field("procedure-review-request", "procedureCode"))).isEqualTo(procedures);
    Map<String, String> agencies = new TreeMap<>();
    SEED.agencies().stream().filter(a -> a.validTo() == null).forEach(a -> agencies.put(a.id(), a.name()));
    assertThat(values(field("procedure-review-request", "agencyId"))).isEqualTo(agencies);
  }

  @Test
  void theHeadPicksTheSpecialistByNameAndSeesTheProposalByName() throws IOException {
    JsonNode specialist = field("handling-assign", "specialist");
    assertThat(specialist.path("type").asText()).isEqualTo("select");
    assertThat(specialist.path("valuesExpression").asText()).contains("specialistChoices");
    JsonNode proposal = field("handling-approve", "proposedOutcome");
    assertThat(proposal.path("type").asText()).isEqualTo("radio");
    assertThat(proposal.path("readonly").asBoolean()).isTrue();
    assertThat(values(proposal)).containsEntry("RESULT", "Giải quyết");
    assertThat(field("handling-approve", "resultSummary").path("readonly").asBoolean())
        .as("the head reads the result text he approves").isTrue();
  }

  @Test
  void theSpecialistPicksTheAgenciesToConsultByName() throws IOException {
    JsonNode agencies = field("handling-appraise", "consultedAgencyList");
    assertThat(agencies.path("type").asText()).isEqualTo("taglist");
    assertThat(agencies.path("valuesExpression").asText()).contains("consulteeChoices");
    assertThat(agencies.path("label").asText()).isEqualTo("Cơ quan được lấy ý kiến");
  }

  @ParameterizedTest
  @MethodSource("forms")
  void noLabelNamesAnAddressALoginToTypeOrAnAgencyCode(Path form) throws IOException {
    String text = Files.readString(form);
    List<String> labels = JSON.readTree(text).findValuesAsText("label");
    labels.addAll(JSON.readTree(text).findValuesAsText("text"));
    labels.addAll(JSON.readTree(text).findValuesAsText("description"));
    for (String label : labels) {
      assertThat(ADDRESS.matcher(label).find()).as("%s: %s", form, label).isFalse();
      assertThat(label).as("%s", form).doesNotContain("tên đăng nhập").doesNotContain("Mã cơ quan");
    }
  }

  /** Tasklist shows a user task's documentation as its description: Vietnamese only. */
  @Test
  void everyTaskDescriptionIsVietnamese() throws IOException {
    Pattern userTask = Pattern.compile("<bpmn:userTask id=\"([^\"]+)\"[^>]*>\\s*(?:<!--.*?-->\\s*)?<bpmn:documentation>([^<]*)<",
        Pattern.DOTALL);
    Pattern english = Pattern.compile("\\b(the|and|of|is|when|with)\\b");
    int seen = 0;
    try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
      for (Path model : models.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        java.util.regex.Matcher m = userTask.matcher(Files.readString(model));
        while (m.find()) {
          seen++;
          assertThat(english.matcher(m.group(2)).find()).as("%s %s: %s", model, m.group(1), m.group(2)).isFalse();
        }
      }
    }
    assertThat(seen).isGreaterThan(20);
  }

  static JsonNode field(String form, String key) throws IOException {
    for (JsonNode c : JSON.readTree(FORMS.resolve(form + ".form").toFile()).findParents("key")) {
      if (key.equals(c.path("key").asText())) {
        return c;
      }
    }
    throw new AssertionError(form + " has no field " + key);
  }

  static Map<String, String> values(JsonNode field) {
    Map<String, String> values = new LinkedHashMap<>();
    field.path("values").forEach(v -> values.put(v.path("value").asText(), v.path("label").asText()));
    return new TreeMap<>(values);
  }
}
