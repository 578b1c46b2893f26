package vn.onestop.review;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.onestop.OneStopSpringTest;

/** Every path of {@code procedure-review.bpmn}. */
@OneStopSpringTest
class ProcedureReviewProcessTest {

  @Autowired RuntimeService runtimeService;

  @Test
  void approvedAtFirstReading() {
    ProcessInstance review = runtimeService.startProcessInstanceByKey("procedure-review",
        withVariables("agencyId", "nhan-co", "procedureCode", "1.001193", "reviewReason", "Rà soát định kỳ 2026"));

    assertThat(review).isWaitingAt("Task_ReviewProcedure");
    assertThat(task()).hasCandidateGroup("nhan-co-specialists");
    complete(task(), withVariables("findings", "Có thể rút ngắn 1 ngày", "proposedDays", 2));

    assertThat(review).isWaitingAt("Task_ApproveReview");
    assertThat(task()).hasCandidateGroup("nhan-co-heads");
    complete(task(), withVariables("approved", true));

    assertThat(review).isEnded().hasPassed("End_ReviewApproved");
  }

  @Test
  void sentBackThenApproved() {
    ProcessInstance review = runtimeService.startProcessInstanceByKey("procedure-review",
        withVariables("agencyId", "nhan-co", "procedureCode", "1.001193", "reviewReason", "Phản ánh của người dân"));
    complete(task(review), withVariables("findings", "Chưa đủ"));
    complete(task(review), withVariables("approved", false, "remarks", "Bổ sung số liệu"));

    assertThat(review).isWaitingAt("Task_ReviewProcedure");
    complete(task(review), withVariables("findings", "Đã bổ sung"));
    complete(task(review), withVariables("approved", true));

    assertThat(review).isEnded();
  }
}
