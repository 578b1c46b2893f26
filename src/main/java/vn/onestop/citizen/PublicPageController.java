package vn.onestop.citizen;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The public page for citizens (Cổng công dân) lives in static/cong-dan/; its address is /cong-dan/. */
@Controller
public class PublicPageController {

  @GetMapping("/cong-dan")
  public String withoutSlash() {
    return "redirect:/cong-dan/";
  }

  @GetMapping("/cong-dan/")
  public String page() {
    return "forward:/cong-dan/index.html";
  }
}
