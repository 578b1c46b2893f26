package vn.onestop.catalog;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import vn.onestop.web.ApiErrorHandler;

class CatalogControllersTest {

  private static final CatalogFiles SEED = CatalogFiles.load(new vn.onestop.catalog.CatalogProperties("catalog/", null, null, false));
  private final Organisation organisation = new Organisation(SEED);
  private final ProcedureCatalog catalog = new ProcedureCatalog(SEED, organisation);
  private final MockMvc mvc = MockMvcBuilders
      .standaloneSetup(new ProcedureController(catalog, organisation), new AgencyController(organisation))
      .setControllerAdvice(new ApiErrorHandler())
      .build();

  @Test
  void listsProcedures() throws Exception {
    mvc.perform(get("/api/procedures"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].code", hasItem("1.001193")))
        .andExpect(jsonPath("$.length()").value(org.hamcrest.Matchers.greaterThanOrEqualTo(15)));
  }

  @Test
  void filtersByLevelFieldAgencyAndAccentlessText() throws Exception {
    mvc.perform(get("/api/procedures").param("level", "province"))
        .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(2)));
    mvc.perform(get("/api/procedures").param("field", "Hộ tịch").param("q", "khai sinh"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].code", hasItem("1.001193")))
        .andExpect(jsonPath("$[*].code", not(hasItem("1.000656"))));
    mvc.perform(get("/api/procedures").param("agency", "dakrlap-ktht"))
        .andExpect(status().isOk()).andExpect(jsonPath("$[*].code", hasItem("1.013225")));
  }

  @Test
  void badLevelIs400Json() throws Exception {
    mvc.perform(get("/api/procedures").param("level", "HAMLET"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("level"))
        .andExpect(jsonPath("$.message", containsString("HAMLET")));
  }

  @Test
  void unknownAgencyFilterIs400Json() throws Exception {
    mvc.perform(get("/api/procedures").param("agency", "khong-co"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("agency"));
  }

  @Test
  void oneProcedureWithLegsAndBudgets() throws Exception {
    mvc.perform(get("/api/procedures/{code}", "1.013225"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ"))
        .andExpect(jsonPath("$.resolutionDays").value(15))
        .andExpect(jsonPath("$.legs[0].agency").value("dakrlap-ktht"))
        .andExpect(jsonPath("$.oneStopBudgets.reception").value(1))
        .andExpect(jsonPath("$.verified").value(false));
    mvc.perform(get("/api/procedures/{code}", "1.001193").param("version", "2024.1"))
        .andExpect(status().isOk()).andExpect(jsonPath("$.version").value("2024.1"));
  }

  @Test
  void unknownProcedureOrVersionIs404Json() throws Exception {
    mvc.perform(get("/api/procedures/{code}", "9.999999"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.message", containsString("9.999999")));
    mvc.perform(get("/api/procedures/{code}", "1.001193").param("version", "1999"))
        .andExpect(status().isNotFound());
  }

  @Test
  void agencies() throws Exception {
    mvc.perform(get("/api/agencies"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].id", hasItem("dakrlap-mot-cua")));
    mvc.perform(get("/api/agencies/{id}", "nhan-co"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("Ủy ban nhân dân xã Nhân Cơ"))
        .andExpect(jsonPath("$.level").value("COMMUNE"))
        .andExpect(jsonPath("$.oneStopId").value("nhan-co"));
    mvc.perform(get("/api/agencies/{id}", "khong-co"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.message", containsString("khong-co")));
  }
}
