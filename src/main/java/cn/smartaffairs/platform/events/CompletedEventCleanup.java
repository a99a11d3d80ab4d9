package cn.smartaffairs.platform.events;

import org.springframework.modulith.events.CompletedEventPublications;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes completed event publications once they are older than {@code affairs.events.completed-retention} (30 days):
 * a handled event is kept a while for tracing, not forever. Incomplete ones are never deleted.
 */
@Component
class CompletedEventCleanup {

  private final CompletedEventPublications completed;
  private final EventProperties properties;

  CompletedEventCleanup(CompletedEventPublications completed, EventProperties properties) {
    this.completed = completed;
    this.properties = properties;
  }

  @Scheduled(cron = "${affairs.events.cleanup-cron:0 40 3 * * *}", zone = "Asia/Shanghai")
  @SchedulerLock(name = "event-publication-cleanup")
  public void deleteExpiredCompletedPublications() {
    completed.deletePublicationsOlderThan(properties.completedRetention());
  }
}
