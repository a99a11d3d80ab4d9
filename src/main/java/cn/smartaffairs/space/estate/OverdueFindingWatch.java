package cn.smartaffairs.space.estate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.notification.Notifications;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.Role;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 整改逾期: the day after a finding's deadline passes unrectified, the region's space managers get a to-do to follow
 * it up and the unit's head and liaisons a notification. Once per finding (the table's key).
 */
@Component
public class OverdueFindingWatch {

  private final JdbcClient jdbc;
  private final Accounts accounts;
  private final cn.smartaffairs.workbench.TodoInbox inbox;
  private final Notifications notifications;
  private final AuditTrail audit;
  private final Clock clock;

  public OverdueFindingWatch(JdbcClient jdbc, Accounts accounts, cn.smartaffairs.workbench.TodoInbox inbox,
      Notifications notifications, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.inbox = inbox;
    this.notifications = notifications;
    this.audit = audit;
    this.clock = clock;
  }

  @Scheduled(cron = "${affairs.space.finding-overdue-cron:0 30 8 * * *}", zone = "Asia/Shanghai")
  @SchedulerLock(name = "space-finding-overdue")
  public void onSchedule() {
    remindAsOfToday();
  }

  /** Fires the notices due today by the platform clock; answers the findings noticed. */
  @Transactional
  public List<Long> remindAsOfToday() {
    LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    var overdue = jdbc.sql("""
        select f.id, f.unit_id, f.description, f.deadline, c.region_id, c.title, u.name as unit_name
          from space_inspection_finding f join space_inspection_campaign c on c.id = f.campaign_id
          join org_unit u on u.id = f.unit_id
         where f.status = 'OPEN' and f.deadline < :today
           and not exists (select 1 from space_inspection_overdue o where o.finding_id = f.id)
         order by f.deadline, f.id""")
        .param("today", Date.valueOf(today)).query().listOfRows();
    List<Long> noticed = new ArrayList<>();
    for (var row : overdue) {
      long id = ((Number) row.get("id")).longValue();
      int inserted = jdbc.sql("insert into space_inspection_overdue (finding_id, fired_at) values (:id, :now)"
          + " on conflict do nothing")
          .param("id", id).param("now", Timestamp.from(clock.instant())).update();
      if (inserted == 0) {
        continue;
      }
      long regionId = ((Number) row.get("region_id")).longValue();
      long unitId = ((Number) row.get("unit_id")).longValue();
      String link = "/space/inspections/findings/" + id;
      String title = "整改逾期：" + row.get("unit_name") + " — " + row.get("description") + "（期限 " + row.get("deadline")
          + "）";
      for (long manager : accounts.holdersOf(Role.SPACE_MANAGER, regionId, null)) {
        inbox.add(manager, "space", title, link, null);
      }
      Stream.concat(accounts.holdersOf(Role.UNIT_HEAD, regionId, unitId).stream(),
          accounts.holdersOf(Role.UNIT_LIAISON, regionId, unitId).stream()).distinct()
          .forEach(keeper -> notifications.send(keeper, title, "请尽快整改并在系统中报告整改情况。", link));
      audit.recordAs("system", List.of(new AuditEntry("OVERDUE", "space_inspection_finding", id, regionId, null,
          Map.of("deadline", row.get("deadline").toString()))));
      noticed.add(id);
    }
    return noticed;
  }
}
