package cn.smartaffairs.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** With the demo city loaded, tells the newcomer how to sign in, right after the platform's address. */
@Component
class DemoSignInAnnouncement {

  private static final Logger log = LoggerFactory.getLogger(DemoSignInAnnouncement.class);

  private final DemoDataProperties properties;

  DemoSignInAnnouncement(DemoDataProperties properties) {
    this.properties = properties;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.HIGHEST_PRECEDENCE + 1)
  void announce() {
    if (properties.enabled()) {
      log.info("演示账号 (demo sign-in): {} / {} (其他演示角色的密码相同; the other demo roles use the same password)",
          DemoData.ADMIN_USERNAME, DemoData.PASSWORD);
    }
  }
}
