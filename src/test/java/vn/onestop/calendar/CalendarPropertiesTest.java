package vn.onestop.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class CalendarPropertiesTest {

  @Test
  void defaultsWithoutAnyConfiguration() {
    CalendarProperties p = new Binder(new MapConfigurationPropertySource(Map.of()))
        .bindOrCreate("onestop.calendar", CalendarProperties.class);
    assertThat(p.sessions()).hasSize(2);
    assertThat(p.workingDay()).isEqualTo(Duration.ofHours(8));
    assertThat(p.transferCutOff()).isEqualTo(LocalTime.of(15, 0));
    assertThat(p.transferNextDayBy()).isEqualTo(LocalTime.of(11, 30));
    assertThat(p.weeklyRestDays()).containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
  }

  @Test
  void bindsFromProperties() {
    CalendarProperties p = new Binder(new MapConfigurationPropertySource(Map.of(
        "onestop.calendar.sessions[0].start", "07:30",
        "onestop.calendar.sessions[0].end", "11:30",
        "onestop.calendar.sessions[1].start", "13:00",
        "onestop.calendar.sessions[1].end", "17:00",
        "onestop.calendar.transfer-cut-off", "15:30",
        "onestop.calendar.weekly-rest-days", "sunday",
        "onestop.calendar.max-working-days", "365")))
        .bindOrCreate("onestop.calendar", CalendarProperties.class);
    assertThat(p.sessions().get(0).start()).isEqualTo(LocalTime.of(7, 30));
    assertThat(p.transferCutOff()).isEqualTo(LocalTime.of(15, 30));
    assertThat(p.weeklyRestDays()).containsExactly(DayOfWeek.SUNDAY);
    assertThat(p.maxWorkingDays()).isEqualByComparingTo("365");
  }

  @Test
  void overlappingSessionsAreRefused() {
    assertThatThrownBy(() -> new CalendarProperties(List.of(
        new CalendarProperties.Session(LocalTime.of(7, 0), LocalTime.of(12, 0)),
        new CalendarProperties.Session(LocalTime.of(11, 0), LocalTime.of(17, 0))), null, null, null, null, null))
        .hasMessageContaining("overlap");
  }
}
