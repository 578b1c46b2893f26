package vn.onestop.calendar;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import vn.onestop.web.ApiErrorHandler;

@WebMvcTest(CalendarController.class)
@Import({WorkingCalendar.class, OfficialDecisions.class, ApiErrorHandler.class})
@EnableConfigurationProperties(CalendarProperties.class)
class CalendarControllerTest {

  @Autowired
  MockMvc mvc;

  @Test
  void dayOfTet2026() throws Exception {
    mvc.perform(get("/api/calendar/days/2026-02-17"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.date").value("2026-02-17"))
        .andExpect(jsonPath("$.working").value(false))
        .andExpect(jsonPath("$.reason").value("Tết Nguyên đán (Lunar New Year)"));
  }

  @Test
  void swappedSaturdayIsAWorkingDay() throws Exception {
    mvc.perform(get("/api/calendar/days/2025-04-26"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.working").value(true));
  }

  @Test
  void dueDateAcrossTet2026() throws Exception {
    // Friday 13/2/2026 09:00 + 3 days: 23/2, 24/2, 25/2 09:00
    mvc.perform(get("/api/calendar/due").param("from", "2026-02-13T09:00:00+07:00").param("workingDays", "3"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.from").value("2026-02-13T09:00:00+07:00"))
        .andExpect(jsonPath("$.workingDays").value(3))
        .andExpect(jsonPath("$.dueAt").value("2026-02-25T09:00:00+07:00"));
  }

  @Test
  void dueFromUtcAndHalfDay() throws Exception {
    mvc.perform(get("/api/calendar/due").param("from", "2025-03-10T10:01:00Z").param("workingDays", "0.5"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.workingDays").value(0.5))
        .andExpect(jsonPath("$.dueAt").value("2025-03-11T11:00:00+07:00")); // 17:01 local: starts 07:00 next day
  }

  @Test
  void unencodedPlusIsAccepted() throws Exception {
    mvc.perform(get("/api/calendar/due?from=2025-03-10T09:00:00+07:00&workingDays=1"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.dueAt").value("2025-03-11T09:00:00+07:00"));
  }

  @Test
  void badParametersAre400WithAJsonMessage() throws Exception {
    mvc.perform(get("/api/calendar/days/2026-02-30"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("date"))
        .andExpect(jsonPath("$.message").exists());
    mvc.perform(get("/api/calendar/days/9999-01-01"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("date"));
    mvc.perform(get("/api/calendar/due").param("from", "2026-02-13T09:00:00").param("workingDays", "1"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("from"));
    for (String bad : new String[] {"-1", "abc", "3651", "1e9", "0.00001", "NaN"}) {
      mvc.perform(get("/api/calendar/due").param("from", "2026-02-13T09:00:00+07:00").param("workingDays", bad))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.field").value("workingDays"));
    }
    mvc.perform(get("/api/calendar/due").param("from", "2026-02-13T09:00:00+07:00"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("workingDays"));
  }
}
