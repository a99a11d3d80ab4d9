package cn.smartaffairs.security;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Audits every sign-in attempt (the counting for lock-out and backoff is {@link SignInThrottle}'s). */
@Component
class SignInAuditor {

  private static final int MAX_ACTOR_LENGTH = 60;

  private final AuditTrail audit;

  SignInAuditor(AuditTrail audit) {
    this.audit = audit;
  }

  @EventListener
  void onSuccess(AuthenticationSuccessEvent event) {
    if (!(event.getAuthentication().getPrincipal() instanceof CurrentUser user) || user.isApiKey()) {
      return;
    }
    audit.recordAs(user.username(), List.of(
        new AuditEntry("SIGN_IN", "user_account", user.userId(), user.regionId(), null, Map.of("result", "SUCCESS"))));
  }

  @EventListener
  void onFailure(AbstractAuthenticationFailureEvent event) {
    String username = String.valueOf(event.getAuthentication().getName());
    String actor = username.length() > MAX_ACTOR_LENGTH ? username.substring(0, MAX_ACTOR_LENGTH) : username;
    audit.recordAs(actor, List.of(new AuditEntry("SIGN_IN_FAILED", "user_account", null, null, null,
        Map.of("result", "FAILURE", "reason", event.getException().getClass().getSimpleName()))));
  }
}
