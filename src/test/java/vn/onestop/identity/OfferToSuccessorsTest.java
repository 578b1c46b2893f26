package vn.onestop.identity;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.onestop.calendar.WorkingCalendar;
import vn.onestop.catalog.CatalogFiles;
import vn.onestop.catalog.Organisation;
import vn.onestop.process.EngineTime;
import vn.onestop.security.AgencyScope;

/**
 * A task created in a dossier of an agency that has stopped (the reformed organisation of the test
 * data: Đắk R'lấp and the old Nhân Cơ stop on 30/6/2025) is offered to the successor's group too.
 */
class OfferToSuccessorsTest {

  final Organisation reformed = new Organisation(CatalogFiles.load("catalog-reform/"));
  final DossierAccess access = new DossierAccess(reformed, new EngineTime(), new AgencyScope(reformed, null, new EngineTime()));

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void afterTheReformTheSuccessorsGroupIsACandidateToo() {
    at("2025-07-01T08:00");
    DelegateTask task = taskFor("dakrlap-specialists", "nhan-co-clerks");
    access.offerToSuccessors(task);
    verify(task).addCandidateGroup("nhan-co-2025-specialists");
    verify(task).addCandidateGroup("nhan-co-2025-clerks");
  }

  @Test
  void beforeTheReformNothingChanges() {
    at("2025-06-30T16:00");
    DelegateTask task = taskFor("dakrlap-specialists", "nhan-co-clerks");
    access.offerToSuccessors(task);
    verify(task, never()).addCandidateGroup(anyString());
  }

  static DelegateTask taskFor(String... groups) {
    DelegateTask task = mock(DelegateTask.class);
    Set<IdentityLink> links = new java.util.LinkedHashSet<>();
    for (String group : groups) {
      IdentityLink link = mock(IdentityLink.class);
      when(link.getGroupId()).thenReturn(group);
      links.add(link);
    }
    when(task.getCandidates()).thenReturn(links);
    return task;
  }

  static void at(String localDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.ZONE).toInstant()));
  }
}
