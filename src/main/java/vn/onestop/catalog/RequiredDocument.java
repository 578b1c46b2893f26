package vn.onestop.catalog;

import java.util.List;

/**
 * One component of the dossier (thành phần hồ sơ) as published for the procedure.
 *
 * @param id           stable id inside the procedure (used by online submission and digitisation)
 * @param name         Vietnamese name as published
 * @param form         original, copy, certified copy, or original shown for comparison
 * @param quantity     number of copies (số lượng)
 * @param required     whether the dossier is incomplete without it
 * @param contentTypes MIME types accepted for an electronic component (defaults from configuration)
 * @param maxSizeBytes largest accepted file (defaults from configuration)
 * @param note         when it is needed, which form number
 */
public record RequiredDocument(
    String id,
    String name,
    DocumentForm form,
    int quantity,
    boolean required,
    List<String> contentTypes,
    long maxSizeBytes,
    String note) {

  public RequiredDocument {
    contentTypes = contentTypes == null ? List.of() : List.copyOf(contentTypes);
  }
}
