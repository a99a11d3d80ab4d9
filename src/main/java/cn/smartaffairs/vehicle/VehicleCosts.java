package cn.smartaffairs.vehicle;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 单车核算: costs per vehicle (fuel card, charging, maintenance at designated shops, insurance, tolls, parking) and the
 * report per vehicle, unit or category over a period — cost per km and fuel or energy per 100 km against the fleet
 * average — plus the trip register each unit publishes (公示).
 */
@Service
public class VehicleCosts {

  public enum CostKind {
    FUEL, CHARGING, MAINTENANCE, INSURANCE, TOLL, PARKING, OTHER
  }

  public enum GroupBy {
    VEHICLE, UNIT, CATEGORY
  }

  public record Cost(long id, long vehicleId, String plate, CostKind kind, long amountFen, LocalDate incurredOn,
      BigDecimal quantity, String supplier, String cardNo, Long tripId, String note) {}

  public record NewCost(Long vehicleId, CostKind kind, Long amountFen, LocalDate incurredOn, BigDecimal quantity,
      String supplier, String cardNo, String note) {}

  /**
   * One line of the report; money in fen, {@code versusFleetPercent} is cost per km relative to the fleet average;
   * {@code gpsKm} the kilometres of the trips derived from positions (null when none are known, ADR 0013).
   */
  public record ReportRow(String key, String label, int vehicles, long km, BigDecimal gpsKm,
      Map<CostKind, Long> costsFen, long totalFen,
      Double costPerKmFen, Double litresPer100Km, Double kwhPer100Km, Double versusFleetPercent) {}

  public record Report(LocalDate from, LocalDate to, GroupBy groupBy, List<ReportRow> rows, ReportRow fleet) {}

  /** One line of the published trip register. */
  public record RegisterLine(LocalDate day, String unitName, String plate, String purpose, String route,
      LocalDateTime startedAt, LocalDateTime endedAt, Integer km, BigDecimal fuelLitres,
      BigDecimal chargingKwh, long costFen, String driverName, boolean confirmed) {}

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Fleet fleet;
  private final ObjectProvider<GpsAuditFindings> gps;

  VehicleCosts(JdbcClient jdbc, AuditTrail audit, Fleet fleet, ObjectProvider<GpsAuditFindings> gps) {
    this.gps = gps;
    this.jdbc = jdbc;
    this.audit = audit;
    this.fleet = fleet;
  }

  @Transactional
  public long record(NewCost cost, CurrentUser by) {
    if (cost.vehicleId() == null) {
      throw new BusinessRuleException("vehicle.costInvalid");
    }
    Vehicle vehicle = fleet.get(cost.vehicleId(), by.dataScope());
    fleet.requireManager(vehicle.regionId(), by);
    if (cost.kind() == null || cost.amountFen() == null || cost.amountFen() < 0 || cost.incurredOn() == null
        || (cost.quantity() != null && cost.quantity().signum() < 0)) {
      throw new BusinessRuleException("vehicle.costInvalid");
    }
    if ((cost.kind() == CostKind.FUEL || cost.kind() == CostKind.CHARGING) && cost.quantity() == null) {
      throw new BusinessRuleException("vehicle.costQuantityRequired");
    }
    long id = jdbc
        .sql(
            """
                insert into vehicle_cost (vehicle_id, kind, amount_fen, incurred_on, quantity, supplier, card_no, note, recorded_by)
                values (:vehicle, :kind, :amount, :on, :quantity, :supplier, :card, :note, :by) returning id""")
        .param("vehicle", vehicle.id()).param("kind", cost.kind().name()).param("amount", cost.amountFen())
        .param("on", Date.valueOf(cost.incurredOn())).param("quantity", cost.quantity())
        .param("supplier", trim(cost.supplier())).param("card", trim(cost.cardNo())).param("note", trim(cost.note()))
        .param("by", by.userId()).query(Long.class).single();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("vehicle", vehicle.plate());
    after.put("kind", cost.kind().name());
    after.put("amountFen", cost.amountFen());
    after.put("incurredOn", cost.incurredOn().toString());
    after.put("quantity", cost.quantity());
    after.put("supplier", trim(cost.supplier()));
    audit.record(AuditEntry.created("vehicle_cost", id, vehicle.regionId(), after));
    return id;
  }

  public List<Cost> costsOf(long vehicleId, DataScope scope) {
    fleet.get(vehicleId, scope);
    return jdbc.sql(
        "select c.*, v.plate from vehicle_cost c join vehicle v on v.id = c.vehicle_id where c.vehicle_id = :id order by c.incurred_on desc, c.id desc limit 200")
        .param("id", vehicleId)
        .query((rs, n) -> new Cost(rs.getLong("id"), rs.getLong("vehicle_id"), rs.getString("plate"),
            CostKind.valueOf(rs.getString("kind")), rs.getLong("amount_fen"), rs.getDate("incurred_on").toLocalDate(),
            rs.getBigDecimal("quantity"), rs.getString("supplier"), rs.getString("card_no"),
            (Long) rs.getObject("trip_id"), rs.getString("note")))
        .list();
  }

