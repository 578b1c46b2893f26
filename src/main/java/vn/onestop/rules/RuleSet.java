package vn.onestop.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One rule set (bộ quy tắc theo nghị định): the rules of the one-stop mechanism that a decree sets,
 * valid from one day to another, read from {@code rules/<id>.yaml}. A dossier records the rule set in
 * force on the day it came to the one-stop department and is handled by it to the end; the typed
 * accessors below are what the steps of the models read.
 *
 * @param validTo {@code null} while in force
 * @param known   every rule's text was read; {@code false} when some keep an earlier decree's value
 */
public record RuleSet(String id, String name, String shortName, LocalDate validFrom, LocalDate validTo, boolean known,
    List<Rule> rules, Forms forms) {

  /** Ids of the rules every rule set must state, with the values the code reads. */
  static final Map<String, List<String>> REQUIRED = Map.ofEntries(
      Map.entry("transfer", List.of("cutOff")),
      Map.entry("supplementNotice", List.of("workingDays")),
      Map.entry("supplementClock", List.of("default")),
      Map.entry("refusal", List.of("withinResolutionTime")),
      Map.entry("apology", List.of("leadWorkingDays", "maxNewAppointments", "requestsExtension")),
      Map.entry("stopNotice", List.of("written")),
      Map.entry("earlyReturnNotice", List.of("required")),
      Map.entry("resultReturn", List.of("anyOneStopInProvince")),
      Map.entry("receptionAcrossBoundary", List.of("allowed")),
      Map.entry("competentAgencyInGuidance", List.of("required")),
      Map.entry("digitisation", List.of("atReception")),
      Map.entry("dossierCode", List.of("pattern")),
      Map.entry("evaluation", List.of("scheme")));

  /**
   * One rule: its legal source (căn cứ) and values.
   *
   * @param known {@code false}: the new decree's text was not found; the value and source are the earlier one's
   */
  public record Rule(String id, String name, String source, boolean known, String note, Map<String, String> values) {

    public String value(String key) {
      String v = values.get(key);
      if (v == null) {
        throw new IllegalStateException("Rule " + id + " has no value '" + key + "'");
      }
      return v;
    }
  }

  /** One printed form: its number and title in the circular of this rule set. */
  public record Form(SlipForm slip, String number, String title) {

    /** "Mẫu số 04" and so on. */
    public String label() {
      return "Mẫu số " + number;
    }
  }

  /** The forms of the circular that guides this rule set ({@code circular}, e.g. Thông tư 03/2025/TT-VPCP). */
  public record Forms(String circular, String source, String note, List<Form> forms) {

    public Optional<Form> find(SlipForm slip) {
      return forms.stream().filter(f -> f.slip() == slip).findFirst();
    }
  }

  public RuleSet {
    rules = List.copyOf(rules);
  }

  boolean inForceOn(LocalDate day) {
    return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
  }

  public Rule rule(String ruleId) {
    return rules.stream().filter(r -> r.id().equals(ruleId)).findFirst()
        .orElseThrow(() -> new IllegalStateException("Rule set " + id + " has no rule '" + ruleId + "'"));
  }

  /** A yes/no rule value, e.g. {@code flag("receptionAcrossBoundary", "allowed")}. */
  public boolean flag(String ruleId, String key) {
    return Boolean.parseBoolean(rule(ruleId).value(key));
  }

  /** The form that prints {@code slip}; a rule set without it (form 05 before Circular 03/2025) fails. */
  public Form form(SlipForm slip) {
    return forms.find(slip).orElseThrow(() -> new IllegalStateException(
        "Rule set " + id + " (" + forms.circular() + ") has no form for " + slip));
  }

  /** Paper dossiers received after this time reach the handling agency at the start of the next working day. */
  public LocalTime transferCutOff() {
    return LocalTime.parse(rule("transfer").value("cutOff"));
  }

  /** Working days after reception within which a supplement request during handling must reach the applicant. */
  public BigDecimal supplementNoticeDays() {
    return new BigDecimal(rule("supplementNotice").value("workingDays"));
  }

  /** RESTART or PAUSE, for procedure versions that do not say. */
  public String supplementClockDefault() {
    return rule("supplementClock").value("default");
  }

  /** Working days before the appointment by which the apology is due. */
  public BigDecimal apologyLeadDays() {
    return new BigDecimal(rule("apology").value("leadWorkingDays"));
  }

  /** How many new appointments an apology may give. */
  public int maxNewAppointments() {
    return Integer.parseInt(rule("apology").value("maxNewAppointments"));
  }

  /** The apology also asks to extend the handling time (Circular 03/2025 form 04). */
  public boolean apologyRequestsExtension() {
    return flag("apology", "requestsExtension");
  }

  /** A written notice (a form) tells the applicant that the handling stopped. */
  public boolean stopNoticeWritten() {
    return flag("stopNotice", "written");
  }

  /** An early result is announced to the applicant in advance. */
  public boolean earlyReturnNoticeRequired() {
    return flag("earlyReturnNotice", "required");
  }

  /** The evaluation scheme ({@code evaluation/schemes.yaml}) that scores the dossiers of this rule set. */
  public String evaluationScheme() {
    return rule("evaluation").value("scheme");
  }

  /** The legal source of a rule, for notes and slips. */
  public String source(String ruleId) {
    return rule(ruleId).source();
  }
}
