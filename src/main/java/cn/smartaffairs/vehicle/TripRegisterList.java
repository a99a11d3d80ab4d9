package cn.smartaffairs.vehicle;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.security.DataScope;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 出车登记公示: the read side of the trip register's page and export — the ended trips of the units in the caller's
 * scope that started in the period, searched by plate, purpose, driver or unit; by default unit by unit in time order,
 * as a unit publishes it. The routes of a page are read together.
 */
@Component
class TripRegisterList {

  static final SortKeys SORT_KEYS = SortKeys.builder()
      .ascending("unit", "v.region_id", "u.sort_order", "t.started_at")
      .ascending("day", "t.started_at")
      .ascending("plate", "v.plate", "t.started_at")
      .ascending("purpose", SortKeys.pinyin("coalesce(r.purpose, t.purpose)"))
      .descending("km", "(t.end_odometer_km - t.start_odometer_km)")
      .descending("cost", "(t.tolls_fen + t.parking_fen + t.energy_cost_fen)")
      .ascending("driver", SortKeys.pinyin("s.name"), "t.started_at")
      .byDefault("unit").tieBreaker("t.id");

  private static final String FROM = """
       from vehicle_trip t join vehicle v on v.id = t.vehicle_id join org_unit u on u.id = v.unit_id
       join vehicle_driver dr on dr.id = t.driver_id join org_person s on s.id = dr.staff_id
       left join vehicle_dispatch d on d.id = t.dispatch_id left join vehicle_request r on r.id = d.request_id
      where t.ended_at is not null and t.started_at >= :from and t.started_at < :to
        and (cast(:unit as bigint) is null or v.unit_id = :unit)
        and (cast(:keyword as text) is null or v.plate ilike :keyword escape '\\'
             or coalesce(r.purpose, t.purpose) ilike :keyword escape '\\' or s.name ilike :keyword escape '\\'
             or u.name ilike :keyword escape '\\')
        and """;

  private final JdbcClient jdbc;

  TripRegisterList(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Page<VehicleCosts.RegisterLine> search(ListQuery query, LocalDate from, LocalDate to, Long unitId,
      DataScope scope) {
    if (from == null || to == null || to.isBefore(from)) {
      throw new BusinessRuleException("vehicle.periodInvalid");
    }
    String where = FROM + DataScope.sqlCondition("v.region_id", "v.unit_id", null);
    MapSqlParameterSource parameters = scope.bind(new MapSqlParameterSource())
        .addValue("from", VehicleRequests.timestamp(from.atStartOfDay()))
        .addValue("to", VehicleRequests.timestamp(to.plusDays(1).atStartOfDay())).addValue("unit", unitId)
        .addValue("keyword", query.likePattern());
    long total = jdbc.sql("select count(*)" + where).paramSource(parameters).query(Long.class).single();
    ListQuery shown = query.within(total);
    record Row(VehicleCosts.RegisterLine line, Long requestId) {}
    List<Row> rows = jdbc.sql("""
        select t.*, v.plate, u.name as unit_name, coalesce(r.purpose, t.purpose) as trip_purpose, r.id as request_id,
               s.name as driver_name""" + where + SORT_KEYS.orderBy(shown) + " limit :limit offset :offset")
        .paramSource(parameters.addValue("limit", shown.size()).addValue("offset", shown.offset()))
        .query((rs, n) -> {
          LocalDateTime started = VehicleRequests.local(rs, "started_at");
          return new Row(new VehicleCosts.RegisterLine(started.toLocalDate(), rs.getString("unit_name"),
              rs.getString("plate"), rs.getString("trip_purpose"), null, started,
              VehicleRequests.local(rs, "ended_at"), rs.getInt("end_odometer_km") - rs.getInt("start_odometer_km"),
              rs.getBigDecimal("fuel_litres"), rs.getBigDecimal("charging_kwh"),
              rs.getLong("tolls_fen") + rs.getLong("parking_fen") + rs.getLong("energy_cost_fen"),
              rs.getString("driver_name"), rs.getTimestamp("confirmed_at") != null), (Long) rs.getObject("request_id"));
        }).list();
    Map<Long, String> routes = routes(rows.stream().map(Row::requestId).filter(java.util.Objects::nonNull).toList());
    return shown.pageOf(rows.stream().map(row -> withRoute(row.line(), row.requestId() == null
        ? ""
        : routes.getOrDefault(row.requestId(), ""))).toList(), total);
  }

  /** Each request's route as the register prints it: the origin, then the stops in order. */
  private Map<Long, String> routes(List<Long> requestIds) {
    Map<Long, String> routes = new HashMap<>();
    if (requestIds.isEmpty()) {
      return routes;
    }
    jdbc.sql("""
        select r.id, r.origin_name || ' → ' || coalesce((select string_agg(s.name, ' → ' order by s.position)
                 from vehicle_request_stop s where s.request_id = r.id), '') as route
          from vehicle_request r where r.id = any(:ids)""")
        .param("ids", requestIds.stream().distinct().toArray(Long[]::new))
        .query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("route"))).list()
        .forEach(route -> routes.put(route.getKey(), route.getValue()));
    return routes;
  }

  private static VehicleCosts.RegisterLine withRoute(VehicleCosts.RegisterLine line, String route) {
    return new VehicleCosts.RegisterLine(line.day(), line.unitName(), line.plate(), line.purpose(), route,
        line.startedAt(), line.endedAt(), line.km(), line.fuelLitres(), line.chargingKwh(), line.costFen(),
        line.driverName(), line.confirmed());
  }
}
