package vn.onestop.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Sends a clerk's step in Tasklist again when it lost to a concurrent change of the same dossier
 * ({@link ConcurrentChange}: a deadline's timer firing as the head approves, two heads approving parallel legs):
 * the engine rolled the step back whole, so the same request, sent again at once, is the step the clerk asked for,
 * now on the dossier as the other change left it. Up to {@link #ATTEMPTS} times, a few milliseconds apart; then the
 * clerk gets 409 with the conflict said in Vietnamese (in Tasklist's own REST root, in place of Camunda's 500 and its
 * engine text). Both roots a step reaches are covered: Tasklist's, and {@code /engine-rest} of portals and scripts.
 * Only the steps a clerk takes on a task or a new dossier (complete, submit a form, claim, hand over, start,
 * correlate a message), each one engine command — a request of several commands could have committed some of them,
 * and is never repeated here.
 *
 * <p>Written here because none fits: Camunda retries only its jobs (a user's command that hits optimistic locking is
 * the caller's to repeat, user guide "Optimistic Locking"), Spring Retry would repeat a method, and the engine's REST
 * resources are Camunda's; the request must be replayed whole, after the authentication that runs before it.
 */
@Configuration(proxyBeanMethods = false)
public class ConcurrentChangeRetry {

  /** Counter of the clerks' steps that lost to a concurrent change, tagged {@code then=resent|answered-409}. */
  static final String LOST = "onestop.concurrent.changes";

  /** Attempts in all, the first one included. */
  static final int ATTEMPTS = 3;
  /** Bodies replayed up to this size (a task form's variables); a larger one is sent once. */
  static final int MAX_BODY = 1 << 20;

  /**
   * The REST roots a clerk's steps reach: OneStop's {@code /engine-rest} (answered by {@link EngineRestProblems}) and
   * Tasklist's own, which the webapp answers with Camunda's exception mappers.
   */
  private static final Pattern STEP = Pattern.compile("(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/(?:"
      + "task/[^/]+/(?:complete|submit-form|resolve|claim|unclaim|assignee|delegate)"
      + "|process-definition/(?:key/[^/]+(?:/tenant-id/[^/]+)?|[^/]+)/(?:start|submit-form)"
      + "|message)");

  @Bean
  FilterRegistrationBean<Filter> concurrentChangeRetryFilter(MeterRegistry meters) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(
        Counter.builder(LOST).tag("then", "resent").description("Clerks' steps sent again after losing to a concurrent change").register(meters),
        Counter.builder(LOST).tag("then", "answered-409").description("Clerks' steps that lost every attempt").register(meters)));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(30); // after the staff's authentication of /engine-rest (10): a retry does not log in again
    return registration;
  }

  /** Camunda's codes of a lost concurrent change in its error answers: optimistic locking, deadlock (7.20+). */
  private static final Set<Integer> CAMUNDA_CODES = Set.of(1, 10_000);
  private static final ObjectMapper JSON = new ObjectMapper();

  static final class Filter extends OncePerRequestFilter {

    private final Counter resent;
    private final Counter gaveUp;

    Filter(Counter resent, Counter gaveUp) {
      this.resent = resent;
      this.gaveUp = gaveUp;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      long length = request.getContentLengthLong();
      return !"POST".equals(request.getMethod()) || length < 0 || length > MAX_BODY
          || !STEP.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      byte[] body = request.getInputStream().readNBytes(MAX_BODY);
      ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
      for (int attempt = 1; ; attempt++) {
        request.removeAttribute(ConcurrentChange.MARK);
        chain.doFilter(new ReplayedRequest(request, body), answer);
        boolean marked = request.getAttribute(ConcurrentChange.MARK) != null;  // by EngineRestProblems
        boolean camundas = !marked && lostInCamundasAnswer(answer);              // Tasklist's root
        if (!marked && !camundas) {
          break;
        }
        if (attempt == ATTEMPTS) {
          gaveUp.increment();
          if (camundas) {
            // Tasklist shows the answer's message: the same Vietnamese conflict as /engine-rest answers, not Camunda's text
            answer.resetBuffer();
            answer.setStatus(409);
            answer.setContentType("application/json;charset=UTF-8");
            answer.getOutputStream().write(JSON.writeValueAsBytes(EngineRestProblems.body(409, ConcurrentChange.DETAIL,
                null, request.getRequestURI(), null)));
          }
          break;
        }
        resent.increment();
        answer.resetBuffer();
        pause(attempt);
      }
      answer.copyBodyToResponse();
    }

    /** Tasklist's root: Camunda's 500 naming its code of optimistic locking or a deadlock. */
    private static boolean lostInCamundasAnswer(ContentCachingResponseWrapper answer) {
      if (answer.getStatus() < 500) {
        return false;
      }
      try {
        JsonNode error = JSON.readTree(new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8));
        return error != null && error.path("code").isInt() && CAMUNDA_CODES.contains(error.path("code").asInt());
      } catch (IOException notJson) {
        return false;
      }
    }

    /** A few milliseconds, growing and spread, so that two losers do not meet again at once. */
    private static void pause(int attempt) throws IOException {
      try {
        Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20) * attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted between attempts", e);
      }
    }
  }
}
