package cn.smartaffairs.security;

import java.time.Duration;
import org.springframework.security.authentication.AccountStatusException;

/**
 * A sign-in refused before its password was looked at: the source is locked out or the account name or address is
 * within its backoff. Unknown names are refused in the same way, so the answer does not tell whether one exists.
 */
public class SignInThrottledException extends AccountStatusException {

  private final Duration retryAfter;

  public SignInThrottledException(Duration retryAfter) {
    super("sign-in attempts are throttled");
    this.retryAfter = retryAfter;
  }

  /** Whole seconds to wait, at least one: what the Retry-After header says. */
  public long retryAfterSeconds() {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }
}
