package cn.smartaffairs.canteen.kitchen;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * 报餐: one person's order for one meal of one day at one canteen, paid from their canteen account when placed and
 * refunded when cancelled before the cut-off.
 */
public record Preorder(long id, long siteId, String siteName, LocalDate serveDate, Meal meal, long staffId,
    long amountFen, String status, Long paymentId, Long balanceAfterFen, Long refundPaymentId,
    OffsetDateTime createdAt, ZonedDateTime cutoff, List<Line> lines) {

  /** One dish of the order. */
  public record Line(long menuItemId, String dishName, int quantity, long priceFen) {}

  public boolean active() {
    return PreorderStatus.valueOf(status) == PreorderStatus.ACTIVE;
  }
}
