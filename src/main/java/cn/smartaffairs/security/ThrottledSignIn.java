package cn.smartaffairs.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Puts {@link SignInThrottle} in front of the password check: a throttled attempt is refused at once (no thread
 * sleeps), a wrong password or unknown name is counted, a right one clears its source.
 */
final class ThrottledSignIn implements AuthenticationProvider {

  private final AuthenticationProvider passwords;
  private final SignInThrottle throttle;

  ThrottledSignIn(AuthenticationProvider passwords, SignInThrottle throttle) {
    this.passwords = passwords;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication attempt) {
    String username = attempt.getName();
    String address = attempt.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress()
        : null;
    throttle.waitBeforeTrying(username, address).ifPresent(wait -> {
      throw new SignInThrottledException(wait);
    });
    try {
      Authentication signedIn = passwords.authenticate(attempt);
      throttle.recordSuccess(username, address);
      return signedIn;
    } catch (BadCredentialsException e) {
      throttle.recordFailure(username, address);
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return passwords.supports(authentication);
  }
}
