package cn.smartaffairs.platform;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Platform-wide beans. Business time is China Standard Time, whatever the server's zone. */
@Configuration(proxyBeanMethods = false)
public class PlatformConfiguration {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @Bean
  Clock clock() {
    return Clock.system(ZONE);
  }
}