  /**
   * 单车核算 over [from, to]: km from trips ended in the period, costs incurred in it; beside the odometer's km the GPS
   * km of the trips derived from positions that ended in it, where a module supplies them.
   */
  public Report report(LocalDate from, LocalDate to, GroupBy groupBy, DataScope scope) {
    if (from == null || to == null || to.isBefore(from)) {
      throw new BusinessRuleException("vehicle.periodInvalid");
    }
    record PerVehicle(long id, String plate, long unitId, String unitName, String category, long km,
        Map<CostKind, Long> costs, BigDecimal litres, BigDecimal kwh) {
      Object[] figures(Map<Long, BigDecimal> gpsKm) {
        return new Object[] {km, costs, litres, kwh, gpsKm.get(id)};
      }
    }
    MapSqlParameterSource params = scope.bind(new MapSqlParameterSource())
        .addValue("from", VehicleRequests.timestamp(from.atStartOfDay()))
        .addValue("to", VehicleRequests.timestamp(to.plusDays(1).atStartOfDay()))
        .addValue("fromDay", Date.valueOf(from)).addValue("toDay", Date.valueOf(to));
    List<PerVehicle> perVehicle = jdbc.sql("""
        select v.id, v.plate, v.unit_id, u.name as unit_name, v.category,
               coalesce((select sum(t.end_odometer_km - t.start_odometer_km) from vehicle_trip t
                          where t.vehicle_id = v.id and t.ended_at >= :from and t.ended_at < :to), 0) as km,
               coalesce((select jsonb_object_agg(kind, total) from (select c.kind, sum(c.amount_fen) as total
                           from vehicle_cost c where c.vehicle_id = v.id and c.incurred_on between :fromDay and :toDay
                          group by c.kind) k), '{}'::jsonb)::text as costs,
               (select sum(c.quantity) from vehicle_cost c where c.vehicle_id = v.id and c.kind = 'FUEL'
                   and c.incurred_on between :fromDay and :toDay) as litres,
               (select sum(c.quantity) from vehicle_cost c where c.vehicle_id = v.id and c.kind = 'CHARGING'
                   and c.incurred_on between :fromDay and :toDay) as kwh
          from vehicle v join org_unit u on u.id = v.unit_id
         where %s and (v.status <> 'DISPOSED' or exists (select 1 from vehicle_cost c where c.vehicle_id = v.id
                and c.incurred_on between :fromDay and :toDay))
         order by u.sort_order, v.plate""".formatted(DataScope.sqlCondition("v.region_id", "v.unit_id", null)))
        .paramSource(params)
        .query((rs, n) -> new PerVehicle(rs.getLong("id"), rs.getString("plate"), rs.getLong("unit_id"),
            rs.getString("unit_name"), rs.getString("category"), rs.getLong("km"), costs(rs.getString("costs")),
            rs.getBigDecimal("litres"), rs.getBigDecimal("kwh")))
        .list();
    GpsAuditFindings findings = gps.getIfAvailable();
    Map<Long, BigDecimal> gpsKm = findings == null || perVehicle.isEmpty()
        ? Map.of()
        : findings.gpsKm(perVehicle.stream().map(PerVehicle::id).toList(), from, to);
    Function<PerVehicle, String[]> keyOf = switch (groupBy == null ? GroupBy.VEHICLE : groupBy) {
      case VEHICLE -> p -> new String[] {String.valueOf(p.id()), p.plate() + "（" + p.unitName() + "）"};
      case UNIT -> p -> new String[] {String.valueOf(p.unitId()), p.unitName()};
      case CATEGORY -> p -> new String[] {p.category(), Fleet.categoryLabel(VehicleCategory.valueOf(p.category()))};
    };
    Map<String, List<PerVehicle>> groups = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    for (PerVehicle p : perVehicle) {
      String[] key = keyOf.apply(p);
      groups.computeIfAbsent(key[0], k -> new ArrayList<>()).add(p);
      labels.put(key[0], key[1]);
    }
    ReportRow fleetRow = row("FLEET", "全部车辆",
        perVehicle.stream().map(p -> p.figures(gpsKm)).toList(), null);
    List<ReportRow> rows = new ArrayList<>();
    groups.forEach((key, members) -> rows.add(row(key, labels.get(key),
        members.stream().map(p -> p.figures(gpsKm)).toList(),
        fleetRow.costPerKmFen())));
    // a line with neither km nor cost says nothing; the fleet line still counts every vehicle
    rows.removeIf(row -> row.km() == 0 && row.totalFen() == 0 && row.gpsKm() == null);
    return new Report(from, to, groupBy == null ? GroupBy.VEHICLE : groupBy, rows, fleetRow);
  }

