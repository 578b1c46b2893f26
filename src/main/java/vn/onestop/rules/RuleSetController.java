package vn.onestop.rules;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.onestop.web.ApiException;

/** Public listing of the rule sets (bộ quy tắc theo nghị định) with their validity, rules and forms. No login. */
@RestController
@RequestMapping("/api/rule-sets")
public class RuleSetController {

  private final RuleSets ruleSets;

  public RuleSetController(RuleSets ruleSets) {
    this.ruleSets = ruleSets;
  }

  /** Every rule set, oldest first. */
  @GetMapping
  public List<RuleSet> list() {
    return ruleSets.all();
  }

  /** One rule set. */
  @GetMapping("/{id}")
  public RuleSet one(@PathVariable String id) {
    return ruleSets.find(id).orElseThrow(() -> ApiException.notFound("Không có bộ quy tắc '" + id + "'"));
  }
}
