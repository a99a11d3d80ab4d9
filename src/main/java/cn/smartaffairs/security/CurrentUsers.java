package cn.smartaffairs.security;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the caller from the security context. */
public final class CurrentUsers {

  private CurrentUsers() {}

  public static CurrentUser current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
      return user;
    }
    throw new AuthenticationCredentialsNotFoundException("not signed in");
  }

  public static DataScope scope() {
    return current().dataScope();
  }
}
