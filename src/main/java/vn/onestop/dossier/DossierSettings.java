package vn.onestop.dossier;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Time limits of the one-stop department that no decree fixes, so each province sets them
 * (all in working days).
 *
 * @param receptionCheckDays     how long the clerk may take to check a submitted dossier
 * @param supplementWaitDays     how long an incomplete dossier waits for the applicant before it ends
 *                               as not accepted (at reception) or stopped (during handling) [no legal rule]
 * @param explanationDays        time to write the explanation (báo cáo giải trình) of a late dossier
 * @param uncollectedReminderDays after the appointment, when the applicant is reminded of an
 *                               uncollected result [no legal rule; DOMAIN.md §2.9]
 * Limits a decree fixes are rules of the dossier's rule set ({@code rules/<id>.yaml}), not settings.
 */
@ConfigurationProperties(prefix = "onestop.dossier")
public record DossierSettings(BigDecimal receptionCheckDays, BigDecimal supplementWaitDays, BigDecimal explanationDays,
    BigDecimal uncollectedReminderDays) {

  public DossierSettings {
    receptionCheckDays = orDefault(receptionCheckDays, "0.5");
    supplementWaitDays = orDefault(supplementWaitDays, "20");
    explanationDays = orDefault(explanationDays, "2");
    uncollectedReminderDays = orDefault(uncollectedReminderDays, "5");
  }

  private static BigDecimal orDefault(BigDecimal value, String fallback) {
    return value == null ? new BigDecimal(fallback) : value;
  }
}
