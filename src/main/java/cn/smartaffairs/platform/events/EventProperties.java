package cn.smartaffairs.platform.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How events that a listener failed to handle are tried again, and how long handled ones are kept (ADR 0012).
 *
 * @param retry when and how often {@link IncompleteEventResubmission} resubmits an incomplete publication
 * @param completedRetention how long a completed publication stays in {@code event_publication}
 * @param cleanupCron when {@link CompletedEventCleanup} deletes completed publications older than the retention
 */
@ConfigurationProperties("affairs.events")
public record EventProperties(@DefaultValue Retry retry, @DefaultValue("P30D") Duration completedRetention,
    @DefaultValue("0 40 3 * * *") String cleanupCron) {

  /**
   * @param firstDelay how old an incomplete publication is before its first resubmission; each later one waits twice
   *     as long as the one before, up to {@code maxDelay}
   * @param maxAttempts resubmissions after which a publication is left incomplete (a restart tries it once more)
   * @param interval how often the job looks for due publications
   * @param initialDelay how long after start it looks first
   */
  public record Retry(@DefaultValue("PT1M") Duration firstDelay, @DefaultValue("PT1H") Duration maxDelay,
      @DefaultValue("8") int maxAttempts, @DefaultValue("PT1M") Duration interval,
      @DefaultValue("PT1M") Duration initialDelay) {}
}
