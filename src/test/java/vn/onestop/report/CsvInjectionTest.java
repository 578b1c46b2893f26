package vn.onestop.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 24, finding 6: a cell a spreadsheet would run as a formula is written as text. */
class CsvInjectionTest {

  @Test
  void formulaCellsAreNeutralised() {
    for (String formula : new String[] {"=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"}) {
      assertThat(ReportExport.neutralised(formula)).as(formula).startsWith("'");
    }
    assertThat(ReportExport.neutralised("Nguyễn Văn A")).isEqualTo("Nguyễn Văn A");
    assertThat(ReportExport.neutralised("")).isEmpty();
  }
}
