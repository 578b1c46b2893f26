package vn.onestop.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reading the report API's listings ({@code {"entries": [{"code": …}, …]}}) in tests. */
final class ReportListings {

  private ReportListings() {}

  /** The dossier codes of a listing, in its order. */
  static List<String> codes(JsonNode listing) {
    List<String> codes = new ArrayList<>();
    listing.path("entries").forEach(e -> codes.add(e.path("code").asText()));
    return codes;
  }

  /** The entry of one dossier; fails the test when the listing does not hold it. */
  static JsonNode entry(JsonNode listing, String code) {
    for (JsonNode e : listing.path("entries")) {
      if (e.path("code").asText().equals(code)) {
        return e;
      }
    }
    throw new AssertionError(code + " not in " + listing);
  }
}
