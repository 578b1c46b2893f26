package vn.onestop.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.onestop.OneStopSpringTest;
import vn.onestop.document.ApplicantDataStore;
import vn.onestop.process.EngineTime;

/**
 * Issue 18.5: no process variable grows with the applicant's history. A business (a land-registration
 * service agent) files 100 dossiers, each through the desk's path - submitted, every component scanned,
 * accepted at the check, digitised, so that its scans are filed in the applicant's data store (kho dữ
 * liệu). The 100th is received like the first, and every variable of the 100th instance is no larger than
 * the same variable of the first: the reusable documents are read from the data store when the clerk
 * opens the task, never copied into the process (the copy, one line per document, broke Camunda's
 * {@code varchar(4000)} at about the 22nd dossier: HTTP 500). The time of the 1st and the 100th reception
 * is a benchmark, not this test ({@link FrequentApplicantBenchmark}).
 */
@OneStopSpringTest
class FrequentApplicantTest extends DossierFlowTestSupport {

  static final String BUSINESS = "066099990100";

  @Autowired ApplicantDataStore dataStore;

  @Test
  void theHundredthDossierOfOneApplicantIsReceivedWithVariablesNoLargerThanTheFirst() {
    at("2026-03-02T09:00");
    ProcessInstance first = receivedAndDigitised(BUSINESS);
    Map<String, Long> firstSizes = variableSizes(first);
    assertThat(dataStore.reusable(BUSINESS, today())).as("the first dossier's scans are in the data store").isNotEmpty();
    for (int n = 2; n <= 99; n++) {
      receivedAndDigitised(BUSINESS);
    }
    int stored = dataStore.reusable(BUSINESS, today()).size();
    assertThat(stored).as("every dossier's scans are in the data store").isGreaterThanOrEqualTo(99 * 2);

    ProcessInstance hundredth = receivedAndDigitised(BUSINESS);

    assertThat(rows.get(dossierId(hundredth)).code()).as("the 100th dossier is received and gets its code").isNotNull();
    assertThat(taskService.createTaskQuery().processInstanceId(hundredth.getId()).taskDefinitionKey("Task_TransferDossier")
        .count()).as("the 100th dossier waits at the transfer, as the first").isEqualTo(1);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(hundredth.getId()).count()).isZero();

    Map<String, Long> hundredthSizes = variableSizes(hundredth);
    assertThat(hundredthSizes.keySet()).as("the same variables").isEqualTo(firstSizes.keySet());
    hundredthSizes.forEach((name, size) -> assertThat(size).as("size of '%s' at the 100th dossier (first: %d)", name,
        firstSizes.get(name)).isLessThanOrEqualTo(firstSizes.get(name)));
    // Read from the data store when needed: the 100th dossier's applicant has them all there, none in a variable.
    assertThat(dataStore.reusable(BUSINESS, today())).hasSizeGreaterThan(stored);
    assertThat(runtimeService.getVariables(hundredth.getId())).doesNotContainKey("reusableDocuments");
  }

  /**
   * Every variable of the instance with the size it takes in the engine's tables: the characters of a
   * string, the serialized length of an object or bytes; numbers, dates and booleans are fixed-width columns (0).
   */
  Map<String, Long> variableSizes(ProcessInstance instance) {
    Map<String, Long> sizes = new TreeMap<>();
    for (VariableInstance v : runtimeService.createVariableInstanceQuery().processInstanceIdIn(instance.getId())
        .disableCustomObjectDeserialization().list()) {
      sizes.merge(v.getName() + (v.getTaskId() != null ? "@task" : ""), size(v.getTypedValue()), Math::max);
    }
    return sizes;
  }

  static long size(TypedValue value) {
    if (value.getValue() == null && !(value instanceof SerializableValue)) {
      return 0;
    }
    if (value instanceof SerializableValue serializable) {
      String serialized = serializable.getValueSerialized();
      return serialized == null ? 0 : serialized.length();
    }
    if (value.getValue() instanceof String s) {
      return s.length();
    }
    return value.getValue() instanceof byte[] bytes ? bytes.length : 0;
  }

  private static LocalDate today() {
    return LocalDate.now(EngineTime.clock());
  }
}
