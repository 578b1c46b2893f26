package vn.onestop.dossier;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dossier code (mã số hồ sơ), Circular 01/2018/TT-VPCP Art. 19: the receiving agency's identifier
 * code, the receipt date as {@code YYMMDD} and a 4-digit sequence of that agency's day, e.g.
 * {@code 000.00.06.H56-231027-0361}. The applicant looks the dossier up by it.
 */
public record DossierCode(String agencyCode, LocalDate receiptDate, int sequence) {

  public static final int MAX_SEQUENCE = 9999;
  private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
  private static final Pattern FORMAT = Pattern.compile("^(.+)-(\\d{6})-(\\d{4})$");

  public DossierCode {
    if (agencyCode == null || agencyCode.isBlank() || agencyCode.contains("-")) {
      throw new IllegalArgumentException("Agency code '" + agencyCode + "' cannot start a dossier code");
    }
    if (sequence < 1 || sequence > MAX_SEQUENCE) {
      throw new IllegalArgumentException("Dossier sequence " + sequence + " is outside 1.." + MAX_SEQUENCE);
    }
  }

  /** Reads a code such as {@code 000.00.06.H56-231027-0361}. */
  public static DossierCode parse(String code) {
    Matcher m = FORMAT.matcher(code == null ? "" : code.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + code + "' is not a dossier code (<agency code>-YYMMDD-XXXX)");
    }
    LocalDate date = LocalDate.parse("20" + m.group(2), DateTimeFormatter.BASIC_ISO_DATE);
    return new DossierCode(m.group(1), date, Integer.parseInt(m.group(3)));
  }

  @Override
  public String toString() {
    return agencyCode + "-" + YYMMDD.format(receiptDate) + "-" + String.format("%04d", sequence);
  }
}
