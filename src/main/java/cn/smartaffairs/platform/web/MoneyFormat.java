package cn.smartaffairs.platform.web;

import cn.smartaffairs.platform.Money;
import org.springframework.stereotype.Component;

/**
 * Fen as yuan for templates, so that no page divides by 100 itself: {@code ${@money.yuan(lease.annualRentFen)}} reads
 * "1,234.50", {@code ${@money.plain(account.balanceFen)}} reads "1234.50".
 */
@Component("money")
class MoneyFormat {

  /** Grouped by thousands, two decimals (reports, rents, arrears). */
  public String yuan(long fen) {
    return Money.ofFen(fen).toString();
  }

  /** Two decimals, no grouping (balances, prices, as the canteen and fleet pages show them). */
  public String plain(long fen) {
    return Money.ofFen(fen).plain();
  }
}
