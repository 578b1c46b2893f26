package vn.onestop.document;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The signing step of the paper pipeline (produced → signed → stored), as the document store sees it:
 * before a paper OneStop issued (slip, result, certified e-copy) is stored, the implementation in
 * {@code vn.onestop.signing} signs it; once stored, it records what it signed.
 */
public interface PaperSeal {

  /** The signed bytes and what to record once the document has an id; empty when the file is not a paper to sign. */
  Optional<Sealed> seal(NewDocument document);

  /** Signed content and the follow-up to run with the stored document (same transaction). */
  record Sealed(byte[] bytes, Consumer<StoredDocument> onStored) {}
}
