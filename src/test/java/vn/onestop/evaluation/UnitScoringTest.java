package vn.onestop.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import vn.onestop.rules.RuleSets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.onestop.calendar.WorkingCalendar;

/**
 * The scoring of Circular 01/2018/TT-VPCP Arts. 13–15 on hand-made dossiers; every expected figure is
 * worked out here from the article cited.
 */
class UnitScoringTest {

  static final RuleSetSchemes SCHEMES = new RuleSetSchemes("classpath:evaluation/schemes.yaml",
      new RuleSets("classpath*:rules/*.yaml"));
  static final EvaluationScheme TT01 = SCHEMES.scheme("tt01-2018");
  static final Instant DUE = at("2025-03-14T17:00");

  static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(WorkingCalendar.ZONE).toInstant();
  }

  static EvaluatedDossier dossier(String code, Instant finished, boolean late, int supplements, String channel,
      String onlineLevel, boolean complaint, List<EvaluatedDossier.LegTime> legs) {
    return new EvaluatedDossier(code, "1.000001", "COMMUNE", "nhan-co", "nhan-co", channel, onlineLevel,
        LocalDate.of(2025, 3, 10), DUE, finished, late, supplements, legs, complaint, Set.of("clerk"), null);
  }

  static EvaluatedDossier.LegTime leg(String finished, String due, boolean late) {
    return new EvaluatedDossier.LegTime("nhan-co", at(due), at(finished), late);
  }

  @Test
  void art13_1_totalTimeShorterEqualLonger() {
    assertThat(DossierScoring.totalTime(dossier("a", at("2025-03-13T10:00"), false, 0, "DESK", null, false, List.of())))
        .hasValue(2);
    // Finished on the appointment day: equal to the legal time.
    assertThat(DossierScoring.totalTime(dossier("b", at("2025-03-14T09:00"), false, 0, "DESK", null, false, List.of())))
        .hasValue(1);
    assertThat(DossierScoring.totalTime(dossier("c", at("2025-03-14T17:00"), false, 0, "DESK", null, false, List.of())))
        .hasValue(1);
    // After the appointment, or late although a new appointment was met (Decree 61/2018 Art. 19.9).
    assertThat(DossierScoring.totalTime(dossier("d", at("2025-03-17T08:00"), false, 0, "DESK", null, false, List.of())))
        .hasValue(0);
    assertThat(DossierScoring.totalTime(dossier("e", at("2025-03-12T08:00"), true, 0, "DESK", null, false, List.of())))
        .hasValue(0);
    assertThat(DossierScoring.totalTime(dossier("f", null, false, 0, "DESK", null, false, List.of()))).isEmpty();
  }

  @Test
  void art13_2_theWorstAgencyCounts() {
    EvaluatedDossier early = dossier("a", at("2025-03-13T10:00"), false, 0, "DESK", null, false,
        List.of(leg("2025-03-11T10:00", "2025-03-12T17:00", false), leg("2025-03-12T10:00", "2025-03-13T17:00", false)));
    assertThat(DossierScoring.agencyTimes(early)).hasValue(2);
    EvaluatedDossier oneOnTime = dossier("b", at("2025-03-13T10:00"), false, 0, "DESK", null, false,
        List.of(leg("2025-03-11T10:00", "2025-03-12T17:00", false), leg("2025-03-13T10:00", "2025-03-13T17:00", false)));
    assertThat(DossierScoring.agencyTimes(oneOnTime)).hasValue(1);
    EvaluatedDossier oneLate = dossier("c", at("2025-03-13T10:00"), false, 0, "DESK", null, false,
        List.of(leg("2025-03-11T10:00", "2025-03-12T17:00", false), leg("2025-03-14T10:00", "2025-03-13T17:00", true)));
    assertThat(DossierScoring.agencyTimes(oneLate)).hasValue(0);
    assertThat(DossierScoring.agencyTimes(dossier("d", DUE, false, 0, "DESK", null, false, List.of()))).isEmpty();
  }

  @ParameterizedTest(name = "Art. 13.3: {0} supplement requests → {1} points")
  @CsvSource({"0,2", "1,1", "2,0", "5,0"})
  void art13_3_contactsWithTheReceptionPoint(int supplements, int points) {
    assertThat(DossierScoring.contactsToComplete(dossier("a", DUE, false, supplements, "DESK", null, false, List.of())))
        .isEqualTo(points);
  }

  @Test
  void art13_4_agenciesContacted() {
    assertThat(DossierScoring.agenciesContacted(dossier("a", DUE, false, 0, "ONLINE", "FULL_PROCESS", false, List.of())))
        .isEqualTo(2);
    assertThat(DossierScoring.agenciesContacted(dossier("b", DUE, false, 1, "ONLINE", "FULL_PROCESS", false, List.of())))
        .isEqualTo(1);
    assertThat(DossierScoring.agenciesContacted(dossier("c", DUE, false, 0, "DESK", null, false, List.of())))
        .isEqualTo(1);
    assertThat(DossierScoring.agenciesContacted(dossier("d", DUE, false, 0, "ONLINE", "PARTIAL", false, List.of())))
        .isEqualTo(1);
  }

  @Test
  void art13_7_aComplaintOrLatenessGivesNothing() {
    assertThat(DossierScoring.attitude(dossier("a", at("2025-03-12T10:00"), false, 0, "DESK", null, false, List.of())))
        .hasValue(2);
    assertThat(DossierScoring.attitude(dossier("b", at("2025-03-14T10:00"), false, 0, "DESK", null, false, List.of())))
        .hasValue(1);
    assertThat(DossierScoring.attitude(dossier("c", at("2025-03-12T10:00"), false, 0, "DESK", null, true, List.of())))
        .hasValue(0);
    assertThat(DossierScoring.attitude(dossier("d", at("2025-03-18T10:00"), true, 0, "DESK", null, false, List.of())))
        .hasValue(0);
  }

  /**
   * Four dossiers of one commune (Art. 15.2a: Σ points ÷ dossiers, one decimal):
   * <pre>
   *        ind.1  ind.2     ind.3  ind.4  ind.6  ind.7
   * A      2      2 (leg)   2      2      2      2      early, online full, no supplement
   * B      1      –         1      1      2      1      on the day, one supplement
   * C      0      0 (leg)   0      1      2      0      late, two supplements
   * D      2      –         2      1      2      0      early but a founded complaint
   * sum    5/4    2/2       5/4    5/4    8/4    3/4
   * score  1.3    1.0       1.3    1.3    2.0    0.8   (1.25 → 1.3 half up; 0.75 → 0.8)
   * </pre>
   * Unit indicators: 5 — 3 of 3 procedures handled at the commune (threshold 100 %) → 2;
   * 8 — 9 of 10 feedback on time, none prolonged (≥ 90 %) → 1; 9 — 1 of 5 procedures online (20 %) → 2.
   * Total 1.3 + 1.0 + 1.3 + 1.3 + 2 + 2.0 + 0.8 + 1 + 2 = 12.7 → "Tốt" (12 ≤ 12.7 < 15, Art. 15.3b).
   */
  @Test
  void art15_unitTotalAndGrade() {
    List<EvaluatedDossier> set = List.of(
        dossier("A", at("2025-03-12T10:00"), false, 0, "ONLINE", "FULL_PROCESS", false,
            List.of(leg("2025-03-11T10:00", "2025-03-13T17:00", false))),
        dossier("B", at("2025-03-14T10:00"), false, 1, "DESK", null, false, List.of()),
        dossier("C", at("2025-03-18T10:00"), true, 2, "DESK", null, false,
            List.of(leg("2025-03-18T10:00", "2025-03-13T17:00", true))),
        dossier("D", at("2025-03-12T10:00"), false, 0, "DESK", null, true, List.of()));
    UnitFacts unit = new UnitFacts("COMMUNE", 3, 3, true, 10, 9, 0, 5, 1);
    UnitScoring.UnitResult r = UnitScoring.unit(TT01, set, unit);
    assertThat(r.indicators()).extracting(IndicatorScore::no, IndicatorScore::score).containsExactly(
        org.assertj.core.groups.Tuple.tuple(1, new BigDecimal("1.3")),
        org.assertj.core.groups.Tuple.tuple(2, new BigDecimal("1.0")),
        org.assertj.core.groups.Tuple.tuple(3, new BigDecimal("1.3")),
        org.assertj.core.groups.Tuple.tuple(4, new BigDecimal("1.3")),
        org.assertj.core.groups.Tuple.tuple(5, new BigDecimal("2.0")),
        org.assertj.core.groups.Tuple.tuple(6, new BigDecimal("2.0")),
        org.assertj.core.groups.Tuple.tuple(7, new BigDecimal("0.8")),
        org.assertj.core.groups.Tuple.tuple(8, new BigDecimal("1.0")),
        org.assertj.core.groups.Tuple.tuple(9, new BigDecimal("2.0")));
    assertThat(r.total()).isEqualByComparingTo("12.7");
    assertThat(r.grade().code()).isEqualTo("TOT");
    assertThat(r.indicators().get(0).byPoints()).containsEntry(2, 2L).containsEntry(1, 1L).containsEntry(0, 1L);
  }

  /** Art. 15.4b: an indicator without data is left out of the total. */
  @Test
  void art15_4_indicatorsWithoutDataAreLeftOut() {
    UnitScoring.UnitResult r = UnitScoring.unit(TT01, List.of(), new UnitFacts("COMMUNE", 0, 0, false, 0, 0, 0, 0, 0));
    assertThat(r.indicators()).filteredOn(i -> i.score() != null).extracting(IndicatorScore::no).containsExactly(8);
    assertThat(r.total()).isEqualByComparingTo("2");
    assertThat(r.grade().code()).isEqualTo("YEU");
  }

  @ParameterizedTest(name = "Art. 15.3b: total {0} → {1}")
  @CsvSource({"18,XUAT_SAC", "15,XUAT_SAC", "14.9,TOT", "12,TOT", "11.9,KHA", "9,KHA", "8.9,TRUNG_BINH", "6,TRUNG_BINH",
      "5.9,YEU", "0,YEU"})
  void agencyGradeBands(String total, String grade) {
    assertThat(TT01.agencyGrade(new BigDecimal(total)).code()).isEqualTo(grade);
  }

  @ParameterizedTest(name = "Art. 15.3a: staff total {0} → {1}")
  @CsvSource({"10,HOAN_THANH_100", "5,HOAN_THANH_100", "4.9,HOAN_THANH_70", "3.5,HOAN_THANH_70", "3.4,DUOI_70", "0,DUOI_70"})
  void staffBands(String total, String band) {
    assertThat(TT01.staffBand(new BigDecimal(total)).code()).isEqualTo(band);
  }

  @ParameterizedTest(name = "Art. 13.8: {0} of {1} on time, {2} prolonged → {3}")
  @CsvSource({"0,0,0,2", "10,10,0,2", "9,10,0,1", "8,9,0,0", "10,10,1,0"})
  void art13_8_feedback(long onTime, long all, long prolonged, int points) {
    UnitScoring.UnitResult r = UnitScoring.unit(TT01, List.of(), new UnitFacts("COMMUNE", 0, 0, false, all, onTime, prolonged, 0, 0));
    assertThat(r.indicators().get(7).score()).isEqualByComparingTo(BigDecimal.valueOf(points));
  }

  @ParameterizedTest(name = "Art. 13.5: {0} {1}/{2} procedures at the desk → {3}")
  @CsvSource({"COMMUNE,3,3,2", "COMMUNE,2,3,1", "DISTRICT,1,2,2", "DISTRICT,1,3,1", "PROVINCE,1,5,2", "PROVINCE,1,6,1"})
  void art13_5_deskHandling(String level, long atDesk, long received, int points) {
    UnitScoring.UnitResult r = UnitScoring.unit(TT01, List.of(), new UnitFacts(level, received, atDesk, false, 0, 0, 0, 0, 0));
    assertThat(r.indicators().get(4).score()).isEqualByComparingTo(BigDecimal.valueOf(points));
  }

  @ParameterizedTest(name = "Art. 13.9: {0} of {1} procedures online → {2}")
  @CsvSource({"1,5,2", "1,6,1", "0,6,0"})
  void art13_9_online(long online, long offered, int points) {
    UnitScoring.UnitResult r = UnitScoring.unit(TT01, List.of(), new UnitFacts("COMMUNE", 0, 0, false, 0, 0, 0, offered, online));
    assertThat(r.indicators().get(8).score()).isEqualByComparingTo(BigDecimal.valueOf(points));
  }

  /** Art. 15.1a: staff are scored on indicators 1, 2, 3, 4 and 7 (max 10). */
  @Test
  void staffScore() {
    List<EvaluatedDossier> set = List.of(
        dossier("A", at("2025-03-12T10:00"), false, 0, "DESK", null, false, List.of()),
        dossier("B", at("2025-03-14T10:00"), false, 1, "DESK", null, false, List.of()));
    UnitScoring.StaffResult r = UnitScoring.staff(TT01, "clerk", set);
    // 1: (2+1)/2 = 1.5; 2: no legs; 3: (2+1)/2 = 1.5; 4: 1.0; 7: (2+1)/2 = 1.5 → 5.5
    assertThat(r.indicators()).extracting(IndicatorScore::no).containsExactly(1, 2, 3, 4, 7);
    assertThat(r.total()).isEqualByComparingTo("5.5");
    assertThat(r.band().code()).isEqualTo("HOAN_THANH_100");
  }

  @Test
  void theRuleSetOfTheReceptionDayChoosesTheScheme() {
    assertThat(SCHEMES.ruleSetOn(LocalDate.of(2025, 6, 30)).id()).isEqualTo("nd61-2018");
    assertThat(SCHEMES.ruleSetOn(LocalDate.of(2025, 7, 1)).id()).isEqualTo("nd118-2025");
    assertThat(SCHEMES.ruleSetOn(LocalDate.of(2025, 7, 1)).known()).isFalse();
    assertThat(SCHEMES.ruleSetOn(LocalDate.of(2025, 7, 1)).rule("evaluation").known()).as("118's scheme not found").isFalse();
    assertThat(SCHEMES.schemeOn(LocalDate.of(2025, 7, 1)).id()).isEqualTo("tt01-2018");
  }
}
