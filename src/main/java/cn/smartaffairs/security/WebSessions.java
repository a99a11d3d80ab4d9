package cn.smartaffairs.security;

import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The signed-in page sessions of each account, so that a changed password, a disabled account or changed roles end the
 * sessions that were signed in before: a session keeps the roles it signed in with, and a password is often changed
 * because it leaked. Sessions live in PostgreSQL (Spring Session JDBC, indexed by user name), so this reaches the
 * sessions of every instance. A process without a web server (the gateway's own, ADR 0014) has no sessions to end.
 */
@Component
class WebSessions {

  private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;
  private final JdbcClient jdbc;

  WebSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions, JdbcClient jdbc) {
    this.sessions = sessions;
    this.jdbc = jdbc;
  }

  /**
   * Ends every page session of the account once the current transaction commits (at once without one), except the
   * session of the request doing it — a person who changes their own password stays signed in where they did it. The
   * ended sessions are deleted; their next request goes to the sign-in page.
   */
  void endOtherSessionsOf(long userId) {
    FindByIndexNameSessionRepository<? extends Session> repository = sessions.getIfAvailable();
    if (repository == null) {
      return;
    }
    String username = jdbc.sql("select username from user_account where id = :id").param("id", userId)
        .query(String.class).optional().orElse(null);
    if (username == null) {
      return;
    }
    String current = currentSessionId();
    Runnable end = () -> repository.findByPrincipalName(username).keySet().stream()
        .filter(id -> !id.equals(current))
        .forEach(repository::deleteById);
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
