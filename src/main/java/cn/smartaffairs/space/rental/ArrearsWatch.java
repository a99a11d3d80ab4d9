package cn.smartaffairs.space.rental;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 租金催缴: a reminder to the region's space managers before an unpaid instalment falls due, as many days ahead as
 * the lease-term rule version in force in the lease's region on the day the job runs says, and an arrears notice (欠租)
 * the day after it was due. Each fires once per instalment, however often the job runs (the reminder
 * row's key), and lands in the managers' to-do list and notifications.
 */
@Component
public class ArrearsWatch {

  private final JdbcClient jdbc;
  private final Accounts accounts;
  private final cn.smartaffairs.workbench.TodoInbox inbox;
  private final Notifications notifications;
  private final AuditTrail audit;
  private final LeaseTermRules rules;
  private final Clock clock;

  public ArrearsWatch(JdbcClient jdbc, Accounts accounts, cn.smartaffairs.workbench.TodoInbox inbox,
      Notifications notifications, AuditTrail audit, LeaseTermRules rules, Clock clock) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.inbox = inbox;
    this.notifications = notifications;
    this.audit = audit;
    this.rules = rules;
    this.clock = clock;
  }

  /** One reminder sent. */
  public record Reminder(long instalmentId, ReminderKind kind, List<Long> recipients) {}

  @Scheduled(cron = "${affairs.space.rent-reminder-cron:0 0 8 * * *}", zone = "Asia/Shanghai")
  @SchedulerLock(name = "space-rent-arrears")
  public void onSchedule() {
    remindAsOfToday();
  }

  /** Sends what is due today by the platform clock. */
  @Transactional
  public List<Reminder> remindAsOfToday() {
    return remind(LocalDate.now(clock.withZone(PlatformConfiguration.ZONE)));
  }

  @Transactional
  List<Reminder> remind(LocalDate today) {
    var unpaid = jdbc.sql("""
        select i.id, i.lease_id, i.due_date, i.amount_fen - i.paid_fen as outstanding, l.region_id, l.contract_no,
               t.name as tenant_name, s.name as lettable_name
          from space_rent_instalment i join space_lease l on l.id = i.lease_id
          join space_tenant t on t.id = l.tenant_id join space_lettable s on s.id = l.lettable_id
         where i.paid_fen < i.amount_fen and i.due_date <= :horizon
         order by i.due_date, i.id""")
        .param("horizon", Date.valueOf(today.plusDays(LeaseTermRules.MAX_REMINDER_LEAD_DAYS)))
        .query().listOfRows();
    // The widest lead any rule may set bounds the query; each region's own lead, read once per run, narrows it.
    Map<Long, Integer> leadDaysByRegion = new HashMap<>();
    List<Reminder> sent = new ArrayList<>();
    for (var row : unpaid) {
      LocalDate due = ((Date) row.get("due_date")).toLocalDate();
      long regionId = ((Number) row.get("region_id")).longValue();
      int leadDays = leadDaysByRegion.computeIfAbsent(regionId,
          region -> rules.inForce(region, today).reminderLeadDays());
      if (due.isAfter(today.plusDays(leadDays))) {
        continue;
      }
      ReminderKind kind = ReminderKind.of(due, today);
      long instalmentId = ((Number) row.get("id")).longValue();
      int inserted = jdbc.sql(
          """
              insert into space_rent_reminder (instalment_id, kind, fired_at) values (:id, :kind, :now) on conflict do nothing""")
          .param("id", instalmentId).param("kind", kind.name()).param("now", Timestamp.from(clock.instant())).update();
      if (inserted == 0) {
        continue;
      }
      long leaseId = ((Number) row.get("lease_id")).longValue();
      String amount = Rentals.yuan(((Number) row.get("outstanding")).longValue());
      String title = kind.titlePrefix() + row.get("tenant_name") + "（"
          + row.get("lettable_name") + "，合同 " + row.get("contract_no") + "）应于 " + due + " 缴纳 " + amount + " 元";
      String link = Rentals.reminderLink(leaseId, instalmentId);
      List<Long> recipients = accounts.holdersOf(Role.SPACE_MANAGER, regionId, null);
      for (long recipient : recipients) {
        inbox.add(recipient, "space", title, link, null);
        notifications.send(recipient, title, kind.advice(), link);
      }
      audit.recordAs("system",
          List.of(new AuditEntry(kind.name(), "space_rent_instalment", instalmentId, regionId, null,
              Map.of("dueDate", due.toString(), "recipients", recipients))));
      sent.add(new Reminder(instalmentId, kind, recipients));
    }
    return sent;
  }
}
