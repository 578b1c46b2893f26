package vn.onestop.dossier;

import org.springframework.stereotype.Component;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import vn.onestop.document.CertifiedCopies;
import vn.onestop.document.Digitisation;
import vn.onestop.document.DocumentKind;
import vn.onestop.document.DocumentOrigin;
import vn.onestop.document.DocumentStore;
import vn.onestop.document.StoredDocument;
import vn.onestop.document.ElectronicResults;
import vn.onestop.document.MissingComponentsException;
import vn.onestop.document.Slips;
import vn.onestop.signing.Paper;
import vn.onestop.signing.PaperQueue;

/**
 * The papers the law requires at each step: the printed slips of Circular 01/2018 Art. 9 (01 receipt,
 * 02 supplement request, 03 refusal, 04 apology, 05 process control), the check that every component
 * was scanned, and the electronic result. The step only records the paper in the signing pipeline
 * ({@link PaperQueue}: its signers' certificates are checked now, in the step's transaction); it is
 * produced, signed and stored after the step commits, outside the user's transaction.
 */
@Component
public class DossierPapers {

  /** Who is recorded when no user is logged in (a timer, the portal API). */
  static final String SYSTEM = "system";

  private final Slips slips;
  private final Digitisation digitisation;
  private final ElectronicResults results;
  private final CertifiedCopies certifiedCopies;
  private final DocumentStore documents;
  private final PaperQueue queue;

  public DossierPapers(Slips slips, Digitisation digitisation, ElectronicResults results,
      CertifiedCopies certifiedCopies, DocumentStore documents, PaperQueue queue) {
    this.queue = queue;
    this.slips = slips;
    this.digitisation = digitisation;
    this.results = results;
    this.certifiedCopies = certifiedCopies;
    this.documents = documents;
  }

  /** Form 01, given with the dossier code (Art. 17.1d). */
  public void receipt(long dossierId) {
    queue.enqueue(dossierId, Paper.RECEIPT, Map.of(), "RECEIVED");
  }

  /** Form 02 for the latest supplement request. */
  public void supplementRequest(long dossierId) {
    slips.latestSupplementRequestId(dossierId).ifPresent(id ->
        queue.enqueue(dossierId, Paper.SUPPLEMENT_REQUEST, Map.of("supplementRequestId", id), "SUPPLEMENT_REQUESTED"));
  }

  /** Form 03. */
  public void refusal(long dossierId) {
    queue.enqueue(dossierId, Paper.REFUSAL, Map.of(), "REFUSED");
  }

  /** Form 04. */
  public void apology(long dossierId) {
    queue.enqueue(dossierId, Paper.APOLOGY, Map.of(), "APOLOGY");
  }

  /** Form 05, every hand-over with its time and timeliness; printed when the dossier is returned. */
  public void processControl(long dossierId) {
    queue.enqueue(dossierId, Paper.PROCESS_CONTROL, Map.of(), "RETURNED");
  }

  /** The notice of stopping the handling (Circular 03/2025 form 05), where the dossier's rule set has it. */
  public void stopNotice(long dossierId) {
    queue.enqueue(dossierId, Paper.STOP_NOTICE, Map.of(), "STOPPED");
  }

  /** The digitisation step cannot complete while a required component lacks a file. */
  public void confirmDigitised(long dossierId, String actor) {
    try {
      digitisation.confirm(dossierId, actor == null ? SYSTEM : actor);
    } catch (MissingComponentsException e) {
      throw new DossierInputException(DossierInputException.Kind.STATE, "documents", e.getMessage());
    }
  }

  /** On-the-spot dossiers: recorded as digitised when every required component was scanned. */
  public void digitisedIfComplete(long dossierId, String actor) {
    if (digitisation.missingComponents(dossierId).isEmpty()) {
      digitisation.confirm(dossierId, actor == null ? SYSTEM : actor);
    }
  }

  /**
   * A certified e-copy from an original (chứng thực bản sao điện tử từ bản chính): made from the
   * latest scan of an original in the dossier and filed in the applicant's data store.
   */
  public void certifiedEcopy(long dossierId, String certifier) {
    StoredDocument original = documents.forDossier(dossierId).stream()
        .filter(d -> d.kind() == DocumentKind.COMPONENT && d.origin() == DocumentOrigin.ORIGINAL_SCAN)
        .max(Comparator.comparing(StoredDocument::id))
        .orElseThrow(() -> new DossierInputException("documents",
            "Chưa có bản quét bản chính để chứng thực: tải bản quét lên trước khi trả kết quả"));
    queue.enqueue(dossierId, Paper.CERTIFIED_COPY, Map.of("originalScanId", original.id(),
        "certifier", certifier == null ? SYSTEM : certifier), "CERTIFIED");
  }

  /** The result as an electronic document with a QR code, filed in the applicant's data store. */
  public void electronicResult(long dossierId, String documentName, String summary) {
    Map<String, Object> args = new HashMap<>();
    args.put("documentName", documentName);
    args.put("summary", summary);
    queue.enqueue(dossierId, Paper.RESULT, args, "APPROVED");
  }
}
