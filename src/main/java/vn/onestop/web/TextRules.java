package vn.onestop.web;

import java.text.Normalizer;

/**
 * The rules every text a caller sends must meet before anything is written (issue 16, docs/errors.md
 * "Limits"): not longer than its documented maximum (which fits every column it lands in, Camunda's
 * {@code varchar(4000)} included), no NUL or other control character (PostgreSQL refuses 0x00), and a
 * required text must hold more than Unicode blanks (non-breaking, ideographic, zero-width spaces).
 * Written here because Bean Validation's {@code @NotBlank} counts U+00A0 and U+200B as text.
 */
public final class TextRules {

  /** Longest process-variable text Camunda stores ({@code ACT_*.TEXT_ varchar(4000)}). */
  public static final int ENGINE_TEXT = 4000;
  /** Longest file name kept, in characters; longer ones are shortened, keeping the extension. */
  public static final int FILE_NAME = 200;

  /** An e-mail address as the APIs accept it. */
  public static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  /** A phone number: digits, spaces, dots, dashes, an optional leading +; 8-20 characters. */
  public static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("^\\+?[0-9 .-]{8,20}$");

  private TextRules() {}

  /** True when {@code s} is null, empty or made only of Unicode blanks and invisible format characters. */
  public static boolean blank(String s) {
    if (s == null) {
      return true;
    }
    return s.codePoints().allMatch(TextRules::invisible);
  }

  private static boolean invisible(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT
        || c == 0x2800 /* braille blank */ || c == 0x3164 || c == 0xFFA0 /* hangul fillers */;
  }

  /** Trims Unicode blanks at both ends; {@code null} stays {@code null}. */
  public static String strip(String s) {
    if (s == null) {
      return null;
    }
    int start = 0;
    int end = s.length();
    while (start < end && invisible(s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && invisible(s.codePointBefore(end))) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  /**
   * Checks an optional one-line text and returns it stripped, or {@code null} when blank.
   *
   * @throws ApiException 400 naming {@code field} when it is too long or holds a control character
   */
  public static String optional(String value, String field, int max) {
    return check(value, field, max, false);
  }

  /** Like {@link #optional} for a text that may span lines (tab and line breaks allowed). */
  public static String optionalMultiline(String value, String field, int max) {
    return check(value, field, max, true);
  }

  /** Checks a required one-line text; blank (Unicode blanks included) is refused with 400. */
  public static String required(String value, String field, String what, int max) {
    String v = check(value, field, max, false);
    if (v == null) {
      throw missing(field, what);
    }
    return v;
  }

  /**
   * The 400 of a required field left out or blank; the same words as the engine's listeners use
   * ({@code FormValues.required}): "{what} ({field}) chưa được nhập".
   */
  public static ApiException missing(String field, String what) {
    return ApiException.badRequest(field, what + " (" + field + ") chưa được nhập");
  }

  /** Checks a required text that may span lines. */
  public static String requiredMultiline(String value, String field, String what, int max) {
    String v = check(value, field, max, true);
    if (v == null) {
      throw missing(field, what);
    }
    return v;
  }

  private static String check(String value, String field, int max, boolean multiline) {
    if (value == null) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == 0) {
        throw ApiException.badRequest(field, "Trường '" + field + "' chứa ký tự NUL (0x00), không được chấp nhận");
      }
      if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
        throw ApiException.badRequest(field, "Trường '" + field + "' chứa ký tự điều khiển (U+"
            + String.format("%04X", (int) c) + "), không được chấp nhận");
      }
    }
    String v = strip(value);
    if (v.isEmpty() || blank(v)) {
      return null;
    }
    if (v.codePointCount(0, v.length()) > max) {
      throw ApiException.badRequest(field, "Trường '" + field + "' dài quá " + max + " ký tự (hiện có "
          + v.codePointCount(0, v.length()) + ")");
    }
    return v;
  }

  /**
   * A file name as stored and sent back in {@code Content-Disposition}: Unicode NFC, no path, no control
   * or path characters, at most {@link #FILE_NAME} characters (the extension kept), never empty.
   */
  public static String fileName(String given, String fallback) {
    String name = given == null ? "" : Normalizer.normalize(given, Normalizer.Form.NFC);
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1);
    StringBuilder clean = new StringBuilder();
    name.codePoints().forEach(c -> {
      if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || "\"<>:|?*".indexOf(c) >= 0) {
        clean.append('_');
      } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        clean.append(' ');
      } else {
        clean.appendCodePoint(c);
      }
    });
    name = clean.toString().replaceAll(" {2,}", " ").strip();
    while (name.startsWith(".")) {
      name = name.substring(1);
    }
    if (name.isBlank()) {
      name = fallback == null || fallback.isBlank() ? "tep" : fallback;
    }
    if (name.codePointCount(0, name.length()) > FILE_NAME) {
      int dot = name.lastIndexOf('.');
      String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
      String stem = ext.isEmpty() ? name : name.substring(0, dot);
      int keep = FILE_NAME - ext.length();
      stem = stem.substring(0, stem.offsetByCodePoints(0, Math.min(keep, stem.codePointCount(0, stem.length()))));
      name = stem.strip() + ext;
    }
    return name;
  }

  /** At most {@code max} characters of {@code s}, for messages and logs. */
  public static String excerpt(String s, int max) {
    if (s == null) {
      return null;
    }
    String oneLine = s.replaceAll("[\\p{Cntrl}]", " ");
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "…";
  }
}
