package vn.onestop.dossier;

import vn.onestop.register.DossierRow;
import vn.onestop.process.EngineTime;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.onestop.calendar.WorkingCalendar;
import vn.onestop.notify.Notification;
import vn.onestop.notify.AfterCommit;

/**
 * The notices a dossier's life sends (thông báo cho tổ chức, cá nhân và cán bộ): receipt, supplement
 * request, refusal, apology, early result, result ready, late transfer. They leave only after the
 * engine's transaction commits, so a rolled-back step never tells anybody anything, and a failing
 * channel never rolls a clerk's work back.
 */
@Component
public class DossierNotices {

  static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy").withZone(EngineTime.ZONE);

  private final AfterCommit afterCommit;

  public DossierNotices(AfterCommit afterCommit) {
    this.afterCommit = afterCommit;
  }

  public static String format(Instant instant) {
    return instant == null ? "" : VN.format(instant);
  }

  /** To the applicant of a dossier (by e-mail and phone as far as known). */
  public void toApplicant(DossierRow d, String kind, String subject, String body, Map<String, String> facts) {
    Notification.Recipient recipient = new Notification.Recipient(d.applicantName(), d.applicantEmail(), d.applicantPhone(), null);
    send(new Notification(kind, d.code(), recipient, Notification.Audience.APPLICANT, subject, body, withCode(d, facts)));
  }

  /** To a staff group (e.g. the head of a one-stop department). */
  public void toStaff(DossierRow d, String group, String kind, String subject, String body, Map<String, String> facts) {
    Notification.Recipient recipient = new Notification.Recipient(null, null, null, group);
    send(new Notification(kind, d.code(), recipient, Notification.Audience.STAFF, subject, body, withCode(d, facts)));
  }

  private static Map<String, String> withCode(DossierRow d, Map<String, String> facts) {
    Map<String, String> all = new LinkedHashMap<>(facts);
    all.put("dossierCode", d.code() == null ? "" : d.code());
    all.put("procedureName", d.procedureName());
    return all;
  }

  private void send(Notification notification) {
    afterCommit.send(notification);
  }
}
