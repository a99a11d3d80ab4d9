package cn.smartaffairs.access;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The visitor log is kept only as long as the region's VISIT_RETENTION_DAYS (个人信息保护法 art. 19): each night the
 * visits whose day lies further back are deleted, with their encrypted ID and mobile numbers, and each region's
 * deletion is audited as one event with its count and cut-off day. Invitation links past their end go too.
 */
@Service
public class VisitRetention {

  /** What one region lost: visits before {@code before} deleted. */
  public record Deleted(long regionId, LocalDate before, int visits) {}

  private final JdbcClient jdbc;
  private final AccessRules rules;
  private final AuditTrail audit;
  private final Clock clock;

  VisitRetention(JdbcClient jdbc, AccessRules rules, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.rules = rules;
    this.audit = audit;
    this.clock = clock;
  }

  @Scheduled(cron = "${affairs.access.visit-retention-cron:0 40 2 * * *}", zone = "Asia/Shanghai")
  @SchedulerLock(name = "access-visit-retention")
  public void onSchedule() {
    deleteExpired(LocalDate.now(clock.withZone(Visit.BEIJING)));
  }

  /** Deletes, per region, the visits older than its retention on {@code today}; visitors still on site stay. */
  @Transactional
  public List<Deleted> deleteExpired(LocalDate today) {
    AccessRules.InForce retention = rules.inForce(AccessRules.Key.VISIT_RETENTION_DAYS, today);
    List<Long> regions = jdbc.sql("select distinct region_id from access_visit order by region_id")
        .query(Long.class).list();
    List<Deleted> deleted = new ArrayList<>();
    for (long region : regions) {
      LocalDate before = today.minusDays(retention.of(region));
      int count = jdbc.sql("""
          delete from access_visit where region_id = :region and visit_on < :before and status <> 'CHECKED_IN'""")
          .param("region", region).param("before", Date.valueOf(before)).update();
      if (count > 0) {
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("visitsBefore", before.toString());
        what.put("count", count);
        audit.recordAs("system", List.of(new AuditEntry("RETENTION_DELETE", "access_visit", "retention", region,
            what, null)));
        deleted.add(new Deleted(region, before, count));
      }
    }
    jdbc.sql("delete from access_invitation where expires_at < :cutoff")
        .param("cutoff", java.sql.Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(1)))).update();
    return deleted;
  }
}
