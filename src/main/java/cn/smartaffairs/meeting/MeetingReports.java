package cn.smartaffairs.meeting;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.Role;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 会议室使用报表 of a region (or one room) over a period of days: booked hours per room against its opening
 * hours, booked hours by weekday and hour (the heat map), the no-show rate and the services delivered.
 */
@Service
public class MeetingReports {

  private final JdbcClient jdbc;
  private final Clock clock;

  public MeetingReports(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** One room's use in the period; occupancy is booked over open hours. */
  public record RoomUsage(long roomId, String name, long bookings, double bookedHours, double openHours,
      long held, long noShows) {
    public Double occupancy() {
      return openHours == 0 ? null : bookedHours / openHours;
    }
  }

  /** Booked hours in one weekday (1 = Monday) and hour of the day (Beijing time), summed over the period. */
  public record HeatCell(int weekday, int hour, double hours) {}

  /**
   * The report. No-shows are the bookings released by the watch and those that ended confirmed without a
   * check-in; their rate is over the bookings whose time has come.
   */
  public record Report(LocalDate from, LocalDate to, Long roomId, List<RoomUsage> rooms, List<HeatCell> heat,
      Map<ServiceKind, Long> servicesDelivered) {
    public long held() {
      return rooms.stream().mapToLong(RoomUsage::held).sum();
    }

    public long noShows() {
      return rooms.stream().mapToLong(RoomUsage::noShows).sum();
    }

    public Double noShowRate() {
      return held() == 0 ? null : (double) noShows() / held();
    }

    public long delivered() {
      return servicesDelivered.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  public Report report(LocalDate from, LocalDate to, Long roomId, CurrentUser viewer) {
    if (!viewer.dataScopeAs(Role.MEETING_MANAGER, Role.REGION_ADMIN, Role.PLATFORM_ADMIN)
        .permits(viewer.regionId(), null, null)) {
      throw new ForbiddenException();
    }
    if (from == null || to == null || to.isBefore(from) || to.isAfter(from.plusDays(366))) {
      throw new BusinessRuleException("meeting.reportPeriodInvalid");
    }
    Timestamp start = Timestamp.from(from.atStartOfDay(PlatformConfiguration.ZONE).toInstant());
    Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(PlatformConfiguration.ZONE).toInstant());
    Timestamp now = Timestamp.from(clock.instant());
    long days = to.toEpochDay() - from.toEpochDay() + 1;
    List<RoomUsage> rooms = jdbc.sql("""
        select r.id, r.name,
               count(b.id) filter (where b.status in (:active, :released)) as bookings,
               coalesce(sum(extract(epoch from upper(b.during) - lower(b.during)))
                        filter (where b.status = :active), 0) / 3600.0 as booked_hours,
               extract(epoch from r.closes_at - r.opens_at) / 3600.0 * :days as open_hours,
               count(b.id) filter (where b.status in (:active, :released) and lower(b.during) <= :now) as held,
               count(b.id) filter (where b.status = :released or (b.status = :active and b.checked_in_at is null
                                                                  and upper(b.during) <= :now)) as no_shows
          from meeting_room r
          left join meeting_booking b on b.room_id = r.id and lower(b.during) >= :start and lower(b.during) < :end
         where r.region_id = :region and (cast(:room as bigint) is null or r.id = :room)
         group by r.id, r.name, r.opens_at, r.closes_at
         order by r.name""")
        .param("days", days).param("now", now).param("start", start).param("end", end)
        .param("region", viewer.regionId()).param("room", roomId)
        .param("active", BookingStatus.ACTIVE.name()).param("released", BookingStatus.RELEASED.name())
        .query((rs, n) -> new RoomUsage(rs.getLong("id"), rs.getString("name"), rs.getLong("bookings"),
            rs.getDouble("booked_hours"), rs.getDouble("open_hours"), rs.getLong("held"), rs.getLong("no_shows")))
        .list();
    List<HeatCell> heat = jdbc.sql("""
        select extract(isodow from h) as weekday, extract(hour from h) as hour,
               sum(extract(epoch from least(upper(b.during), (h + interval '1 hour') at time zone 'Asia/Shanghai')
                                    - greatest(lower(b.during), h at time zone 'Asia/Shanghai'))) / 3600.0 as hours
          from meeting_booking b join meeting_room r on r.id = b.room_id
         cross join lateral generate_series(date_trunc('hour', lower(b.during) at time zone 'Asia/Shanghai'),
                                            upper(b.during) at time zone 'Asia/Shanghai' - interval '1 second',
                                            interval '1 hour') h
         where r.region_id = :region and (cast(:room as bigint) is null or r.id = :room) and b.status = :active
           and lower(b.during) >= :start and lower(b.during) < :end
         group by 1, 2 order by 1, 2""")
        .param("region", viewer.regionId()).param("room", roomId).param("start", start).param("end", end)
        .param("active", BookingStatus.ACTIVE.name())
        .query((rs, n) -> new HeatCell(rs.getInt("weekday"), rs.getInt("hour"), rs.getDouble("hours"))).list();
    Map<ServiceKind, Long> delivered = new EnumMap<>(ServiceKind.class);
    jdbc.sql("""
        select o.kind, count(*) as delivered from meeting_service_order o
          join meeting_booking b on b.id = o.booking_id join meeting_room r on r.id = b.room_id
         where r.region_id = :region and (cast(:room as bigint) is null or r.id = :room) and o.status = :delivered
           and o.needed_at >= :start and o.needed_at < :end
         group by o.kind""")
        .param("region", viewer.regionId()).param("room", roomId).param("start", start).param("end", end)
        .param("delivered", ServiceOrderStatus.DELIVERED.name())
        .query().listOfRows()
        .forEach(row -> delivered.put(ServiceKind.valueOf((String) row.get("kind")),
            ((Number) row.get("delivered")).longValue()));
    return new Report(from, to, roomId, rooms, heat, delivered);
  }
}
