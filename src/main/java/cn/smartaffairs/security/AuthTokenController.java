package cn.smartaffairs.security;

import cn.smartaffairs.platform.ApiLocale;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.context.MessageSource;

/** Exchanges a user name and password for a bearer token for the API. */
@RestController
@Tag(name = "认证 Authentication")
class AuthTokenController {

  private final AuthenticationManager authenticationManager;
  private final ApiCredentials credentials;
  private final SecurityProperties properties;
  private final MessageSource messages;

  AuthTokenController(AuthenticationManager authenticationManager, ApiCredentials credentials,
                      SecurityProperties properties, MessageSource messages) {
    this.authenticationManager = authenticationManager;
    this.credentials = credentials;
    this.properties = properties;
    this.messages = messages;
  }

  record TokenRequest(@NotBlank String username, @NotBlank String password) {}

  record TokenResponse(String token, String tokenType, long expiresIn) {}

  @PostMapping("/api/v1/auth/token")
  @Operation(summary = "获取访问令牌 Issue a bearer token",
      description = "The token goes in `Authorization: Bearer ...`; five failures lock the account for 15 minutes.")
  TokenResponse token(@Valid @RequestBody TokenRequest request) {
    var authentication = authenticationManager.authenticate(
        UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password()));
    String token = credentials.issueToken((CurrentUser) authentication.getPrincipal());
    return new TokenResponse(token, "Bearer", properties.apiTokenLifetime().toSeconds());
  }

  @ExceptionHandler(AuthenticationException.class)
  ProblemDetail signInFailed(AuthenticationException exception, HttpServletRequest request) {
    String key = exception instanceof LockedException ? "signIn.locked"
        : exception instanceof DisabledException ? "signIn.disabled" : "signIn.bad";
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
        messages.getMessage(key, null, ApiLocale.of(request)));
    problem.setTitle("Unauthorized");
    return problem;
  }
}
