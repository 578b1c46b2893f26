package vn.onestop.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import vn.onestop.register.DossierQueries;
import vn.onestop.register.DossierRow;
import vn.onestop.register.RegisterUpdates;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.onestop.catalog.DocumentForm;
import vn.onestop.catalog.Procedure;
import vn.onestop.catalog.ProcedureCatalog;
import vn.onestop.catalog.RequiredDocument;

/**
 * The digitisation step at reception (Decree 61/2018 Art. 17; Decree 45/2020): the clerk scans every
 * required component of the catalogue; the step cannot complete while one lacks a file; the register
 * then records the dossier as digitised. Components only shown for comparison (bản chính để đối
 * chiếu) are not digitised, as Decree 45/2020 excludes documents only shown.
 */
@Component("digitisation")
public class Digitisation {

  private final DossierQueries register;
  private final RegisterUpdates updates;
  private final ProcedureCatalog catalog;
  private final DocumentStore documents;
  private final ApplicantDataStore dataStore;

  public Digitisation(DossierQueries register, RegisterUpdates updates, ProcedureCatalog catalog, DocumentStore documents,
      ApplicantDataStore dataStore) {
    this.register = register;
    this.updates = updates;
    this.catalog = catalog;
    this.documents = documents;
    this.dataStore = dataStore;
  }

  /** The components that must be digitised for this procedure version. */
  public List<RequiredDocument> requiredComponents(String procedureCode, String procedureVersion) {
    return procedure(procedureCode, procedureVersion).documents().stream()
        .filter(RequiredDocument::required)
        .filter(d -> d.form() != DocumentForm.ORIGINAL_TO_SHOW)
        .toList();
  }

  /** Ids of the required components that have no file yet for the dossier, in catalogue order. */
  public List<String> missingComponents(long dossierId, String procedureCode, String procedureVersion) {
    Set<String> present = documents.forDossier(dossierId).stream()
        .filter(d -> d.kind() == DocumentKind.COMPONENT)
        .map(StoredDocument::componentId)
        .collect(Collectors.toSet());
    return requiredComponents(procedureCode, procedureVersion).stream()
        .map(RequiredDocument::id).filter(id -> !present.contains(id)).toList();
  }

  /** {@link #missingComponents(long, String, String)} with the procedure read from the register. */
  public List<String> missingComponents(long dossierId) {
    DossierRow d = register.dossier(dossierId).orElseThrow(() -> DocumentRejectedException.noDossier(dossierId));
    return missingComponents(dossierId, d.procedureCode(), d.procedureVersion());
  }

  /**
   * Confirms the digitisation of a dossier: refuses while a required component lacks a file, otherwise
   * marks the register ({@code digitised}, {@code digitised_at}) and files the scans in the applicant's
   * data store so they need not be asked for again.
   *
   * @throws MissingComponentsException listing the components without a file
   */
  @Transactional
  public void confirm(long dossierId, String actor) {
    DossierRow d = register.dossier(dossierId).orElseThrow(() -> DocumentRejectedException.noDossier(dossierId));
    List<String> missing = missingComponents(dossierId, d.procedureCode(), d.procedureVersion());
    if (!missing.isEmpty()) {
      List<String> names = new ArrayList<>();
      Procedure p = procedure(d.procedureCode(), d.procedureVersion());
      for (String id : missing) {
        p.documents().stream().filter(r -> r.id().equals(id)).findFirst().ifPresent(r -> names.add("'" + r.name() + "'"));
      }
      throw new MissingComponentsException(dossierId, missing, names);
    }
    updates.digitised(dossierId);
    if (d.applicantIdNumber() != null) {
      for (StoredDocument doc : latestComponents(dossierId)) {
        if (doc.origin() == DocumentOrigin.ORIGINAL_SCAN || doc.origin() == DocumentOrigin.CERTIFIED_ECOPY) {
          dataStore.file(d.applicantIdNumber(), doc.id(), DataStoreCategory.DIGITISED, actor);
        }
      }
    }
  }

  /** {@link #confirm(long, String)} by the system (e.g. an execution listener without a user). */
  public void confirm(long dossierId) {
    confirm(dossierId, "system");
  }

  /**
   * Checks a component file against the catalogue (component exists; type and size allowed) and
   * stores it as the next version of that component.
   *
   * @throws DocumentRejectedException naming the field at fault
   */
  public StoredDocument upload(long dossierId, String componentId, String fileName, String contentType, byte[] bytes,
      DocumentOrigin origin, java.time.LocalDate validUntil, String actor) {
    DossierRow d = register.dossier(dossierId).orElseThrow(() -> DocumentRejectedException.noDossier(dossierId));
    Procedure p = procedure(d.procedureCode(), d.procedureVersion());
    RequiredDocument component = p.documents().stream().filter(r -> r.id().equals(componentId)).findFirst()
        .orElseThrow(() -> new DocumentRejectedException("componentId", "Thủ tục " + p.code() + " (phiên bản " + p.version()
            + ") không có thành phần hồ sơ '" + componentId + "'; các thành phần là "
            + p.documents().stream().map(RequiredDocument::id).toList()));
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
    if (!component.contentTypes().contains(type)) {
      throw new DocumentRejectedException("file", "Tệp '" + fileName + "' không đúng định dạng: thành phần '" + component.name()
          + "' chỉ nhận " + component.contentTypes() + ", không nhận '" + type + "'");
    }
    if (!FileTypes.matches(type, bytes)) {
      throw new DocumentRejectedException("file", "Tệp '" + fileName + "' không phải là " + type
          + " như khai báo (nội dung tệp cho thấy định dạng khác)");
    }
    if (bytes.length == 0) {
      throw new DocumentRejectedException("file", "Tệp '" + fileName + "' rỗng");
    }
    if (bytes.length > component.maxSizeBytes()) {
      throw new DocumentRejectedException(DocumentRejectedException.Reason.TOO_LARGE, "file", "Tệp '" + fileName + "' có " + bytes.length
          + " byte, quá dung lượng tối đa " + component.maxSizeBytes() + " byte của thành phần '" + component.name() + "'");
    }
    return documents.store(new NewDocument(dossierId, componentId, DocumentKind.COMPONENT, origin, component.name(),
        fileName, type, bytes, null, validUntil, null, actor));
  }

  private List<StoredDocument> latestComponents(long dossierId) {
    return documents.forDossier(dossierId).stream()
        .filter(doc -> doc.kind() == DocumentKind.COMPONENT)
        .collect(Collectors.toMap(StoredDocument::componentId, doc -> doc, (a, b) -> a.version() >= b.version() ? a : b))
        .values().stream().toList();
  }

  private Procedure procedure(String code, String version) {
    return catalog.find(code, version).orElseThrow(() -> new IllegalStateException(
        "Thủ tục " + code + " (phiên bản " + version + ") không có trong danh mục"));
  }
}
