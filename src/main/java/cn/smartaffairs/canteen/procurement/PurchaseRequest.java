package cn.smartaffairs.canteen.procurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * 采购申请: what a canteen needs, the quotes of at least two suppliers, a second bidding round (二次竞价) among them,
 * and the winning quote — the lowest second-round price.
 */
public record PurchaseRequest(long id, long siteId, String itemName, String spec, BigDecimal quantity, String unit,
    LocalDate neededBy, PurchaseRequestStatus status, Long awardedQuoteId, OffsetDateTime awardedAt,
    List<Quote> quotes) {

  /** One supplier's unit price in one round. */
  public record Quote(long id, long supplierId, String supplierName, int round, long unitPriceFen) {}

  public List<Quote> round(int round) {
    return quotes.stream().filter(q -> q.round() == round).toList();
  }

  public Quote awarded() {
    return quotes.stream().filter(q -> awardedQuoteId != null && q.id() == awardedQuoteId).findFirst().orElse(null);
  }

  /** As the inspection form offers an awarded request: the item and its awarded unit price, "猪五花肉 ¥18.50". */
  public String awardLabel() {
    Quote awarded = awarded();
    return awarded == null
        ? itemName
        : itemName + " ¥" + cn.smartaffairs.platform.Money.ofFen(awarded.unitPriceFen()).plain();
  }
}
