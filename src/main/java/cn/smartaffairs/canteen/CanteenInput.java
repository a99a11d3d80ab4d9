package cn.smartaffairs.canteen;

import cn.smartaffairs.platform.BusinessRuleException;

/** What the canteen's commands accept from a form or a request, checked before any account is locked. */
final class CanteenInput {

  private CanteenInput() {}

  /** An amount of money to move: positive, and at most a million yuan. */
  static void requireAmount(long amountFen) {
    if (amountFen <= 0 || amountFen > 100_000_000L) {
      throw new BusinessRuleException("canteen.amountInvalid");
    }
  }

  /** A reason a manager gives (refund, correction, closing): required, kept to 150 characters. */
  static String requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new BusinessRuleException("canteen.reasonRequired");
    }
    String trimmed = reason.trim();
    return trimmed.length() > 150 ? trimmed.substring(0, 150) : trimmed;
  }

  /** An optional description (e.g. of a pre-order's charge): blank is none, kept to 200 characters. */
  static String description(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String trimmed = text.trim();
    return trimmed.length() > 200 ? trimmed.substring(0, 200) : trimmed;
  }
}
