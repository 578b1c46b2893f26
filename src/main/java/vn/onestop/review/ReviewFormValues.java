package vn.onestop.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import vn.onestop.calendar.WorkingCalendar;
import vn.onestop.process.FormValues;

/**
 * How the review forms' values are read (answers YES/NO per element and criterion, decimals, dates,
 * document lists) and how figures are written back in Vietnamese style; each bad value fails the step with
 * a {@link ReviewInputException} naming the field.
 */
final class ReviewFormValues {

  private ReviewFormValues() {}


  static Simplification proposal(VariableScope scope) {
    BigDecimal days = decimal(scope, "proposedDays");
    BigDecimal fee = decimal(scope, "proposedFee");
    return new Simplification(days, ids(scope.getVariable("removedDocuments")), ids(scope.getVariable("optionalDocuments")),
        fee, FormValues.text(scope, "proposalSummary", null));
  }


  static Set<String> ids(Object value) {
    if (value == null) {
      return Set.of();
    }
    if (value instanceof java.util.Collection<?> c) {
      return c.stream().map(Object::toString).map(String::strip).filter(s -> !s.isEmpty())
          .collect(Collectors.toCollection(LinkedHashSet::new));
    }
    return Arrays.stream(value.toString().replaceAll("[\\[\\]\"]", "").split(",")).map(String::strip)
        .filter(s -> !s.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
  }


  static BigDecimal decimal(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    if (v == null || v.toString().isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(v.toString().strip());
    } catch (NumberFormatException e) {
      throw new ReviewInputException(name, "'" + v + "' không phải là số (" + name + ")");
    }
  }


  static String answer(VariableScope scope, ReviewElement e, ReviewElement.Criterion c) {
    String name = e.variable(c);
    Object v = scope.getVariable(name);
    if (v instanceof Boolean b) {
      return b ? "YES" : "NO";
    }
    String text = v == null ? "" : v.toString().strip().toUpperCase(Locale.ROOT);
    if (!text.equals("YES") && !text.equals("NO")) {
      throw new ReviewInputException(name, e.label() + " — " + c.label() + " (" + name + ") chưa được đánh giá (YES/NO)");
    }
    return text;
  }


  static LocalDate date(Object v) {
    if (v == null || v.toString().isBlank()) {
      return null;
    }
    if (v instanceof java.util.Date d) {
      return d.toInstant().atZone(WorkingCalendar.ZONE).toLocalDate();
    }
    try {
      return LocalDate.parse(v.toString().strip().substring(0, Math.min(10, v.toString().strip().length())));
    } catch (RuntimeException e) {
      throw new ReviewInputException("effectiveFrom", "'" + v + "' không phải là ngày (yyyy-MM-dd)");
    }
  }


  /** A form's yes/no: a checkbox gives a Boolean, a radio the text "true" / "false". */
  static boolean bool(Object v) {
    return v instanceof Boolean b ? b : v != null && "true".equalsIgnoreCase(v.toString().strip());
  }


  static long reviewId(VariableScope scope) {
    return ((Number) scope.getVariable("reviewId")).longValue();
  }


  static String required(VariableScope scope, String name, String label) {
    return FormValues.required(scope, name, label, ReviewInputException::new);
  }


  static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }


  static String vnd(BigDecimal amount) {
    return String.format(Locale.ROOT, "%,d", amount.longValue()).replace(',', '.');
  }
}
