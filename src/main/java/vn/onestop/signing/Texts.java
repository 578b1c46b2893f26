package vn.onestop.signing;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Dates as papers print them: dd/MM/yyyy HH:mm in Vietnam time. */
final class Texts {

  static final ZoneId ZONE = vn.onestop.process.EngineTime.ZONE;
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZONE);

  private Texts() {}

  static String dateTime(Instant at) {
    return at == null ? "" : DATE_TIME.format(at);
  }
}
