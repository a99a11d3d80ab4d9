package cn.smartaffairs.space.rental;

import cn.smartaffairs.platform.BusinessRuleException;
import java.math.BigDecimal;

/** Amounts typed in yuan (元, at most two decimals) become integer fen; anything else is refused. */
final class Yuan {

  private Yuan() {}

  static long toFen(String yuan) {
    try {
      BigDecimal amount = new BigDecimal(yuan == null ? "" : yuan.strip().replace(",", ""));
      if (amount.scale() > 2 || amount.signum() <= 0 || amount.compareTo(new BigDecimal("100000000000")) > 0) {
        throw new BusinessRuleException("space.rental.amountInvalid", yuan);
      }
      return amount.movePointRight(2).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new BusinessRuleException("space.rental.amountInvalid", yuan == null ? "" : yuan);
    }
  }
}
