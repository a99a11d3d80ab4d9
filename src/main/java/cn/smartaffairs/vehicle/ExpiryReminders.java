package cn.smartaffairs.vehicle;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import cn.smartaffairs.notification.Notifications;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.vehicle.VehicleRules.Key;
import cn.smartaffairs.workbench.TodoInbox;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds each region's vehicle managers of insurance and annual inspections that expire within the days the rule
 * table sets (or have expired): a to-do and a notification, once per vehicle, kind and expiry date.
 */
@Component
public class ExpiryReminders {

  private final JdbcClient jdbc;
  private final VehicleRules rules;
  private final Accounts accounts;
  private final TodoInbox inbox;
  private final Notifications notifications;
  private final Clock clock;

  ExpiryReminders(JdbcClient jdbc, VehicleRules rules, Accounts accounts, TodoInbox inbox, Notifications notifications,
      Clock clock) {
    this.jdbc = jdbc;
    this.rules = rules;
    this.accounts = accounts;
    this.inbox = inbox;
    this.notifications = notifications;
    this.clock = clock;
  }

  @Scheduled(cron = "0 0 8 * * *", zone = "Asia/Shanghai")
  @SchedulerLock(name = "vehicle-expiry-reminders")
  public void onSchedule() {
    remind();
  }

  /** Sends the reminders due today; answers how many went out. */
  @Transactional
  public int remind() {
    LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    record Due(long vehicleId, long regionId, String plate, String kind, LocalDate expiresOn) {}
    List<Due> due = jdbc
        .sql(
            """
                select v.id, v.region_id, v.plate, k.kind, k.expires_on
                  from vehicle v
                  cross join lateral (values ('INSURANCE', v.insurance_until), ('INSPECTION', v.inspection_until)) k(kind, expires_on)
                 where v.status <> 'DISPOSED'
                   and not exists (select 1 from vehicle_expiry_reminder r
                                    where r.vehicle_id = v.id and r.kind = k.kind and r.expires_on = k.expires_on)""")
        .query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
            rs.getDate(5).toLocalDate()))
        .list().stream()
        .filter(d -> !d.expiresOn().isAfter(today.plusDays(
            (long) rules.number(Key.EXPIRY_REMINDER_DAYS, d.regionId(), today))))
        .toList();
    for (Due d : due) {
      String what = d.kind().equals("INSURANCE") ? "保险" : "年检";
      String title = "车辆 " + d.plate() + " " + what + "将于 " + d.expiresOn() + " 到期";
      String link = "/vehicles/" + d.vehicleId();
      for (var manager : accounts.holding(d.regionId(), Role.VEHICLE_MANAGER, Role.REGION_ADMIN)) {
        inbox.add(manager.userId(), "vehicle", title, link,
            d.expiresOn().atStartOfDay(PlatformConfiguration.ZONE).toInstant());
        notifications.send(manager.userId(), title, title + "，请及时办理续保或年检。", link);
      }
      jdbc.sql("insert into vehicle_expiry_reminder (vehicle_id, kind, expires_on) values (:v, :k, :e)")
          .param("v", d.vehicleId()).param("k", d.kind()).param("e", Date.valueOf(d.expiresOn())).update();
    }
    return due.size();
  }
}
