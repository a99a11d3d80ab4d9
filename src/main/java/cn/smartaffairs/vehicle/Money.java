package cn.smartaffairs.vehicle;

import java.math.BigDecimal;

/** Fen as yuan text for people; the data stays in integer fen. */
final class Money {

  private Money() {}

  static String yuan(long fen) {
    return BigDecimal.valueOf(fen, 2).toPlainString();
  }

  /** Reads yuan typed on a form ("1234.5") into fen. */
  static long fen(String yuan) {
    return new BigDecimal(yuan.trim()).movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
  }
}
