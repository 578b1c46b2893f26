package vn.onestop.review;

import java.util.HashMap;
import java.util.Map;

/** What a specialist types into the review form, for tests. */
public final class ReviewForms {

  private ReviewForms() {}

  /** Every element answered YES on all three criteria, plus the given extra variables. */
  public static Map<String, Object> allYes(Object... more) {
    Map<String, Object> v = new HashMap<>();
    for (ReviewElement e : ReviewElement.values()) {
      for (ReviewElement.Criterion c : ReviewElement.Criterion.values()) {
        v.put(e.variable(c), "YES");
      }
    }
    for (int i = 0; i < more.length; i += 2) {
      v.put((String) more[i], more[i + 1]);
    }
    return v;
  }
}
