package vn.onestop.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Which failures are a lost concurrent change, and how often a clerk's step is sent again (no server needed). */
class ConcurrentChangeRetryTest {

  final List<String> bodies = new ArrayList<>();
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final ConcurrentChangeRetry.Filter filter = new ConcurrentChangeRetry.Filter(meters.counter("resent"), meters.counter("gaveUp"));

  MockHttpServletRequest post(String path) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
    request.setContentType("application/json");
    request.setContent("{\"variables\":{\"approved\":{\"value\":true}}}".getBytes(StandardCharsets.UTF_8));
    return request;
  }

  /** A chain that loses {@code losses} times (as EngineRestProblems answers it), then completes the task. */
  FilterChain losing(int losses) {
    return (req, res) -> {
      bodies.add(new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      HttpServletResponse response = (HttpServletResponse) res;
      if (bodies.size() <= losses) {
        req.setAttribute(ConcurrentChange.MARK, Boolean.TRUE);
        response.setStatus(409);
        response.getWriter().write("{\"status\":409}");
      } else {
        response.setStatus(204);
      }
    };
  }

  @Test
  void aStepThatLostIsSentAgainWithItsBody() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(post("/engine-rest/task/t-1/complete"), response, losing(2));
    assertThat(response.getStatus()).isEqualTo(204);
    assertThat(response.getContentAsString()).as("nothing of the lost attempts").isEmpty();
    assertThat(bodies).hasSize(3).containsOnly("{\"variables\":{\"approved\":{\"value\":true}}}");
    assertThat(meters.counter("resent").count()).isEqualTo(2);
    assertThat(meters.counter("gaveUp").count()).isZero();
  }

  @Test
  void afterThreeLostAttemptsTheClerkGetsTheConflict() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(post("/engine-rest/task/t-1/submit-form"), response, losing(10));
    assertThat(bodies).hasSize(ConcurrentChangeRetry.ATTEMPTS);
    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(response.getContentAsString()).isEqualTo("{\"status\":409}");
    assertThat(meters.counter("gaveUp").count()).isEqualTo(1);
  }

  /** Tasklist's own root is answered by Camunda's exception mappers: a 500 with Camunda's code of the conflict. */
  FilterChain camundaLosing(int losses, int code) {
    return (req, res) -> {
      bodies.add(new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      HttpServletResponse response = (HttpServletResponse) res;
      if (bodies.size() <= losses) {
        response.setStatus(500);
        response.setContentType("application/json");
        response.getWriter().write("{\"type\":\"RestException\",\"message\":\"Cannot submit task form t-1: ENGINE-03005"
            + " Execution of 'UPDATE ExecutionEntity[p-1]' failed.\",\"code\":" + code + "}");
      } else {
        response.setStatus(204);
      }
    };
  }

  @Test
  void inTasklistsOwnRootCamundasCodeOfTheConflictIsSentAgainAndTheLastAnswerIsInVietnamese() throws Exception {
    String path = "/camunda/api/engine/engine/default/task/t-1/submit-form";
    MockHttpServletResponse once = new MockHttpServletResponse();
    filter.doFilter(post(path), once, camundaLosing(1, 1));
    assertThat(once.getStatus()).isEqualTo(204);
    assertThat(bodies).hasSize(2);

    bodies.clear();
    MockHttpServletResponse always = new MockHttpServletResponse();
    filter.doFilter(post(path), always, camundaLosing(10, 10_000));
    assertThat(bodies).hasSize(ConcurrentChangeRetry.ATTEMPTS);
    assertThat(always.getStatus()).isEqualTo(409);
    assertThat(always.getContentAsString(StandardCharsets.UTF_8)).contains(ConcurrentChange.DETAIL).doesNotContain("ENGINE-", "Exception");

    bodies.clear();
    MockHttpServletResponse fault = new MockHttpServletResponse();
    filter.doFilter(post(path), fault, camundaLosing(10, 0));
    assertThat(bodies).as("another fault is not sent again").hasSize(1);
    assertThat(fault.getStatus()).isEqualTo(500);
  }

  @Test
  void requestsThatAreNotOneStepAreSentOnce() throws Exception {
    for (String path : new String[] {"/engine-rest/task", "/engine-rest/process-instance/p-1/modification",
        "/engine-rest/task/t-1/variables"}) {
      bodies.clear();
      filter.doFilter(post(path), new MockHttpServletResponse(), losing(10));
      assertThat(bodies).as(path).hasSize(1);
    }
    bodies.clear();
    filter.doFilter(post("/engine-rest/process-definition/key/dossier/start"),
        new MockHttpServletResponse(), losing(1));
    assertThat(bodies).as("a new dossier").hasSize(2);
  }

  @Test
  void lostChangesAreTheEnginesOptimisticLockAndPostgresDeadlocksAndSerializationFailures() {
    assertThat(ConcurrentChange.in(new ProcessEngineException("Cannot complete task",
        new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE ExecutionEntity' failed")))).isTrue();
    assertThat(ConcurrentChange.in(new ProcessEngineException(new PessimisticLockingFailureException("deadlock")))).isTrue();
    assertThat(ConcurrentChange.in(new ProcessEngineException(new SQLException("deadlock detected", "40P01")))).isTrue();
    assertThat(ConcurrentChange.in(new SQLException("could not serialize access", "40001"))).isTrue();
    assertThat(ConcurrentChange.in(new SQLException("duplicate key", "23505"))).isFalse();
    assertThat(ConcurrentChange.in(new IllegalStateException("Dossier #1 is not in the register"))).isFalse();
    assertThat(ProblemMapper.map(new ProcessEngineException(new SQLException("deadlock detected", "40P01")), "/api/dossiers")
        .getStatus()).as("OneStop's own API").isEqualTo(HttpStatus.CONFLICT.value());
  }
}
