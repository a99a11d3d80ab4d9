package cn.smartaffairs.canteen.procurement;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import cn.smartaffairs.canteen.kitchen.FoodSafetyRules;
import cn.smartaffairs.notification.Notifications;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.workbench.TodoInbox;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 证照到期提醒: tells the canteen managers of the region, once per licence, when a supplier's licence expires within
 * the region's reminder period (30 days nationally) or has expired, so it is renewed before the supplier drops out.
 */
@Component
public class LicenceWatch {

  private record Expiring(long licenceId, long regionId, long supplierId, String supplierName, String number,
      LocalDate expiresOn) {}

  private final JdbcClient jdbc;
  private final FoodSafetyRules rules;
  private final Accounts accounts;
  private final TodoInbox todos;
  private final Notifications notifications;
  private final Clock clock;

  LicenceWatch(JdbcClient jdbc, FoodSafetyRules rules, Accounts accounts, TodoInbox todos, Notifications notifications,
      Clock clock) {
    this.jdbc = jdbc;
    this.rules = rules;
    this.accounts = accounts;
    this.todos = todos;
    this.notifications = notifications;
    this.clock = clock;
  }

  /** Every hour on one instance only (the job's lock answers no count, hence this void entry). */
  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT3M")
  @SchedulerLock(name = "canteen-licence-watch")
  @Transactional
  public void remindOnSchedule() {
    remind();
  }

  /** Sends the reminders that are due; answers how many licences were reminded of. */
  @Transactional
  public int remind() {
    LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    List<Expiring> candidates = jdbc.sql("""
        select l.id, s.region_id, s.id as supplier_id, s.name, l.number, l.expires_on
          from canteen_supplier_licence l join canteen_supplier s on s.id = l.supplier_id
         where l.reminded_at is null and l.expires_on <= :horizon""")
        .param("horizon", java.sql.Date.valueOf(today.plusDays(365)))
        .query((rs, n) -> new Expiring(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
            rs.getDate(6).toLocalDate()))
        .list();
    int reminded = 0;
    for (Expiring licence : candidates) {
      int days = rules.inEffect(licence.regionId(), today).licenceReminderDays();
      if (licence.expiresOn().isAfter(today.plusDays(days))) {
        continue;
      }
      String title = (licence.expiresOn().isBefore(today) ? "供应商证照已过期：" : "供应商证照即将到期：")
          + licence.supplierName() + " " + licence.number() + "（" + licence.expiresOn() + "）";
      String link = "/canteen/procurement/suppliers#supplier-" + licence.supplierId();
      for (long userId : accounts.holdersOf(Role.CANTEEN_MANAGER, licence.regionId(), null)) {
        todos.add(userId, "canteen", title, link,
            licence.expiresOn().atStartOfDay(PlatformConfiguration.ZONE).toInstant());
        notifications.send(userId, title, title, link);
      }
      jdbc.sql("update canteen_supplier_licence set reminded_at = :now where id = :id")
          .param("now", Timestamp.from(clock.instant())).param("id", licence.licenceId()).update();
      reminded++;
    }
    return reminded;
  }
}
