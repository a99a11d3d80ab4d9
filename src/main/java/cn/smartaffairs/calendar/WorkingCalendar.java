package cn.smartaffairs.calendar;

import cn.smartaffairs.platform.SharedCache;
import cn.smartaffairs.platform.SharedCaches;
import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.Role;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 工作日历: the national holiday calendar with adjusted working days, plus each region's own additions, as
 * data an administrator maintains per year. Modules ask it for {@link WorkingDays} to compute deadlines.
 */
@Service
public class WorkingCalendar {

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  /** Built calendars per region (0 = national only); cleared on every instance whenever an entry changes. */
  private final SharedCache<Long, WorkingDays> cache;

  public WorkingCalendar(JdbcClient jdbc, AuditTrail audit, SharedCaches caches) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.cache = caches.cache("working-calendar");
  }

  /** The calendar that applies in a region: national entries, overridden by the region's own. */
  public WorkingDays forRegion(Long regionId) {
    return cache.get(regionId == null ? 0L : regionId, this::load);
  }

  public List<CalendarDay> entries(int year, Long regionId) {
    return jdbc.sql("""
        select id, region_id, day, kind, name from calendar_day
         where day between :from and :to and (region_id is null or region_id = :region)
         order by day, region_id nulls first""")
        .param("from", Date.valueOf(LocalDate.of(year, 1, 1))).param("to", Date.valueOf(LocalDate.of(year, 12, 31)))
        .param("region", regionId == null ? -1L : regionId)
        .query((rs, n) -> new CalendarDay(rs.getLong("id"), (Long) rs.getObject("region_id"),
            rs.getDate("day").toLocalDate(), DayKind.valueOf(rs.getString("kind")), rs.getString("name")))
        .list();
  }

  /** Adds or replaces the entry for a day. National entries are the platform admin's; a region's, its admin's. */
  @Transactional
  public long put(Long regionId, LocalDate day, DayKind kind, String name, CurrentUser by) {
    requireMaintainer(regionId, by);
    if (name == null || name.isBlank() || name.length() > 40) {
      throw new BusinessRuleException("calendar.nameRequired");
    }
    var before = jdbc
        .sql("select kind, name from calendar_day where region_id is not distinct from :region and day = :day")
        .param("region", regionId).param("day", Date.valueOf(day)).query().listOfRows();
    jdbc.sql("delete from calendar_day where region_id is not distinct from :region and day = :day")
        .param("region", regionId).param("day", Date.valueOf(day)).update();
    long id = jdbc
        .sql("insert into calendar_day (region_id, day, kind, name) values (:region, :day, :kind, :name) returning id")
        .param("region", regionId).param("day", Date.valueOf(day)).param("kind", kind.name()).param("name", name.trim())
        .query(Long.class).single();
    audit.record(new AuditEntry(before.isEmpty() ? "CREATE" : "UPDATE", "calendar_day", day, regionId,
        before.isEmpty() ? null : before.get(0), Map.of("kind", kind, "name", name.trim())));
    cache.invalidate();
    return id;
  }

  @Transactional
  public void remove(long id, CurrentUser by) {
    CalendarDay entry = jdbc.sql("select id, region_id, day, kind, name from calendar_day where id = :id")
        .param("id", id)
        .query((rs, n) -> new CalendarDay(rs.getLong("id"), (Long) rs.getObject("region_id"),
            rs.getDate("day").toLocalDate(), DayKind.valueOf(rs.getString("kind")), rs.getString("name")))
        .optional().orElseThrow(() -> new NotFoundException("calendarDay", id));
    requireMaintainer(entry.regionId(), by);
    jdbc.sql("delete from calendar_day where id = :id").param("id", id).update();
    audit.record(AuditEntry.deleted("calendar_day", entry.day(), entry.regionId(),
        Map.of("kind", entry.kind(), "name", entry.name())));
    cache.invalidate();
  }

  private static void requireMaintainer(Long regionId, CurrentUser by) {
    boolean allowed = regionId == null
        ? by.has(Role.PLATFORM_ADMIN)
        : by.has(Role.PLATFORM_ADMIN) || (by.has(Role.REGION_ADMIN) && by.dataScope().permits(regionId, null, null));
    if (!allowed) {
      throw new ForbiddenException();
    }
  }

  private WorkingDays load(long regionKey) {
    Map<LocalDate, DayKind> exceptions = new HashMap<>();
    jdbc.sql("select day, kind, region_id from calendar_day where region_id is null or region_id = :region "
        + "order by region_id nulls first")
        .param("region", regionKey)
        .query((rs, n) -> exceptions.put(rs.getDate("day").toLocalDate(), DayKind.valueOf(rs.getString("kind"))))
        .list();
    OfficeHours hours = jdbc.sql("""
        select morning_start, morning_end, afternoon_start, afternoon_end from working_hours
         where region_id is null or region_id = :region order by region_id nulls last limit 1""")
        .param("region", regionKey)
        .query((rs, n) -> new OfficeHours(rs.getTime(1).toLocalTime(), rs.getTime(2).toLocalTime(),
            rs.getTime(3).toLocalTime(), rs.getTime(4).toLocalTime()))
        .single();
    return new WorkingDays(exceptions, hours, PlatformConfiguration.ZONE);
  }
}
