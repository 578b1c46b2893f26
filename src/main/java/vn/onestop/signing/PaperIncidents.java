package vn.onestop.signing;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns a paper that could not be signed after every retry into an incident (sự cố) on its dossier's
 * process instance, through the engine's public API ({@link RuntimeService#createIncident}), so a
 * supervisor sees it in Cockpit beside the dossier with a Vietnamese message saying what to do; resolves
 * it ({@link RuntimeService#resolveIncident}) when a retry signs the paper. A dossier without a running
 * process instance (entered outside the flow, or finished) gets no incident: the paper stays on the list
 * of failed papers ({@code GET /api/staff/papers/failed}).
 */
@Component
public class PaperIncidents {

  /** The incident type Cockpit shows. */
  public static final String TYPE = "paperSigning";

  private static final Logger log = LoggerFactory.getLogger(PaperIncidents.class);

  private final RuntimeService runtime;
  private final JdbcTemplate jdbc;

  public PaperIncidents(RuntimeService runtime, JdbcTemplate jdbc) {
    this.runtime = runtime;
    this.jdbc = jdbc;
  }

  /**
   * Opens the incident of paper job {@code jobId}; returns its id, or {@code null} when the dossier has
   * no running process instance. Call inside a transaction.
   */
  public String open(long jobId, long dossierId, Paper paper, int attempts, RuntimeException cause) {
    List<Map<String, Object>> rows = jdbc.queryForList(
        "SELECT code, process_instance_id FROM onestop.dossier WHERE id = ?", dossierId);
    String processInstanceId = rows.isEmpty() ? null : (String) rows.get(0).get("process_instance_id");
    if (processInstanceId == null
        || runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult() == null) {
      log.warn("Paper job {}: dossier {} has no running process instance, no incident (listed as failed)", jobId, dossierId);
      return null;
    }
    Incident incident = runtime.createIncident(TYPE, processInstanceId, "paper_job:" + jobId,
        message(paper, (String) rows.get(0).get("code"), attempts, cause));
    return incident.getId();
  }

  /** Resolves the incident once the paper is signed; an incident already gone (instance ended) is ignored. */
  public void resolve(String incidentId) {
    if (runtime.createIncidentQuery().incidentId(incidentId).singleResult() != null) {
      runtime.resolveIncident(incidentId);
    }
  }

  /** What the supervisor reads in Cockpit: which paper, which dossier, why, and what to do. */
  static String message(Paper paper, String dossierCode, int attempts, RuntimeException cause) {
    String why;
    if (cause instanceof SigningRefusedException) {
      why = cause.getMessage();
    } else if (cause instanceof SigningUnavailableException) {
      why = "không dùng được khóa ký số (thiếu USB token, chưa có mã PIN hoặc dịch vụ ký số từ xa không trả lời)";
    } else {
      why = "lỗi khi tạo hoặc lưu giấy tờ";
    }
    return "Chưa ký số được giấy tờ «" + paper.title() + "» của hồ sơ " + dossierCode
        + " sau " + attempts + " lần thử: " + why + ". Cắm lại khóa ký hoặc gia hạn chứng thư số của người ký, rồi cho thử"
        + " lại trong danh sách giấy tờ lỗi; sự cố tự đóng khi giấy tờ được ký.";
  }
}