  @SuppressWarnings("unchecked")
  private static ReportRow row(String key, String label, List<Object[]> members, Double fleetCostPerKm) {
    long km = 0;
    Map<CostKind, Long> costs = new LinkedHashMap<>();
    for (CostKind kind : CostKind.values()) {
      costs.put(kind, 0L);
    }
    BigDecimal litres = BigDecimal.ZERO;
    BigDecimal kwh = BigDecimal.ZERO;
    BigDecimal gpsKm = null;
    for (Object[] m : members) {
      gpsKm = m[4] == null ? gpsKm : (gpsKm == null ? BigDecimal.ZERO : gpsKm).add((BigDecimal) m[4]);
      km += (Long) m[0];
      ((Map<CostKind, Long>) m[1]).forEach((kind, fen) -> costs.merge(kind, fen, Long::sum));
      litres = m[2] == null ? litres : litres.add((BigDecimal) m[2]);
      kwh = m[3] == null ? kwh : kwh.add((BigDecimal) m[3]);
    }
    long total = costs.values().stream().mapToLong(Long::longValue).sum();
    Double perKm = km == 0 ? null : round((double) total / km);
    Double litresPer100 = km == 0 || litres.signum() == 0 ? null : round(litres.doubleValue() * 100 / km);
    Double kwhPer100 = km == 0 || kwh.signum() == 0 ? null : round(kwh.doubleValue() * 100 / km);
    Double versus = perKm == null || fleetCostPerKm == null || fleetCostPerKm == 0
        ? null
        : round(perKm * 100 / fleetCostPerKm);
    return new ReportRow(key, label, members.size(), km, gpsKm, costs, total, perKm, litresPer100, kwhPer100, versus);
  }

  /** 出车登记公示: the trips of the units in the caller's scope in the period, for publication. */
  public List<RegisterLine> register(LocalDate from, LocalDate to, Long unitId, DataScope scope) {
    if (from == null || to == null || to.isBefore(from)) {
      throw new BusinessRuleException("vehicle.periodInvalid");
    }
    MapSqlParameterSource params = scope.bind(new MapSqlParameterSource())
        .addValue("from", VehicleRequests.timestamp(from.atStartOfDay()))
        .addValue("to", VehicleRequests.timestamp(to.plusDays(1).atStartOfDay())).addValue("unit", unitId);
    return jdbc.sql("""
        select t.*, v.plate, u.name as unit_name, coalesce(r.purpose, t.purpose) as trip_purpose, r.id as request_id,
               s.name as driver_name
          from vehicle_trip t join vehicle v on v.id = t.vehicle_id join org_unit u on u.id = v.unit_id
          join vehicle_driver dr on dr.id = t.driver_id join org_person s on s.id = dr.staff_id
          left join vehicle_dispatch d on d.id = t.dispatch_id left join vehicle_request r on r.id = d.request_id
         where t.ended_at is not null and t.started_at >= :from and t.started_at < :to
           and (cast(:unit as bigint) is null or v.unit_id = :unit) and %s
         order by u.sort_order, t.started_at""".formatted(DataScope.sqlCondition("v.region_id", "v.unit_id", null)))
        .paramSource(params)
        .query((rs, n) -> {
          Integer km = rs.getInt("end_odometer_km") - rs.getInt("start_odometer_km");
          LocalDateTime started = VehicleRequests.local(rs, "started_at");
          return new RegisterLine(started.toLocalDate(), rs.getString("unit_name"), rs.getString("plate"),
              rs.getString("trip_purpose"), route((Long) rs.getObject("request_id")), started,
              VehicleRequests.local(rs, "ended_at"), km, rs.getBigDecimal("fuel_litres"),
              rs.getBigDecimal("charging_kwh"),
              rs.getLong("tolls_fen") + rs.getLong("parking_fen") + rs.getLong("energy_cost_fen"),
              rs.getString("driver_name"), rs.getTimestamp("confirmed_at") != null);
        })
        .list();
  }

  private String route(Long requestId) {
    if (requestId == null) {
      return "";
    }
    String origin = jdbc.sql("select origin_name from vehicle_request where id = :id").param("id", requestId)
        .query(String.class).single();
    List<String> stops = jdbc.sql("select name from vehicle_request_stop where request_id = :id order by position")
        .param("id", requestId).query(String.class).list();
    return origin + " → " + String.join(" → ", stops);
  }

  private static Map<CostKind, Long> costs(String json) {
    Map<CostKind, Long> costs = new LinkedHashMap<>();
    String body = json.replaceAll("[{}\\s\"]", "");
    if (!body.isEmpty()) {
      for (String pair : body.split(",")) {
        String[] kv = pair.split(":");
        costs.put(CostKind.valueOf(kv[0]), Long.parseLong(kv[1]));
      }
    }
    return costs;
  }

  private static Double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private static String trim(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
