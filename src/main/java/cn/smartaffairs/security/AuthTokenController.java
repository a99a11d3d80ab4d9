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
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
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
  @Operation(summary = "获取访问令牌 Issue a bearer token", description = "The token goes in `Authorization: Bearer ...`. A wrong password and an unknown name answer the same"
      + " 401. Five failures from one client address lock that address out for this name for 15 minutes; many"
      + " failures on one name or from one address make later attempts wait. A refused attempt answers 429 with"
      + " Retry-After (seconds), whether the name exists or not.")
  TokenResponse token(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
    var attempt = UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password());
    // the client address, as the sign-in page's attempts carry it: the throttle counts by it
    attempt.setDetails(new WebAuthenticationDetails(http.getRemoteAddr(), null));
    var authentication = authenticationManager.authenticate(attempt);
    String token = credentials.issueToken((CurrentUser) authentication.getPrincipal());
    return new TokenResponse(token, "Bearer", properties.apiTokenLifetime().toSeconds());
  }

  @ExceptionHandler(SignInThrottledException.class)
  ResponseEntity<ProblemDetail> throttled(SignInThrottledException exception, HttpServletRequest request) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
        messages.getMessage("signIn.wait", null, ApiLocale.of(request)));
    problem.setTitle("Too Many Requests");
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(exception.retryAfterSeconds())).body(problem);
  }

  @ExceptionHandler(AuthenticationException.class)
  ProblemDetail signInFailed(AuthenticationException exception, HttpServletRequest request) {
    String key = exception instanceof DisabledException ? "signIn.disabled" : "signIn.bad";
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
        messages.getMessage(key, null, ApiLocale.of(request)));
    problem.setTitle("Unauthorized");
    return problem;
  }
}
