package cn.smartaffairs.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * Sends a failed sign-in back to the form: wrong credentials (an unknown name too), too many attempts (whether the
 * name exists or not), or disabled (only said to someone who gave the right password).
 */
class SignInFailureHandler extends SimpleUrlAuthenticationFailureHandler {

  @Override
  public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException exception) throws IOException {
    String reason = exception instanceof SignInThrottledException
        ? "wait"
        : exception instanceof DisabledException ? "disabled" : "bad";
    getRedirectStrategy().sendRedirect(request, response, "/login?error=" + reason);
  }
}
