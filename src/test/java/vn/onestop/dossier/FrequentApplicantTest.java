package vn.onestop.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.onestop.OneStopSpringTest;
import vn.onestop.document.ApplicantDataStore;
import vn.onestop.document.DataStoreCategory;
import vn.onestop.document.DocumentKind;
import vn.onestop.document.DocumentOrigin;
import vn.onestop.document.DocumentStore;
import vn.onestop.document.NewDocument;
import vn.onestop.document.StoredDocument;

/**
 * Issue 18.5: nothing in a process variable grows with the applicant's history. A business files its
 * 100th dossier with a hundred documents in its data store; the offer of reusable documents at
 * reception stays a bounded text (it used to be one line per document and broke Camunda's
 * {@code varchar(4000)} at about the 22nd dossier: HTTP 500), and names how many more there are.
 */
@OneStopSpringTest
class FrequentApplicantTest extends DossierFlowTestSupport {

  static final String BUSINESS = "066099990100";

  @Autowired ApplicantDataStore dataStore;
  @Autowired DocumentStore documents;

  @Test
  void theHundredthDossierOfOneApplicantIsReceived() {
    at("2026-03-02T09:00");
    for (int n = 1; n <= 99; n++) {
      ProcessInstance dossier = submit("1.001193", "nhan-co", "DESK", "applicantIdNumber", BUSINESS);
      StoredDocument scan = documents.store(new NewDocument(dossierId(dossier), "to-khai", DocumentKind.COMPONENT,
          DocumentOrigin.ORIGINAL_SCAN, "Tờ khai đăng ký của công ty trách nhiệm hữu hạn dịch vụ đăng ký đất đai, lần " + n,
          "to-khai-" + n + ".pdf", "application/pdf", SCAN, null, null, null, "clerk"));
      dataStore.file(BUSINESS, scan.id(), DataStoreCategory.DIGITISED, "clerk");
    }

    ProcessInstance hundredth = submit("1.001193", "nhan-co", "DESK", "applicantIdNumber", BUSINESS);

    String offer = (String) runtimeService.getVariable(hundredth.getId(), "reusableDocuments");
    assertThat(offer.length()).as("the offer is bounded, whatever the history").isLessThan(4000);
    assertThat(offer.lines().filter(l -> l.startsWith("• #")).count()).isEqualTo(DossierPapers.OFFER_LINES);
    assertThat(offer).contains("… và " + (99 - DossierPapers.OFFER_LINES) + " tài liệu khác")
        .contains("/api/documents/applicants/" + BUSINESS + "/reusable");
    complete(task("Task_CheckDossier", hundredth), withVariables("receptionDecision", "ACCEPT"));
    assertThat(rows.get(dossierId(hundredth)).code()).as("the 100th dossier is received and gets its code").isNotNull();
  }
}
