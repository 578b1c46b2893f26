package vn.onestop.report;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The supervisors' KPI page (trang giám sát) lives in static/supervisor/; its address is /supervisor/. */
@Controller
public class SupervisorPageController {

  @GetMapping("/supervisor")
  public String withoutSlash() {
    return "redirect:/supervisor/";
  }

  @GetMapping("/supervisor/")
  public String page() {
    return "forward:/supervisor/index.html";
  }
}
