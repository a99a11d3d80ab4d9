package cn.smartaffairs.security;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The signed-in page sessions of each account (Spring Security's session registry), so that a changed password, a
 * disabled account or changed roles end the sessions that were signed in before: a session keeps the roles it signed in
 * with, and a password is often changed because it leaked.
 */
@Component
class WebSessions {

  private final SessionRegistry registry;

  WebSessions(SessionRegistry registry) {
    this.registry = registry;
  }

  /**
   * Ends every page session of the account once the current transaction commits (at once without one), except the
   * session of the request doing it — a person who changes their own password stays signed in where they did it. The
   * ended sessions' next request goes to the sign-in page.
   */
  void endOtherSessionsOf(long userId) {
    String current = currentSessionId();
    Runnable end = () -> registry.getAllPrincipals().stream()
        .filter(principal -> principal instanceof CurrentUser user && user.userId() == userId)
        .flatMap(principal -> registry.getAllSessions(principal, false).stream())
        .filter(session -> !session.getSessionId().equals(current))
        .forEach(SessionInformation::expireNow);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          end.run();
        }
      });
    } else {
      end.run();
    }
  }

  private static String currentSessionId() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
      HttpSession session = request.getRequest().getSession(false);
      return session == null ? null : session.getId();
    }
    return null;
  }
}
