package cn.smartaffairs.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests: the system clock, unless a test stops it at a moment of its choosing (a
 * Saturday night, the eve of National Day) — and it must {@link #resume()} afterwards, since all tests share it.
 */
public class TestClock extends Clock {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private final AtomicReference<Instant> stoppedAt = new AtomicReference<>();

  public void stopAt(Instant moment) {
    stoppedAt.set(moment);
  }

  public void resume() {
    stoppedAt.set(null);
  }

  @Override
  public Instant instant() {
    Instant stopped = stoppedAt.get();
    return stopped != null ? stopped : Instant.now();
  }

  @Override
  public ZoneId getZone() { return SHANGHAI; }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(instant(), zone);
  }

  /** Puts the test clock in place of the platform's; imported by {@link cn.smartaffairs.IntegrationTest}. */
  @TestConfiguration(proxyBeanMethods = false)
  public static class Configuration {
    @Bean
    @Primary
    TestClock testClock() {
      return new TestClock();
    }
  }
}
