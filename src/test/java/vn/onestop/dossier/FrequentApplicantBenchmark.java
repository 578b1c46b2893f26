package vn.onestop.dossier;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import vn.onestop.OneStopSpringTest;

/**
 * The reception of an applicant's 100th dossier against her 1st (issue 18.5; a benchmark, not part of the
 * suite: it runs only with {@code -Donestop.bench.frequent=A}, see {@code docs/bench/frequent-applicant.sh}).
 * For each of A applicants (fresh identity numbers), 100 dossiers on the desk's path of
 * {@link FrequentApplicantTest} (submitted, scanned, accepted, digitised - each filing its scans in the
 * applicant's data store); the submission (the register row and the check task) and the acceptance at the
 * check (code, appointment, receipt) of dossiers 1-5 and 96-100 are timed. Prints the medians.
 */
@OneStopSpringTest
@EnabledIfSystemProperty(named = "onestop.bench.frequent", matches = "\\d+")
class FrequentApplicantBenchmark extends DossierFlowTestSupport {

  static final int APPLICANTS = Integer.getInteger("onestop.bench.frequent", 3);
  static final int DOSSIERS = 100;
  static final int TIMED = 5;

  @Test
  void receptionOfTheHundredthDossierAgainstTheFirst() {
    at("2026-03-02T09:00");
    List<Double> firstSubmit = new ArrayList<>();
    List<Double> firstAccept = new ArrayList<>();
    List<Double> lastSubmit = new ArrayList<>();
    List<Double> lastAccept = new ArrayList<>();
    for (int a = 0; a < APPLICANTS; a++) {
      String idNumber = String.format(Locale.ROOT, "0660988%05d", a);
      for (int n = 1; n <= DOSSIERS; n++) {
        long t0 = System.nanoTime();
        ProcessInstance dossier = submit("DNO.HT.01", "nhan-co", "DESK", "applicantIdNumber", idNumber,
            "applicantName", "Công ty TNHH Dịch vụ đăng ký đất đai " + a);
        double submitted = (System.nanoTime() - t0) / 1e6;
        scanAll(dossier);
        long t1 = System.nanoTime();
        complete(task("Task_CheckDossier", dossier), withVariables("receptionDecision", "ACCEPT"));
        double accepted = (System.nanoTime() - t1) / 1e6;
        complete(task("Task_DigitiseDossier", dossier), withVariables("scannedAll", true));
        if (n <= TIMED) {
          firstSubmit.add(submitted);
          firstAccept.add(accepted);
        } else if (n > DOSSIERS - TIMED) {
          lastSubmit.add(submitted);
          lastAccept.add(accepted);
        }
      }
    }
    System.out.printf(Locale.ROOT, "FREQUENT-APPLICANT %d applicants x %d dossiers, medians of %d each | dossiers 1-%d:"
            + " submit %.1f ms, accept %.1f ms | dossiers %d-%d: submit %.1f ms, accept %.1f ms%n",
        APPLICANTS, DOSSIERS, APPLICANTS * TIMED, TIMED, median(firstSubmit), median(firstAccept), DOSSIERS - TIMED + 1,
        DOSSIERS, median(lastSubmit), median(lastAccept));
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
