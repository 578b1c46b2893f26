package vn.onestop.document;

import org.springframework.stereotype.Component;
import vn.onestop.register.DossierQueries;
import vn.onestop.register.DossierRow;
import vn.onestop.register.RegisterUpdates;

/**
 * How a result leaves as an electronic document (plan: 100 % of results electronic): stored with the
 * dossier, marked on the register ({@code result_electronic}, through the register's own writer) and
 * filed in the applicant's data store so later dossiers can reuse it. Shared by
 * {@link ElectronicResults} and {@link CertifiedCopies}; also where both read the dossier's facts.
 */
@Component
class ResultFiling {

  private final DossierQueries register;
  private final RegisterUpdates updates;
  private final DocumentStore documents;
  private final ApplicantDataStore dataStore;

  ResultFiling(DossierQueries register, RegisterUpdates updates, DocumentStore documents, ApplicantDataStore dataStore) {
    this.register = register;
    this.updates = updates;
    this.documents = documents;
    this.dataStore = dataStore;
  }

  DossierRow dossier(long dossierId) {
    return register.dossier(dossierId).orElseThrow(() -> DocumentRejectedException.noDossier(dossierId));
  }

  StoredDocument file(DossierRow d, NewDocument result, DataStoreCategory category, String actor) {
    StoredDocument stored = documents.store(result);
    updates.resultIssuedElectronically(d.id());
    if (d.applicantIdNumber() != null) {
      dataStore.file(d.applicantIdNumber(), stored.id(), category, actor);
    }
    return stored;
  }
}
