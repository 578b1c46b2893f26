package vn.onestop.catalog;

import java.math.BigDecimal;

/**
 * Phí, lệ phí (Decree 61/2018 Art. 22).
 *
 * @param amountVnd base amount in VND (0 = free); the {@link #note} says how it varies (per page, per case)
 * @param note      how the amount is computed, exemptions, the legal source
 */
public record Fee(BigDecimal amountVnd, String note) {

  public static final Fee FREE = new Fee(BigDecimal.ZERO, null);

  public Fee {
    amountVnd = amountVnd == null ? BigDecimal.ZERO : amountVnd;
  }
}
