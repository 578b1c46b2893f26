package vn.onestop.catalog;

/**
 * The result of the procedure (kết quả thực hiện TTHC).
 *
 * @param kind what kind of paper
 * @param name its Vietnamese name, e.g. "Giấy khai sinh (bản chính)"
 */
public record ProcedureResult(ResultKind kind, String name) {}
