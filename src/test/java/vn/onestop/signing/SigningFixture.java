package vn.onestop.signing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;

/** Register rows and staff accounts for the signing tests (codes SIGT-…), removed again by {@link #cleanUp()}. */
final class SigningFixture {

  static final String RECEIVING = "dakrlap-mot-cua";
  static final String HANDLING = "dakrlap-tu-phap";

  private final JdbcTemplate jdbc;
  private final IdentityService identity;
  private final List<Long> dossiers = new ArrayList<>();
  private final List<String> users = new ArrayList<>();

  SigningFixture(JdbcTemplate jdbc, IdentityService identity) {
    this.jdbc = jdbc;
    this.identity = identity;
  }

  /** A received dossier of procedure DNO.CT.01 at the Đắk R'lấp one-stop department. */
  long dossier() {
    String code = "SIGT-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36).toUpperCase();
    Instant now = Instant.now();
    Long id = jdbc.queryForObject("""
        INSERT INTO onestop.dossier (code, procedure_code, procedure_version, procedure_name, field, level,
          receiving_agency_id, handling_agency_id, channel, applicant_name, applicant_id_number, applicant_phone,
          applicant_address, status, resolution_days, submitted_at, received_at, clock_started_at, original_due_at, due_at,
          refusal_reason)
        VALUES (?, 'DNO.CT.01', '2024.1', 'Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở',
          'Chứng thực', 'COMMUNE', ?, ?, 'DESK', 'Nguyễn Thị Hồng Nhung', ?, '0912345678', 'Thôn 3, xã Nhân Cơ', 'IN_PROGRESS', 2,
          ?, ?, ?, ?, ?, 'Giấy tờ xuất trình không phải bản chính')
        RETURNING id""", Long.class, code, RECEIVING, HANDLING,
        "0" + ThreadLocalRandom.current().nextLong(10_000_000_000L, 99_999_999_999L), ts(now.minusSeconds(600)), ts(now), ts(now),
        ts(now.plusSeconds(172_800)), ts(now.plusSeconds(172_800)));
    dossiers.add(id);
    return id;
  }

  String code(long dossierId) {
    return jdbc.queryForObject("SELECT code FROM onestop.dossier WHERE id = ?", String.class, dossierId);
  }

  /** A staff account with a Vietnamese name (no groups: signing needs only the identity). */
  String user(String familyNames, String givenName) {
    String id = "sigt-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 31), 36);
    User u = identity.newUser(id);
    u.setFirstName(givenName);
    u.setLastName(familyNames);
    u.setPassword("Sigt@2026!x");
    identity.saveUser(u);
    users.add(id);
    return id;
  }

  long supplementRequest(long dossierId) {
    return jdbc.queryForObject("INSERT INTO onestop.supplement_request (dossier_id, stage, agency_id, requested_at, requested_by,"
        + " missing) VALUES (?, 'RECEPTION', ?, now(), 'clerk', 'Thiếu bản sao giấy chứng nhận') RETURNING id", Long.class,
        dossierId, RECEIVING);
  }

  void apology(long dossierId) {
    jdbc.update("INSERT INTO onestop.apology (dossier_id, agency_id, reason, previous_due_at, new_due_at, issued_at, issued_by)"
        + " VALUES (?, ?, 'Phải xác minh thêm', now(), now() + interval '3 days', now(), 'head')", dossierId, HANDLING);
  }

  void cleanUp() {
    for (Long id : dossiers) {
      jdbc.update("DELETE FROM onestop.paper_job WHERE dossier_id = ?", id);
      jdbc.update("DELETE FROM onestop.signed_paper WHERE dossier_id = ?", id);
      jdbc.update("DELETE FROM onestop.applicant_document WHERE document_id IN (SELECT id FROM onestop.document WHERE dossier_id = ?)", id);
      jdbc.update("DELETE FROM onestop.document WHERE dossier_id = ?", id);
      jdbc.update("DELETE FROM onestop.dossier_event WHERE dossier_id = ?", id);
      jdbc.update("DELETE FROM onestop.supplement_request WHERE dossier_id = ?", id);
      jdbc.update("DELETE FROM onestop.apology WHERE dossier_id = ?", id);
      jdbc.update("DELETE FROM onestop.dossier WHERE id = ?", id);
    }
    for (String u : users) {
      jdbc.update("DELETE FROM onestop.signing_key WHERE holder = ?", u);
      identity.deleteUser(u);
    }
    dossiers.clear();
    users.clear();
  }

  static Timestamp ts(Instant i) {
    return Timestamp.from(i);
  }

  /** A small PNG standing for the scan of an original. */
  static byte[] png() throws Exception {
    BufferedImage image = new BufferedImage(300, 420, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 300, 420);
    g.setColor(Color.BLACK);
    g.drawString("HOP DONG", 100, 60);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
