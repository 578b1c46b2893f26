package vn.onestop.dossier;

import vn.onestop.register.DossierRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.OneStopSpringTest;
import vn.onestop.catalog.Procedure;
import vn.onestop.catalog.ProcedureCatalog;
import vn.onestop.review.ReviewForms;
import vn.onestop.review.ReviewLaunch;

/**
 * One review from the yearly plan to a published catalogue version, and what it means for dossiers:
 * "Đăng ký nhận cha, mẹ, con" (DNO.HT.02, 3 working days, declaration + evidence) is simplified to 2
 * working days without the declaration, from Monday 4 May 2026. A dossier received in April keeps
 * version 2024.1; one received on 5 May, the day after the effective date, gets the new version.
 */
@OneStopSpringTest
class ReviewPublishesVersionTest extends DossierFlowTestSupport {

  static final String PARENTAGE = "DNO.HT.02";
  static final String COMMUNE = "nhan-co";

  @Autowired ReviewLaunch launch;
  @Autowired ProcedureCatalog catalog;
  @Autowired JdbcTemplate jdbc;

  @Test
  void fromPlanToAPublishedVersionThatLaterDossiersUse() {
    at("2026-04-01T09:00");
    List<ReviewLaunch.Started> started = launch.launch(new ReviewLaunch.PlanRequest(2026,
        "Kế hoạch rà soát, đánh giá TTHC năm 2026", LocalDate.parse("2026-04-24"), new BigDecimal("3"),
        List.of(new ReviewLaunch.Assignment(COMMUNE, List.of(PARENTAGE)))));
    assertThat(started).hasSize(1);
    ProcessInstance review = runtimeService.createProcessInstanceQuery()
        .processInstanceId(started.get(0).processInstanceId()).singleResult();
    assertThat(review).isWaitingAt("Task_ReviewProcedure");
    assertThat(task(review)).hasCandidateGroup(COMMUNE + "-specialists");
    assertThat(task(review).getDueDate().toInstant()).as("end of the plan's last day")
        .isEqualTo(local("2026-04-24T17:00"));

    at("2026-04-02T09:00");
    ProcessInstance before = submit(PARENTAGE, COMMUNE, "DESK");
    complete(task("Task_CheckDossier", before), withVariables("receptionDecision", "ACCEPT"));
    long beforeId = dossierId(before);
    assertThat(rowById(beforeId).procedureVersion()).isEqualTo("2024.1");

    at("2026-04-03T10:00");
    complete(task(review), ReviewForms.allYes(
        "review_forms_necessary", "NO", "review_forms_remark", "Tờ khai trùng thông tin đã có trong CSDL quốc gia về dân cư",
        "review_time_reasonable", "NO",
        "findings", "Bãi bỏ tờ khai, rút ngắn thời hạn còn 02 ngày làm việc",
        "simplify", true, "proposedDays", 2, "removedDocuments", "to-khai",
        "proposalSummary", "Khai thác dữ liệu dân cư thay tờ khai; thời hạn 02 ngày"));
    Map<String, Object> reviewed = reviewRow(review);
    assertThat((BigDecimal) reviewed.get("cost_after")).isLessThan((BigDecimal) reviewed.get("cost_before"));
    assertThat(reviewed.get("dossiers_per_year")).as("counted in the register: the April dossier").isEqualTo(1);

    complete(task(review), withVariables("approved", true, "competentLevel", "PROVINCE"));
    assertThat(review).isWaitingAt("Task_DecideProposal");
    assertThat(task(review)).hasCandidateGroup("dak-nong-heads");

    at("2026-04-06T10:00");
    complete(task(review), withVariables("proposalAccepted", "true", "effectiveFrom", "2026-05-04",
        "decisionNote", "Quyết định số 123/QĐ-UBND ngày 06/4/2026"));
    execute(job("Task_PublishVersion", review));
    assertThat(review).isEnded().hasPassed("End_VersionPublished");

    String version = (String) reviewRow(review).get("published_version");
    assertThat(version).isEqualTo("R2026." + reviewRow(review).get("id"));
    Procedure old = catalog.current(PARENTAGE, LocalDate.parse("2026-05-03")).orElseThrow();
    Procedure simplified = catalog.current(PARENTAGE, LocalDate.parse("2026-05-04")).orElseThrow();
    assertThat(old.version()).isEqualTo("2024.1");
    assertThat(old.effectiveTo()).isEqualTo(LocalDate.parse("2026-05-03"));
    assertThat(simplified.version()).isEqualTo(version);
    assertThat(simplified.resolutionDays()).isEqualByComparingTo("2");
    assertThat(simplified.documents()).extracting(d -> d.id()).containsExactly("chung-cu");
    assertThat(simplified.budgetedDays()).isLessThanOrEqualTo(simplified.resolutionDays());

    at("2026-05-05T09:00");
    ProcessInstance after = submit(PARENTAGE, COMMUNE, "DESK");
    complete(task("Task_CheckDossier", after), withVariables("receptionDecision", "ACCEPT"));
    long afterId = dossierId(after);

    DossierRow newer = rowById(afterId);
    assertThat(newer.procedureVersion()).isEqualTo(version);
    assertThat(newer.resolutionDays()).isEqualByComparingTo("2");
    assertThat(newer.dueAt()).as("2 working days from Tuesday 09:00").isEqualTo(local("2026-05-07T09:00"));
    assertThat(digitisation.missingComponents(afterId)).containsExactly("chung-cu");

    DossierRow older = rowById(beforeId);
    assertThat(older.procedureVersion()).isEqualTo("2024.1");
    assertThat(older.resolutionDays()).isEqualByComparingTo("3");
    assertThat(digitisation.missingComponents(beforeId)).containsExactly("to-khai", "chung-cu");
  }

  private Map<String, Object> reviewRow(ProcessInstance review) {
    return jdbc.queryForMap("select * from onestop.procedure_review where process_instance_id = ?", review.getId());
  }
}
