package cn.smartaffairs.vehicle;

import cn.smartaffairs.platform.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 派车记录 as stored: reads dispatches, with their plate and driver's name, and writes them. Who may see or change
 * one is decided by {@link Dispatching}; what may change, by {@link Dispatch} and {@link TripRequest}.
 */
@Component
class DispatchRecords {

  private static final String DISPATCH = """
      select d.*, lower(d.during) as starts_at, upper(d.during) as ends_at, v.plate, s.name as driver_name
        from vehicle_dispatch d join vehicle v on v.id = d.vehicle_id
        join vehicle_driver dr on dr.id = d.driver_id join org_person s on s.id = dr.staff_id""";

  private final JdbcClient jdbc;

  DispatchRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Dispatch get(long id) {
    return jdbc.sql(DISPATCH + " where d.id = :id").param("id", id).query(DispatchRecords::dispatch).optional()
        .orElseThrow(() -> new NotFoundException("vehicleDispatch", id));
  }

  /** The dispatch, its row locked until the transaction ends, so that a cancel and a start never both pass. */
  Dispatch lock(long id) {
    jdbc.sql("select id from vehicle_dispatch where id = :id for update").param("id", id).query(Long.class).optional();
    return get(id);
  }

  /** The active dispatch of a request, if any. */
  Optional<Dispatch> ofRequest(long requestId) {
    return jdbc.sql(DISPATCH + " where d.request_id = :id and d.status = 'ACTIVE'").param("id", requestId)
        .query(DispatchRecords::dispatch).optional();
  }

  /** The active dispatch of each request that has one, by request id, in one query. */
  Map<Long, Dispatch> ofRequests(Collection<Long> requestIds) {
    Map<Long, Dispatch> dispatches = new HashMap<>();
    if (requestIds.isEmpty()) {
      return dispatches;
    }
    jdbc.sql(DISPATCH + " where d.request_id = any(:ids) and d.status = 'ACTIVE'")
        .param("ids", requestIds.toArray(Long[]::new)).query(DispatchRecords::dispatch).list()
        .forEach(d -> dispatches.put(d.requestId(), d));
    return dispatches;
  }

  /** The dispatches a driver drives on a day, by start. */
  List<Dispatch> ofDriver(long driverId, LocalDate day) {
    return jdbc.sql(DISPATCH + " where d.driver_id = :driver and d.status = 'ACTIVE'"
        + " and d.during && tstzrange(:from, :to) order by lower(d.during)")
        .param("driver", driverId).param("from", VehicleRequests.timestamp(day.atStartOfDay()))
        .param("to", VehicleRequests.timestamp(day.plusDays(1).atStartOfDay()))
        .query(DispatchRecords::dispatch).list();
  }

  /** The driver's dispatches that start on or after a day, soonest first, at most {@code limit} of them. */
  List<Dispatch> comingOfDriver(long driverId, LocalDate from, int limit) {
    return jdbc.sql(DISPATCH + " where d.driver_id = :driver and d.status = 'ACTIVE' and lower(d.during) >= :from"
        + " order by lower(d.during) limit :limit")
        .param("driver", driverId).param("from", VehicleRequests.timestamp(from.atStartOfDay())).param("limit", limit)
        .query(DispatchRecords::dispatch).list();
  }

  /** The active dispatches of vehicles of the regions that touch the day: the planner plans around them. */
  List<Dispatch> heldOnDay(Collection<Long> regionIds, LocalDate day) {
    return jdbc.sql(DISPATCH + " where d.status = 'ACTIVE' and v.region_id = any(:regions)"
        + " and d.during && tstzrange(:from, :to)")
        .param("regions", regionIds.toArray(Long[]::new))
        .param("from", VehicleRequests.timestamp(day.atStartOfDay()))
        .param("to", VehicleRequests.timestamp(day.plusDays(1).atStartOfDay()))
        .query(DispatchRecords::dispatch).list();
  }

