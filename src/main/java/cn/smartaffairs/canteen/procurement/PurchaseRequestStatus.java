package cn.smartaffairs.canteen.procurement;

import java.util.OptionalInt;

/**
 * Where a purchase request stands (the {@code canteen_purchase_request.status} CHECK): first-round quotes, the second
 * bidding round (二次竞价) among the first round's bidders, and awarded to the lowest second-round price.
 */
public enum PurchaseRequestStatus {
  QUOTING, SECOND_ROUND, AWARDED;

  /** The round a quote goes into now: 1 while quoting, 2 in the second round, none once awarded. */
  public OptionalInt biddingRound() {
    return switch (this) {
      case QUOTING -> OptionalInt.of(1);
      case SECOND_ROUND -> OptionalInt.of(2);
      case AWARDED -> OptionalInt.empty();
    };
  }

  /** The second round opens from the first and from nowhere else. */
  public boolean mayOpenSecondRound() {
    return this == QUOTING;
  }

  /** Only the second round ends in an award. */
  public boolean mayAward() {
    return this == SECOND_ROUND;
  }
}
