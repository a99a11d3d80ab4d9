package cn.smartaffairs.vehicle;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts typed on the vehicle pages' forms (price, disposal proceeds, costs, a trip's tolls and energy). */
final class FormYuan {

  private FormYuan() {}

  /** Yuan typed on a form ("1234.5") to fen; empty is 0 and a third decimal is rounded, as these forms always did. */
  static long fen(String yuan) {
    if (yuan == null || yuan.isBlank()) {
      return 0;
    }
    try {
      BigDecimal rounded = new BigDecimal(yuan.trim()).setScale(2, RoundingMode.HALF_UP);
      return Money.ofYuan(rounded, "vehicle.amountInvalid").fen();
    } catch (NumberFormatException e) {
      throw new BusinessRuleException("vehicle.amountInvalid");
    }
  }
}
