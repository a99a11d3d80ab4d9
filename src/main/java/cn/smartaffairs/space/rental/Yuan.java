package cn.smartaffairs.space.rental;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.Money;

/** Amounts typed in yuan (元, at most two decimals) become integer fen; anything else is refused. */
final class Yuan {

  /** 一千亿元: more than any rent a property office records. */
  private static final long MAX_FEN = 100_000_000_000_00L;

  private Yuan() {}

  static long toFen(String yuan) {
    long fen = Money.parseYuan(yuan, "space.rental.amountInvalid").fen();
    if (fen == 0 || fen > MAX_FEN) {
      throw new BusinessRuleException("space.rental.amountInvalid", yuan);
    }
    return fen;
  }
}
