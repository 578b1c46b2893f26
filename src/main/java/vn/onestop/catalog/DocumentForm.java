package vn.onestop.catalog;

/** In what form a component of the dossier (thành phần hồ sơ) is submitted. */
public enum DocumentForm {
  /** Bản chính. */
  ORIGINAL,
  /** Bản sao (plain copy). */
  COPY,
  /** Bản sao có chứng thực or bản sao điện tử có chứng thực. */
  CERTIFIED_COPY,
  /** Bản chính để đối chiếu (shown, not kept; not digitised under Decree 45/2020). */
  ORIGINAL_TO_SHOW
}
