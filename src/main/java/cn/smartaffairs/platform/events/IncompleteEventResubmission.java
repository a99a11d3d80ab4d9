package cn.smartaffairs.platform.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled job that tries failed listeners again: an event publication still incomplete once {@code firstDelay}
 * has passed is resubmitted to its listener, then again after twice the wait each time (at most {@code maxDelay}),
 * {@code maxAttempts} times in all; after that it stays incomplete in {@code event_publication}, visible and tried once
 * more at the next restart ({@code republish-outstanding-events-on-restart}). Attempts are counted in
 * {@code event_publication_retry}; claiming them is one conditional upsert, so two instances never resubmit the same
 * publication in the same round.
 */
@Component
public class IncompleteEventResubmission {

  private static final Logger log = LoggerFactory.getLogger(IncompleteEventResubmission.class);

  private final JdbcClient jdbc;
  private final IncompleteEventPublications incomplete;
  private final EventProperties.Retry retry;
  private final Clock clock;

  IncompleteEventResubmission(JdbcClient jdbc, IncompleteEventPublications incomplete, EventProperties properties,
      Clock clock) {
    this.jdbc = jdbc;
    this.incomplete = incomplete;
    this.retry = properties.retry();
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${affairs.events.retry.interval:PT1M}", initialDelayString = "${affairs.events.retry.initial-delay:PT1M}")
  @SchedulerLock(name = "event-publication-resubmission")
  public void resubmitDuePublications() {
    resubmitDue(clock.instant());
  }

  /** Resubmits the publications due at {@code now}; answers how many were resubmitted. */
  public int resubmitDue(Instant now) {
    List<Claim> claimed = claimDue(now);
    if (claimed.isEmpty()) {
      return 0;
    }
    claimed.stream().filter(claim -> claim.attempts() == retry.maxAttempts()).forEach(claim -> log.warn(
        "Event publication {} resubmitted for the last time ({} attempts); it stays incomplete if this fails too",
        claim.publicationId(), claim.attempts()));
    Set<UUID> due = claimed.stream().map(Claim::publicationId).collect(Collectors.toSet());
    incomplete.resubmitIncompletePublications(publication -> due.contains(publication.getIdentifier()));
    return due.size();
  }

  private record Claim(UUID publicationId, int attempts) {}

  // the first attempt once a publication is firstDelay old; attempt n+1 once maxDelay-capped firstDelay × 2^n has
  // passed since attempt n; none after maxAttempts
  private List<Claim> claimDue(Instant now) {
    return jdbc.sql("""
        insert into event_publication_retry as r (publication_id, attempts, last_attempt_at)
        select p.id, 1, :now from event_publication p
         where p.completion_date is null and p.publication_date <= :firstDue
        on conflict (publication_id) do update set attempts = r.attempts + 1, last_attempt_at = excluded.last_attempt_at
         where r.attempts < :maxAttempts
           and r.last_attempt_at + make_interval(secs => least(:firstSeconds * power(2, r.attempts), :maxSeconds))
               <= excluded.last_attempt_at
        returning publication_id, attempts""")
        .param("now", Timestamp.from(now))
        .param("firstDue", Timestamp.from(now.minus(retry.firstDelay())))
        .param("maxAttempts", retry.maxAttempts())
        .param("firstSeconds", (double) retry.firstDelay().toSeconds())
        .param("maxSeconds", (double) retry.maxDelay().toSeconds())
        .query((rs, n) -> new Claim(rs.getObject("publication_id", UUID.class), rs.getInt("attempts"))).list();
  }
}
