package vn.onestop.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.onestop.review.Simplification;

/** A simplification published at run time as a dated version; internal procedures as a kind. */
class ProcedureVersionPublishTest {

  private static final CatalogFiles SEED = CatalogFiles.load(new vn.onestop.catalog.CatalogProperties("catalog/", null, null, false));
  private final ProcedureCatalog catalog = new ProcedureCatalog(SEED, new Organisation(SEED),
      Clock.fixed(LocalDate.of(2026, 3, 10).atStartOfDay().toInstant(ZoneOffset.UTC), ProcedureCatalog.VIETNAM));

  @Test
  void theNewVersionStartsOnItsDateAndClosesTheOldOneTheDayBefore() {
    Procedure base = catalog.get("1.004222");
    Procedure next = new Simplification(new BigDecimal("5"), Set.of(), Set.of("cho-o-hop-phap"), null, "Rút ngắn")
        .apply(base, "R2026.1", LocalDate.of(2026, 6, 1));

    Procedure published = catalog.publish(next);

    assertThat(published.effectiveFrom()).isEqualTo(LocalDate.of(2026, 6, 1));
    assertThat(published.effectiveTo()).isNull();
    assertThat(catalog.current("1.004222", LocalDate.of(2026, 5, 31)).orElseThrow().version()).isEqualTo("2021.1");
    assertThat(catalog.find("1.004222", "2021.1").orElseThrow().effectiveTo()).isEqualTo(LocalDate.of(2026, 5, 31));
    Procedure june = catalog.current("1.004222", LocalDate.of(2026, 6, 1)).orElseThrow();
    assertThat(june.resolutionDays()).isEqualByComparingTo("5");
    assertThat(june.budgetedDays()).as("the cut comes out of the leg's handling step").isEqualByComparingTo("5");
    assertThat(june.legs().get(0).steps().handling()).isEqualByComparingTo("3");
    assertThat(june.documents()).filteredOn(d -> d.id().equals("cho-o-hop-phap")).singleElement()
        .satisfies(d -> assertThat(d.required()).isFalse());
    assertThat(catalog.find("1.004222").orElseThrow().version()).as("today is before June").isEqualTo("2021.1");

    assertThatThrownBy(() -> catalog.publish(next)).hasMessageContaining("already has a version");
    assertThatThrownBy(() -> catalog.publish(new Simplification(null, Set.of("to-khai"), Set.of(), null, null)
        .apply(base, "R2026.2", LocalDate.of(2026, 5, 1)))).hasMessageContaining("must start after the last one");
  }

  @Test
  void aProposalThatDoesNotFitIsRefused() {
    Procedure base = catalog.get("1.004222");
    assertThatThrownBy(() -> new Simplification(new BigDecimal("9"), Set.of(), Set.of(), null, null)
        .apply(base, "x", LocalDate.of(2026, 6, 1))).hasMessageContaining("between 0 and today's 7");
    assertThatThrownBy(() -> new Simplification(null, Set.of("khong-co"), Set.of(), null, null)
        .apply(base, "x", LocalDate.of(2026, 6, 1))).hasMessageContaining("khong-co");
    assertThatThrownBy(() -> new Simplification(new BigDecimal("0.5"), Set.of(), Set.of(), null, null)
        .apply(base, "x", LocalDate.of(2026, 6, 1))).hasMessageContaining("cannot absorb");
  }

  @Test
  void internalProceduresAreAKind() {
    assertThat(catalog.get("DNO.NB.01").kind()).isEqualTo(ProcedureKind.INTERNAL);
    assertThat(catalog.get("DNO.NB.01").internal()).isTrue();
    assertThat(catalog.get("1.001193").kind()).isEqualTo(ProcedureKind.PUBLIC);
  }
}
