package cn.smartaffairs.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/** Signs in API callers by {@code Authorization: Bearer <token>} or {@code X-API-Key: <key>}. */
class ApiCredentialFilter extends OncePerRequestFilter {

  static final String API_KEY_HEADER = "X-API-Key";

  private final ApiCredentials credentials;
  private final AuthenticationEntryPoint entryPoint;

  ApiCredentialFilter(ApiCredentials credentials, AuthenticationEntryPoint entryPoint) {
    this.credentials = credentials;
    this.entryPoint = entryPoint;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> secret = presentedSecret(request);
    if (secret.isPresent()) {
      Optional<CurrentUser> user = credentials.authenticate(secret.get());
      if (user.isEmpty()) {
        SecurityContextHolder.clearContext();
        entryPoint.commence(request, response, new BadCredentialsException("invalid or expired credential"));
        return;
      }
      var authentication = UsernamePasswordAuthenticationToken.authenticated(user.get(), null,
          user.get().getAuthorities());
      var context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(authentication);
      SecurityContextHolder.setContext(context);
    }
    chain.doFilter(request, response);
  }

  private static Optional<String> presentedSecret(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.of(authorization.substring(7).trim());
    }
    return Optional.ofNullable(request.getHeader(API_KEY_HEADER)).map(String::trim);
  }
}
