package cn.smartaffairs.workorder;

import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.security.Role;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 工单统计: per category or per handler over a period — volumes, on-time rates for response (accepted by the
 * respond deadline) and resolution (resolved by the resolve deadline), mean times, satisfaction and reopen rates.
 */
@Service
public class WorkOrderReport {

  private final JdbcClient jdbc;
  private final Accounts accounts;

  public WorkOrderReport(JdbcClient jdbc, Accounts accounts) {
    this.jdbc = jdbc;
    this.accounts = accounts;
  }

  /** What the rows are grouped by. */
  public enum GroupBy {
    CATEGORY, HANDLER
  }

  /** One row of the report; rates are fractions (0–1) and null where nothing was measured. */
  public record Line(String group, long orders, long closed, Double respondOnTime, Double resolveOnTime,
      Double meanRespondHours, Double meanResolveHours, Double satisfactionRate, Double reopenRate) {}

  public List<Line> lines(LocalDate from, LocalDate to, GroupBy groupBy, CurrentUser viewer) {
    DataScope scope = viewer.dataScopeAs(Role.PLATFORM_ADMIN, Role.REGION_ADMIN, Role.REPAIR_MANAGER);
    String group = groupBy == GroupBy.CATEGORY ? "c.name" : "coalesce(w.assignee_user_id::text, '')";
    var parameters = scope.bind(new MapSqlParameterSource())
        .addValue("from", Timestamp.from(from.atStartOfDay(PlatformConfiguration.ZONE).toInstant()))
        .addValue("to", Timestamp.from(to.plusDays(1).atStartOfDay(PlatformConfiguration.ZONE).toInstant()))
        .addValue("closed", WorkOrderStatus.CLOSED.name())
        .addValue("satisfied", Satisfaction.COUNTED_AS_SATISFIED);
    // the group expression is one of two fixed strings above, never user input
    return jdbc
        .sql(
            """
                select %s as grp,
                       count(*) as orders,
                       count(*) filter (where w.status = :closed) as closed,
                       avg(case when w.accepted_at is null then null when w.accepted_at <= w.respond_due_at then 1.0 else 0.0 end) as respond_on_time,
                       avg(case when w.resolved_at is null then null when w.resolved_at <= w.resolve_due_at then 1.0 else 0.0 end) as resolve_on_time,
                       avg(extract(epoch from w.accepted_at - w.received_at) / 3600.0) as mean_respond_hours,
                       avg(extract(epoch from w.resolved_at - w.received_at) / 3600.0) as mean_resolve_hours,
                       avg(case when w.satisfaction is null then null when w.satisfaction in (:satisfied) then 1.0 else 0.0 end) as satisfaction_rate,
                       avg(case when w.reopen_count > 0 then 1.0 else 0.0 end) as reopen_rate
                  from work_order w
                  join work_order_category c on c.id = w.category_id
                 where %s and w.received_at >= :from and w.received_at < :to
                 group by 1 order by 2 desc, 1"""
                .formatted(group, DataScope.sqlCondition("w.region_id", null, null)))
        .paramSource(parameters)
        .query((rs, n) -> new Line(groupName(groupBy, rs.getString("grp")), rs.getLong("orders"), rs.getLong("closed"),
            (Double) nullable(rs.getObject("respond_on_time")), (Double) nullable(rs.getObject("resolve_on_time")),
            (Double) nullable(rs.getObject("mean_respond_hours")),
            (Double) nullable(rs.getObject("mean_resolve_hours")),
            (Double) nullable(rs.getObject("satisfaction_rate")), (Double) nullable(rs.getObject("reopen_rate"))))
        .list();
  }

  /** Handlers are named through the security module, whose accounts table this module does not read. */
  private String groupName(GroupBy groupBy, String key) {
    if (groupBy == GroupBy.CATEGORY) {
      return key;
    }
    return key.isEmpty() ? "未派单" : accounts.findById(Long.parseLong(key)).map(CurrentUser::displayName).orElse(key);
  }

  private static Object nullable(Object value) {
    return value == null ? null : ((Number) value).doubleValue();
  }
}