  /** What holds the vehicle or the driver in the window: their active dispatches that overlap it. */
  List<Booking> holding(long vehicleId, long driverId, LocalDateTime start, LocalDateTime end) {
    return jdbc.sql("""
        select d.vehicle_id, d.driver_id, lower(d.during) as starts_at, upper(d.during) as ends_at
          from vehicle_dispatch d
         where d.status = 'ACTIVE' and (d.vehicle_id = :vehicle or d.driver_id = :driver)
           and d.during && tstzrange(:from, :to, '[)')""")
        .param("vehicle", vehicleId).param("driver", driverId).param("from", VehicleRequests.timestamp(start))
        .param("to", VehicleRequests.timestamp(end)).query(DispatchRecords::booking).list();
  }

  /** The active dispatches of the region's vehicles between the two days (both included). */
  List<Booking> bookings(long regionId, LocalDate first, LocalDate last) {
    return jdbc.sql("""
        select d.vehicle_id, d.driver_id, lower(d.during) as starts_at, upper(d.during) as ends_at
          from vehicle_dispatch d join vehicle v on v.id = d.vehicle_id
         where d.status = 'ACTIVE' and v.region_id = :region and d.during && tstzrange(:from, :to)""")
        .param("region", regionId).param("from", VehicleRequests.timestamp(first.atStartOfDay()))
        .param("to", VehicleRequests.timestamp(last.plusDays(1).atStartOfDay()))
        .query(DispatchRecords::booking).list();
  }

  /** Whether the driver has set off on the dispatch. */
  boolean tripStarted(long dispatchId) {
    return jdbc.sql("select count(*) from vehicle_trip where dispatch_id = :id").param("id", dispatchId)
        .query(Long.class).single() > 0;
  }

  /** The number printed on the request's next 派车单: PC, the trip's day, the request and its dispatch count. */
  String nextSheetNo(TripRequest request) {
    long nth = jdbc.sql("select count(*) + 1 from vehicle_dispatch where request_id = :id").param("id", request.id())
        .query(Long.class).single();
    return "PC" + request.start().format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + "-" + request.id() + "-"
        + nth;
  }

  /** Writes a new active dispatch for the request's window; answers its id. */
  long insert(TripRequest request, long vehicleId, long driverId, String sheetNo, DispatchMode mode, boolean aid,
      long by) {
    return jdbc.sql("""
        insert into vehicle_dispatch (request_id, vehicle_id, driver_id, during, sheet_no, mode, aid, dispatched_by)
        values (:request, :vehicle, :driver, tstzrange(:start, :end, '[)'), :sheet, :mode, :aid, :by) returning id""")
        .param("request", request.id()).param("vehicle", vehicleId).param("driver", driverId)
        .param("start", VehicleRequests.timestamp(request.start()))
        .param("end", VehicleRequests.timestamp(request.end()))
        .param("sheet", sheetNo).param("mode", mode.name()).param("aid", aid).param("by", by)
        .query(Long.class).single();
  }

  /** Stores the dispatch's status as its aggregate decided it. */
  void saveStatus(Dispatch dispatch) {
    jdbc.sql("update vehicle_dispatch set status = :status where id = :id").param("status", dispatch.status().name())
        .param("id", dispatch.id()).update();
  }

  private static Booking booking(ResultSet rs, int n) throws SQLException {
    return new Booking(rs.getLong("vehicle_id"), rs.getLong("driver_id"), VehicleRequests.local(rs, "starts_at"),
        VehicleRequests.local(rs, "ends_at"));
  }

  static Dispatch dispatch(ResultSet rs, int n) throws SQLException {
    return new Dispatch(rs.getLong("id"), rs.getLong("request_id"), rs.getLong("vehicle_id"), rs.getString("plate"),
        rs.getLong("driver_id"), rs.getString("driver_name"), VehicleRequests.local(rs, "starts_at"),
        VehicleRequests.local(rs, "ends_at"), rs.getString("sheet_no"), DispatchMode.valueOf(rs.getString("mode")),
        rs.getBoolean("aid"), DispatchStatus.valueOf(rs.getString("status")));
  }
}
