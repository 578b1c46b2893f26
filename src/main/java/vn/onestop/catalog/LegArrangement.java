package vn.onestop.catalog;

/**
 * How the legs of an interlinked procedure (thủ tục liên thông) run, Decree 61/2018 Art. 19.6-19.7.
 */
public enum LegArrangement {
  /**
   * One agency after another, passed on with a transfer slip (phiếu chuyển xử lý): the paper flow of
   * Art. 19.6a; the procedure time is the sum of the legs.
   */
  SEQUENTIAL,
  /**
   * All agencies at once, the electronic flow of Art. 19.7 (gửi đồng thời); the procedure time is the
   * longest leg.
   */
  PARALLEL
}
