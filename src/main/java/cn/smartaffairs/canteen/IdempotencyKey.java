package cn.smartaffairs.canteen;

import cn.smartaffairs.platform.BusinessRuleException;
import java.util.List;

/**
 * 幂等键: a caller's idempotency key within the namespace of whoever sent it — a terminal, a holder's account, a
 * signed-in person, a payment provider or the platform itself. The same key from two callers names two requests; the same key
 * from one caller names one request, and is refused when it comes again for another operation, account or amount
 * (the journal it names records all three).
 */
record IdempotencyKey(String scope, String value) {

  /** Prefixes of the keys the platform makes itself (subsidy runs, pre-orders, pages): predictable, so reserved. */
  private static final List<String> RESERVED_PREFIXES = List.of("subsidy:", "canteen-preorder-", "web-");

  static IdempotencyKey ofTerminal(String terminalCode, String key) {
    return new IdempotencyKey("terminal:" + terminalCode, requireKey(key));
  }

  static IdempotencyKey ofAccount(long accountId, String key) {
    return new IdempotencyKey("account:" + accountId, requireKey(key));
  }

  /** A signed-in person's key (a manager at the counter, a holder cancelling a pre-order). */
  static IdempotencyKey ofUser(String username, String key) {
    return new IdempotencyKey("user:" + username, requireKey(key));
  }

  static IdempotencyKey ofPlatform(String key) {
    return new IdempotencyKey("platform", requireKey(key));
  }

  static IdempotencyKey ofProvider(String provider, String key) {
    return new IdempotencyKey("provider:" + provider, requireKey(key));
  }

  /**
   * A client's key (a terminal's, an API caller's), refused when it has the form of one the platform makes itself.
   * Checked after trimming, as the key is stored.
   */
  static String requireClientKey(String key) {
    String trimmed = requireKey(key);
    if (RESERVED_PREFIXES.stream().anyMatch(trimmed::startsWith)) {
      throw new BusinessRuleException("canteen.idempotencyKeyReserved");
    }
    return trimmed;
  }

  static String requireKey(String key) {
    if (key == null || key.isBlank() || key.length() > 100) {
      throw new BusinessRuleException("canteen.idempotencyKeyRequired");
    }
    return key.trim();
  }
}
