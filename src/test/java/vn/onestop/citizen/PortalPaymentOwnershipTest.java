package vn.onestop.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.OneStopSpringTest;

/** Issue 24, finding 6: a portal records payments only for the dossiers it submitted; another portal gets 404. */
@OneStopSpringTest
class PortalPaymentOwnershipTest {

  static final String OTHER_KEY = "other-portal-key-2026";

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;

  @Test
  void anotherPortalCannotPayForTheDossier() throws Exception {
    PortalHttp portal = new PortalHttp(port, json);
    PortalHttp.Answer submitted = portal.submit(PortalHttp.submission("DVC-" + UUID.randomUUID()));
    assertThat(submitted.status()).as(submitted.raw().body()).isEqualTo(201);
    long dossierId = submitted.body().get("dossierId").asLong();

    PortalHttp.Answer foreign = portal.postJson("/api/online-dossiers/" + dossierId + "/payment",
        Map.of("transactionRef", "PAY-FOREIGN"), OTHER_KEY);
    assertThat(foreign.status()).as(foreign.raw().body()).isEqualTo(404);
    assertThat(jdbc.queryForObject("select fee_paid from onestop.dossier where id = ?", Boolean.class, dossierId)).isFalse();

    PortalHttp.Answer own = portal.postJson("/api/online-dossiers/" + dossierId + "/payment",
        Map.of("transactionRef", "PAY-OWN"), PortalHttp.KEY);
    assertThat(own.status()).as(own.raw().body()).isEqualTo(200);
    assertThat(jdbc.queryForObject("select fee_transaction_ref from onestop.dossier where id = ?", String.class, dossierId))
        .isEqualTo("PAY-OWN");
  }
}
