package cn.smartaffairs.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says, once the platform answers requests, where to open it: the last line a newcomer sees at start. */
@Component
class ReadyAnnouncement {

  private static final Logger log = LoggerFactory.getLogger(ReadyAnnouncement.class);

  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  void announce(ApplicationReadyEvent event) {
    Environment environment = event.getApplicationContext().getEnvironment();
    String port = environment.getProperty("local.server.port");
    if (port == null) {
      return; // no web server (a test with a mock environment)
    }
    log.info("智慧机关事务平台已就绪 (ready): 请在浏览器中打开 http://localhost:{}{}", port,
        environment.getProperty("server.servlet.context-path", "/"));
  }
}
