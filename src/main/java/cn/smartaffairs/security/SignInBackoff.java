package cn.smartaffairs.security;

import java.time.Duration;

/**
 * A growing wait between sign-in attempts: the first {@code freeFailures} failures cost nothing, each later one
 * doubles the wait from {@code firstDelay} up to {@code maxDelay}. A wait is answered with "try later", never slept.
 */
public record SignInBackoff(int freeFailures, Duration firstDelay, Duration maxDelay) {

  public SignInBackoff {
    if (freeFailures < 0 || firstDelay == null || maxDelay == null || firstDelay.isNegative()
        || maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException("sign-in backoff needs freeFailures >= 0 and 0 <= firstDelay <= maxDelay");
    }
  }

  /** How long the next attempt waits after this many failures in a row. */
  public Duration delayAfter(int failures) {
    int beyond = failures - freeFailures;
    if (beyond <= 0) {
      return Duration.ZERO;
    }
    // 2^30 first delays exceed any sensible cap; stop doubling before the multiplication overflows
    Duration delay = firstDelay.multipliedBy(1L << Math.min(beyond - 1, 30));
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }
}
