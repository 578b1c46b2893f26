package vn.onestop.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.OneStopSpringTest;
import vn.onestop.QueryPlans;

/** Upload, versions, read-back with the checksum on the real PostgreSQL; oversize and wrong types refused. */
@OneStopSpringTest
class DocumentStoreTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired DocumentStore store;
  @Autowired Digitisation digitisation;

  TestRegister register;
  long dossierId;
  String code;

  @BeforeEach
  void dossier() {
    register = new TestRegister(jdbc);
    code = TestRegister.uniqueCode();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    dossierId = register.dossier(code, TestRegister.uniqueIdNumber(), now, now.plus(2, ChronoUnit.DAYS));
  }

  @AfterEach
  void cleanUp() {
    register.cleanUp();
  }

  @Test
  void theNextVersionIsFoundThroughTheIndexNotByReadingEveryDocument() {
    for (String[] query : new String[][] {{DocumentStore.NEXT_VERSION, "1"}, {DocumentStore.NEXT_VERSION_WITHOUT_DOSSIER, null}}) {
      String[] q = query;
      String plan = QueryPlans.withoutSequentialScan(jdbc, query[0], ps -> {
        int i = 1;
        if (q[1] != null) {
          ps.setLong(i++, Long.parseLong(q[1]));
        }
        ps.setString(i++, "du-thao");
        ps.setString(i, "COMPONENT");
      });
      assertThat(plan).as(query[0]).contains("Index").doesNotContain("Seq Scan");
    }
  }

  @Test
  void uploadsVersionAndReadBackWithTheirChecksum() {
    byte[] first = TestRegister.pdfLike(2_000);
    byte[] second = TestRegister.pdfLike(3_000);
    StoredDocument v1 = digitisation.upload(dossierId, "du-thao", "du-thao.pdf", "application/pdf", first,
        DocumentOrigin.ORIGINAL_SCAN, null, "clerk");
    StoredDocument v2 = digitisation.upload(dossierId, "du-thao", "du-thao-sua.pdf", "application/pdf", second,
        DocumentOrigin.ORIGINAL_SCAN, null, "clerk");

    assertThat(v1.version()).isEqualTo(1);
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.dossierCode()).isEqualTo(code);
    assertThat(v2.sizeBytes()).isEqualTo(3_000);
    assertThat(v2.sha256()).isEqualTo(DocumentStore.sha256(second)).hasSize(64);
    assertThat(v2.addedBy()).isEqualTo("clerk");
    assertThat(v2.title()).isEqualTo("Dự thảo hợp đồng, giao dịch");

    // the old version stays, byte for byte
    assertThat(store.read(v1.id()).bytes()).isEqualTo(first);
    assertThat(store.read(v2.id()).bytes()).isEqualTo(second);
    assertThat(store.latest(code, "du-thao")).get().extracting(StoredDocument::id).isEqualTo(v2.id());
    assertThat(store.latest(String.valueOf(dossierId), "du-thao")).get().extracting(StoredDocument::id).isEqualTo(v2.id());
    assertThat(store.forDossier(dossierId)).extracting(StoredDocument::version).containsExactly(1, 2);
  }

  @Test
  void aFileThatFailsItsChecksumIsReportedNotServed() {
    StoredDocument doc = digitisation.upload(dossierId, "du-thao", "du-thao.pdf", "application/pdf",
        TestRegister.pdfLike(1_000), DocumentOrigin.ORIGINAL_SCAN, null, "clerk");
    jdbc.update("UPDATE onestop.document_blob SET bytes = overlay(bytes placing '\\x00'::bytea from 500 for 1) WHERE sha256 = ?",
        doc.sha256());

    assertThatThrownBy(() -> store.read(doc.id()))
        .isInstanceOf(DocumentCorruptedException.class)
        .hasMessageContaining("Tài liệu " + doc.id())
        .hasMessageContaining(doc.sha256());
    assertThat(jdbc.queryForObject("SELECT integrity_failed_at IS NOT NULL FROM onestop.document WHERE id = ?", Boolean.class,
        doc.id())).isTrue();
  }

  @Test
  void oversizeAndWrongTypesAreRefused() {
    // DNO.CT.01 takes the catalogue defaults: PDF, JPEG, PNG up to 10 MB
    assertThatThrownBy(() -> digitisation.upload(dossierId, "du-thao", "big.pdf", "application/pdf",
        TestRegister.pdfLike(10 * 1024 * 1024 + 1), DocumentOrigin.ORIGINAL_SCAN, null, "clerk"))
        .isInstanceOf(DocumentRejectedException.class)
        .hasMessageContaining("quá dung lượng tối đa 10485760")
        .extracting(e -> ((DocumentRejectedException) e).reason()).isEqualTo(DocumentRejectedException.Reason.TOO_LARGE);
    assertThatThrownBy(() -> digitisation.upload(dossierId, "du-thao", "macro.docm", "application/vnd.ms-word",
        "PK..".getBytes(), DocumentOrigin.ORIGINAL_SCAN, null, "clerk"))
        .isInstanceOf(DocumentRejectedException.class)
        .hasMessageContaining("chỉ nhận [application/pdf, image/jpeg, image/png]");
    assertThatThrownBy(() -> digitisation.upload(dossierId, "du-thao", "fake.pdf", "application/pdf",
        "MZ not a pdf".getBytes(), DocumentOrigin.ORIGINAL_SCAN, null, "clerk"))
        .isInstanceOf(DocumentRejectedException.class)
        .hasMessageContaining("không phải là application/pdf");
    assertThatThrownBy(() -> digitisation.upload(dossierId, "no-such-component", "a.pdf", "application/pdf",
        TestRegister.pdfLike(100), DocumentOrigin.ORIGINAL_SCAN, null, "clerk"))
        .isInstanceOf(DocumentRejectedException.class)
        .hasMessageContaining("không có thành phần hồ sơ 'no-such-component'");
    assertThat(store.forDossier(dossierId)).isEmpty();
  }
}
