package vn.onestop.security;

import java.util.regex.Pattern;

/**
 * Masks an applicant's personal data (dữ liệu cá nhân, Decree 13/2023) before it reaches a log: a name keeps its
 * initials, an e-mail its first letter and domain, a phone number or ID number its last three digits (issue 24,
 * finding 6). Free text has e-mail addresses and runs of nine or more digits masked, and a name known to be in it
 * replaced.
 */
public final class PersonalData {

  private static final Pattern EMAIL = Pattern.compile("([\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]*@([\\p{L}\\p{N}.-]+)");
  private static final Pattern LONG_NUMBER = Pattern.compile("\\+?\\d[\\d ]{7,}\\d");

  private PersonalData() {}

  /** "Nguyễn Thị Lan" → "N. T. L." */
  public static String name(String name) {
    if (name == null || name.isBlank()) {
      return "";
    }
    StringBuilder initials = new StringBuilder();
    for (String part : name.trim().split("\\s+")) {
      initials.append(part.codePoints().limit(1).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append))
          .append(". ");
    }
    return initials.toString().trim();
  }

  /** "nhung@example.vn" → "n***@example.vn" */
  public static String email(String email) {
    return email == null ? "" : EMAIL.matcher(email).replaceAll("$1***@$2");
  }

  /** "0912345678" → "*******678" */
  public static String phone(String phone) {
    if (phone == null || phone.length() <= 3) {
      return "***";
    }
    return "*".repeat(phone.length() - 3) + phone.substring(phone.length() - 3);
  }

  /** Free text with e-mails, long numbers and the given names masked. */
  public static String text(String text, String... names) {
    if (text == null) {
      return "";
    }
    String masked = text;
    for (String n : names) {
      if (n != null && !n.isBlank()) {
        masked = masked.replace(n, name(n));
      }
    }
    masked = EMAIL.matcher(masked).replaceAll("$1***@$2");
    return LONG_NUMBER.matcher(masked).replaceAll(m -> {
      String digits = m.group();
      return "*".repeat(Math.max(0, digits.length() - 3)) + digits.substring(Math.max(0, digits.length() - 3));
    });
  }
}
